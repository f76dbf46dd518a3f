import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNumber, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export class CreateSchoolDto {
  @ApiProperty({ example: '0750655E', description: '7 digits and the check letter' })
  @IsString()
  @Length(8, 12)
  uai: string;

  @ApiProperty({ example: 'École élémentaire Jules Ferry' })
  @IsString()
  @Length(2, 200)
  name: string;

  @ApiProperty({ example: 8 })
  @IsInt()
  @Min(1)
  @Max(60)
  classCount: number;

  @ApiPropertyOptional({ example: 10, description: 'Measured Internet bandwidth, Mbit/s' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100000)
  bandwidthMbps?: number;
}
