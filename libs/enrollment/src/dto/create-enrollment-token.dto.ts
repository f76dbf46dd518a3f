import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class CreateEnrollmentTokenDto {
  @ApiPropertyOptional({ default: 72, description: 'Hours before the token expires (1 to 720)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(720)
  expiresInHours?: number;

  @ApiPropertyOptional({ description: "How many devices may enroll with it; defaults to the pack's capacity" })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  maxUses?: number;
}
