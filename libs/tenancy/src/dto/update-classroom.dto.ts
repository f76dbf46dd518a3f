import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { CLASSROOM_LEVELS, ClassroomLevel } from '../classroom.entity';

export class UpdateClassroomDto {
  @ApiPropertyOptional({ example: 'CM1 de Mme Martin' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ enum: CLASSROOM_LEVELS })
  @IsOptional()
  @IsIn(CLASSROOM_LEVELS)
  level?: ClassroomLevel;
}
