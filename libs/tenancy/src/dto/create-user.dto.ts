import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { Role } from '@socle/core';

/** Accounts created inside a collectivité; the operator role is never given through the API. */
export const TENANT_ROLES = [
  Role.CollectiviteAdmin,
  Role.Technician,
  Role.Teacher,
  Role.SchoolHead,
  Role.Erun,
  Role.Reviewer,
] as const;

export class CreateUserDto {
  @ApiProperty({ example: 'technicien@ville.fr' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 12, description: 'At least 12 characters, not the e-mail, not a common password' })
  @IsString()
  @Length(1, 200)
  password: string;

  @ApiProperty({ enum: TENANT_ROLES })
  @IsIn(TENANT_ROLES)
  role: (typeof TENANT_ROLES)[number];

  @ApiPropertyOptional({ type: [String], description: 'Schools of a teacher, school head or ERUN' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('4', { each: true })
  schoolIds?: string[];

  @ApiPropertyOptional({ example: 'Mme Martin' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  displayName?: string;
}
