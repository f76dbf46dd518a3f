import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { TENANT_ROLES } from './create-user.dto';

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: TENANT_ROLES })
  @IsOptional()
  @IsIn(TENANT_ROLES)
  role?: (typeof TENANT_ROLES)[number];

  @ApiPropertyOptional({ type: [String], description: 'Schools of a teacher, school head or ERUN' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('4', { each: true })
  schoolIds?: string[];

  @ApiPropertyOptional({ description: 'true: the account can no longer sign in and its tokens stop working' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({ example: 'Mme Martin' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  displayName?: string;
}
