import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID, ValidateIf } from 'class-validator';

/** Exactly one of the three targets. */
export class AssignProfileDto {
  @ApiPropertyOptional()
  @ValidateIf((dto: AssignProfileDto) => dto.packId !== undefined || (!dto.schoolId && !dto.collectiviteId))
  @IsUUID()
  packId?: string;

  @ApiPropertyOptional()
  @ValidateIf((dto: AssignProfileDto) => dto.schoolId !== undefined)
  @IsUUID()
  schoolId?: string;

  @ApiPropertyOptional()
  @ValidateIf((dto: AssignProfileDto) => dto.collectiviteId !== undefined)
  @IsUUID()
  collectiviteId?: string;
}
