import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export const RESULT_STATUSES = ['acknowledged', 'error', 'not_now'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

export class CommandResultDto {
  @ApiProperty({ enum: RESULT_STATUSES })
  @IsIn(RESULT_STATUSES)
  status: ResultStatus;

  @ApiPropertyOptional({ description: 'What went wrong, kept for the technician' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  detail?: string;
}
