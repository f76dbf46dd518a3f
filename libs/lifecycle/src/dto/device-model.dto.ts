import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { OS_FAMILIES, OsFamily } from '@socle/fleet';

export class CreateDeviceModelDto {
  @ApiProperty({ description: 'Exactly as devices report it in `model`', example: 'iPad 10.9' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ enum: OS_FAMILIES })
  @IsOptional()
  @IsIn(OS_FAMILIES)
  osFamily?: OsFamily;

  @ApiPropertyOptional({ example: 477 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20_000)
  weightGrams?: number;

  @ApiPropertyOptional({ example: 10.9 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1, allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(100)
  screenInches?: number;

  @ApiPropertyOptional({ example: 'iPadOS 26' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  lastSupportedOs?: string;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD: end of security updates for this model', example: '2031-09-30' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  osSupportEnd?: string;
}

export class UpdateDeviceModelDto extends PartialType(CreateDeviceModelDto) {}
