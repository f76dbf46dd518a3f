import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Length } from 'class-validator';
import { DEVICE_KINDS, DeviceKind, OS_FAMILIES, OsFamily, PACK_CAPACITIES, PackCapacity } from '../fleet-enums';

export class CreatePackDto {
  @ApiProperty()
  @IsUUID()
  schoolId: string;

  @ApiProperty({ example: 'Classe mobile iPad n°1' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({ enum: DEVICE_KINDS })
  @IsIn(DEVICE_KINDS)
  deviceKind: DeviceKind;

  @ApiProperty({ enum: OS_FAMILIES })
  @IsIn(OS_FAMILIES)
  osFamily: OsFamily;

  @ApiProperty({ enum: PACK_CAPACITIES })
  @IsIn(PACK_CAPACITIES)
  capacity: PackCapacity;
}
