import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';

export class RetireDeviceDto {
  @ApiProperty({
    description:
      'Why the device leaves the fleet; with force, why no wipe can be acknowledged (at least 10 characters)',
    example: 'Écran cassé, réparation plus chère que le remplacement',
  })
  @IsString()
  @Length(3, 1000)
  reason: string;

  @ApiPropertyOptional({
    description: 'Retire now without waiting for the wipe (a dead device): audited with the written reason',
  })
  @IsOptional()
  @IsBoolean()
  force?: boolean;
}
