import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNumber, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { INCIDENT_KINDS, IncidentKind } from '../lifecycle-enums';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreateRepairIncidentDto {
  @ApiProperty({ enum: INCIDENT_KINDS })
  @IsIn(INCIDENT_KINDS)
  kind: IncidentKind;

  @ApiProperty({ example: 'Écran fissuré après une chute' })
  @IsString()
  @Length(3, 2000)
  description: string;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD, today by default' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DATE)
  openedOn?: string;

  @ApiPropertyOptional({ example: 'Atelier informatique de la ville' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  repairer?: string;
}

export class UpdateRepairIncidentDto {
  @ApiPropertyOptional({ description: 'YYYY-MM-DD: the repair is done' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DATE)
  resolvedOn?: string;

  @ApiPropertyOptional({ description: 'Euros paid for the repair (0 under warranty)' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100_000)
  cost?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  resolution?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  repairer?: string;
}
