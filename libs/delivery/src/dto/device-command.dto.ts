import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export const MANUAL_COMMANDS = ['lock', 'unlock', 'restart', 'wipe', 'refresh_inventory'] as const;
export type ManualCommand = (typeof MANUAL_COMMANDS)[number];

export class DeviceCommandDto {
  @ApiProperty({ enum: MANUAL_COMMANDS })
  @IsIn(MANUAL_COMMANDS)
  type: ManualCommand;

  @ApiPropertyOptional({ description: "For wipe: the device's serial number, typed again to confirm" })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  confirm?: string;

  @ApiPropertyOptional({ description: 'For lock: the message shown on the screen' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  message?: string;
}
