import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @Length(1, 200)
  currentPassword: string;

  @ApiProperty({ minLength: 12, description: 'At least 12 characters, not the e-mail, not a common password' })
  @IsString()
  @Length(1, 200)
  newPassword: string;
}
