import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '@socle/core';

export class ComplianceDevicesQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() packId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() schoolId?: string;

  @ApiPropertyOptional({ description: 'true: compliant only; false: non-compliant only' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  compliant?: boolean;
}

export class ComplianceSummaryQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() schoolId?: string;
}
