import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import type { CheckinReport } from '@socle/core';

export class BatteryReport {
  @ApiProperty({ minimum: 0, maximum: 100 })
  @IsInt()
  @Min(0)
  @Max(100)
  level: number;

  @ApiProperty()
  @IsBoolean()
  charging: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'Remaining capacity against design capacity, %' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  health?: number;
}

export class StorageReport {
  @ApiProperty()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  freeBytes: number;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  totalBytes: number;
}

export class HeldProfile {
  @ApiProperty()
  @IsUUID()
  id: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}

export class CheckinDto implements CheckinReport {
  @ApiPropertyOptional({ example: '18.1' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  osVersion?: string;

  @ApiPropertyOptional({ type: BatteryReport })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => BatteryReport)
  battery?: BatteryReport;

  @ApiPropertyOptional({ type: StorageReport })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => StorageReport)
  storage?: StorageReport;

  @ApiPropertyOptional({
    description: "True when the device sits in its charging cart (dock or cart sensor, or the agent's own guess)",
  })
  @IsOptional()
  @IsBoolean()
  docked?: boolean;

  @ApiPropertyOptional({ type: [HeldProfile] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => HeldProfile)
  profiles?: HeldProfile[];

  @ApiPropertyOptional({ type: [String], description: 'Identifiers of the installed apps' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @IsString({ each: true })
  @Length(1, 255, { each: true })
  apps?: string[];
}
