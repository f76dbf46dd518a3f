import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsFQDN, IsISO8601, IsOptional, IsUUID } from 'class-validator';

export class CreateSessionDto {
  @ApiProperty()
  @IsUUID()
  packId: string;

  @ApiProperty()
  @IsUUID()
  classroomId: string;

  @ApiProperty({ example: '2026-03-12T09:00:00+01:00' })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiProperty({ example: '2026-03-12T10:00:00+01:00', description: 'At most 8 hours after startsAt' })
  @IsISO8601({ strict: true })
  endsAt: string;

  @ApiPropertyOptional({
    type: [String],
    description: "Catalogue apps of the pack's platform: one for single-app mode, or a short list",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  allowedAppIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['lalilo.com', 'gar.education.fr'],
    description: 'Host names the lesson may reach (sub-domains included)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsFQDN({ require_tld: true }, { each: true })
  @Transform(({ value }) =>
    Array.isArray(value)
      ? value.map((item) => (typeof item === 'string' ? item.trim().toLowerCase().replace(/\.$/, '') : item))
      : value,
  )
  allowedDomains?: string[];

  @ApiPropertyOptional({ description: "Adds the host names of this profile's GAR and ENT resources to allowedDomains" })
  @IsOptional()
  @IsUUID()
  resourcesFromProfileId?: string;
}
