import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { OS_FAMILIES, OsFamily } from '@socle/fleet';

/** `?packId=` (the contract) or `?schoolId=` (the school's own level, as its resolver applies it). */
export class FilteringTargetQuery {
  @ApiPropertyOptional()
  @ValidateIf((query: FilteringTargetQuery) => query.packId !== undefined || query.schoolId === undefined)
  @IsUUID()
  packId?: string;

  @ApiPropertyOptional()
  @ValidateIf((query: FilteringTargetQuery) => query.schoolId !== undefined)
  @IsUUID()
  schoolId?: string;
}

export class FilteringCheckQuery extends FilteringTargetQuery {
  @ApiProperty({ example: 'https://www.exemple.fr/page' })
  @IsString()
  @Length(1, 4096)
  url: string;
}

export class DeviceFilteringCheckQuery {
  @ApiProperty({ example: 'https://www.exemple.fr/page' })
  @IsString()
  @Length(1, 4096)
  url: string;
}

export class FilteringRenderQuery {
  @ApiProperty()
  @IsUUID()
  packId: string;

  @ApiPropertyOptional({ enum: OS_FAMILIES, description: "Defaults to the pack's OS family" })
  @IsOptional()
  @IsIn(OS_FAMILIES)
  osFamily?: OsFamily;
}
