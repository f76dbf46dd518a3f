import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID, ValidateIf } from 'class-validator';

/** Exactly one of the three (checked by the service, which says so in a VALIDATION_FAILED). */
export class AssignFilteringPolicyDto {
  @ApiPropertyOptional()
  @ValidateIf((dto: AssignFilteringPolicyDto) => dto.packId !== undefined || (!dto.schoolId && !dto.collectiviteId))
  @IsUUID()
  packId?: string;

  @ApiPropertyOptional()
  @ValidateIf((dto: AssignFilteringPolicyDto) => dto.schoolId !== undefined)
  @IsUUID()
  schoolId?: string;

  @ApiPropertyOptional()
  @ValidateIf((dto: AssignFilteringPolicyDto) => dto.collectiviteId !== undefined)
  @IsUUID()
  collectiviteId?: string;
}
