import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsObject,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

const VERSION = /^\d{1,6}(?:\.\d{1,9}){0,4}$/;
const VERSION_MESSAGE = 'a minimum version is numbers separated by dots, e.g. 17.4 or 10.0.19045';

export class MinOsVersionsDto {
  @ApiPropertyOptional({ example: '17.4' })
  @IsOptional()
  @Matches(VERSION, { message: VERSION_MESSAGE })
  ipados?: string;
  @ApiPropertyOptional({ example: '13' })
  @IsOptional()
  @Matches(VERSION, { message: VERSION_MESSAGE })
  android?: string;
  @ApiPropertyOptional({ example: '10.0.19045' })
  @IsOptional()
  @Matches(VERSION, { message: VERSION_MESSAGE })
  windows?: string;
  @ApiPropertyOptional({ example: '120' })
  @IsOptional()
  @Matches(VERSION, { message: VERSION_MESSAGE })
  chromeos?: string;
  @ApiPropertyOptional({ example: '12' }) @IsOptional() @Matches(VERSION, { message: VERSION_MESSAGE }) linux?: string;
}

/** PUT replaces the rules whole; a field left out means "no such rule". */
export class ComplianceRulesDto {
  @ApiPropertyOptional({ type: MinOsVersionsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MinOsVersionsDto)
  minOsVersions?: MinOsVersionsDto;

  @ApiPropertyOptional({ example: 14 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  maxDaysWithoutCheckin?: number | null;

  @ApiPropertyOptional({ example: 80, description: 'Battery health (remaining capacity, %)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  minBatteryHealth?: number | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  requiredProfileIds?: string[];

  @ApiPropertyOptional({ description: 'Devices must hold the current filtering of their pack' })
  @IsOptional()
  @IsBoolean()
  requireFiltering?: boolean;
}
