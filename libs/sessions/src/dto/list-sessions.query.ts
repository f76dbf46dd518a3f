import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '@socle/core';

export class ListSessionsQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  packId?: string;

  @ApiPropertyOptional({ description: 'Sessions ending after this instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Sessions starting before this instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
