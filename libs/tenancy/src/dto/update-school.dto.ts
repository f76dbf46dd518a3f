import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNumber, IsOptional, IsString, Length, Max, Min, ValidateIf } from 'class-validator';

/** What a collectivité corrects on a school (the UAI is its identity: a wrong one is a new school). */
export class UpdateSchoolDto {
  @ApiPropertyOptional({ example: 'École élémentaire Jules Ferry' })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  name?: string;

  @ApiPropertyOptional({ example: 8, description: 'Drives the packs-per-4-classes line of the socle report' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  classCount?: number;

  @ApiPropertyOptional({
    example: 10,
    nullable: true,
    description: 'Measured Internet bandwidth, Mbit/s (null: unknown)',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100000)
  bandwidthMbps?: number | null;
}
