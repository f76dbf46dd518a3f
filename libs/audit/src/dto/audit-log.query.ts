import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageQuery } from '@socle/core';

/** `?entity=device&entityId=…&user=…&from=…&to=…`: every filter optional, newest first, keyset-paginated. */
export class AuditLogQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Entity type: device, pack, school, reprise…', example: 'device' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z_]{0,62}$/)
  entity?: string;

  @ApiPropertyOptional({ description: 'Id of one entity (with or without `entity`)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  entityId?: string;

  @ApiPropertyOptional({ description: 'Id of the user who made the change' })
  @IsOptional()
  @IsUUID()
  user?: string;

  @ApiPropertyOptional({ description: 'Action, or its prefix ending with a dot: `device.retire` or `device.`' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z_.]{0,99}$/)
  action?: string;

  @ApiPropertyOptional({ description: 'Inclusive lower bound (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Exclusive upper bound (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'Platform operator only: one collectivité' })
  @IsOptional()
  @IsUUID()
  collectiviteId?: string;
}
