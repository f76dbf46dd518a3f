import { ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { CreateUserDto } from './create-user.dto';

export class UpdateUserDto extends PartialType(PickType(CreateUserDto, ['role', 'schoolIds', 'displayName'] as const)) {
  @ApiPropertyOptional({ description: 'true: the account can no longer sign in and its tokens stop working' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}
