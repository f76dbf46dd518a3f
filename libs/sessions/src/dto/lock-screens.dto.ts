import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

export const DEFAULT_LOCK_MESSAGE = 'Les yeux vers moi !';

export class LockScreensDto {
  @ApiPropertyOptional({ default: DEFAULT_LOCK_MESSAGE, description: 'Shown on every locked screen' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  message?: string;
}
