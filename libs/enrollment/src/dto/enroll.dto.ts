import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { DEVICE_KINDS, DeviceKind, OS_FAMILIES, OsFamily } from '@socle/fleet';

export class EnrollDto {
  @ApiProperty()
  @IsString()
  @Length(16, 128)
  token: string;

  @ApiProperty({ description: 'PEM PKCS#10 certificate signing request (RSA ≥ 2048 bits)' })
  @IsString()
  @Length(100, 16_384)
  csr: string;

  @ApiProperty({ example: 'DMPXK0ABCDEF' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/, {
    message: 'serialNumber must be 3 to 64 letters, digits, dots, dashes or underscores',
  })
  serialNumber: string;

  @ApiPropertyOptional({ example: 'iPad (10th generation)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  model?: string;

  @ApiProperty({ enum: OS_FAMILIES })
  @IsIn(OS_FAMILIES)
  osFamily: OsFamily;

  @ApiPropertyOptional({ example: '18.1' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  osVersion?: string;

  @ApiProperty({ enum: DEVICE_KINDS })
  @IsIn(DEVICE_KINDS)
  deviceKind: DeviceKind;
}
