import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class RedeemResetDto {
  @ApiProperty({ description: 'The token of the reset link' })
  @IsString()
  @Length(20, 200)
  token: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @Length(1, 200)
  newPassword: string;
}
