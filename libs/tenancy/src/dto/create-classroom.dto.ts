import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { CLASSROOM_LEVELS, ClassroomLevel } from '../classroom.entity';

export class CreateClassroomDto {
  @ApiProperty({ example: 'CM1 de Mme Martin' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({ enum: CLASSROOM_LEVELS })
  @IsIn(CLASSROOM_LEVELS)
  level: ClassroomLevel;
}
