import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { DEVICE_KINDS, DeviceKind, OS_FAMILIES, OsFamily, PACK_CAPACITIES, PackCapacity } from '../fleet-enums';

export class UpdatePackDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ enum: DEVICE_KINDS })
  @IsOptional()
  @IsIn(DEVICE_KINDS)
  deviceKind?: DeviceKind;

  @ApiPropertyOptional({ enum: OS_FAMILIES, description: 'Refused while the pack holds devices' })
  @IsOptional()
  @IsIn(OS_FAMILIES)
  osFamily?: OsFamily;

  @ApiPropertyOptional({ enum: PACK_CAPACITIES, description: 'Refused below the highest device number in the pack' })
  @IsOptional()
  @IsIn(PACK_CAPACITIES)
  capacity?: PackCapacity;
}
