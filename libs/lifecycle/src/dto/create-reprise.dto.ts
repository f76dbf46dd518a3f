import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import { REPRISE_KINDS, RepriseKind } from '../lifecycle-enums';

export class CreateRepriseDto {
  @ApiProperty({ enum: REPRISE_KINDS })
  @IsIn(REPRISE_KINDS)
  kind: RepriseKind;

  @ApiProperty({ example: 'Ecosystem (éco-organisme DEEE)' })
  @IsString()
  @Length(2, 200)
  partyName: string;

  @ApiPropertyOptional({
    description: "The party's slip number; Socle numbers the bordereau itself when absent",
    example: 'BSD-2026-00042',
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  @Matches(/^[\p{L}\p{N}][\p{L}\p{N} ._/-]*$/u)
  slipNumber?: string;

  @ApiPropertyOptional({ description: 'Hand-over date (YYYY-MM-DD), today by default', example: '2026-11-25' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  date?: string;

  @ApiProperty({ type: [String], description: 'Retired devices handed over, each in at most one reprise' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  deviceIds: string[];
}
