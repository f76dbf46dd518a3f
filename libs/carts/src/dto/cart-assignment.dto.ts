import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';

export const SLOT_ORDERS = ['position', 'serial'] as const;
export type SlotOrder = (typeof SLOT_ORDERS)[number];

export class SetCartPackDto {
  @ApiProperty({ nullable: true, description: 'null takes the pack out of the cart' })
  @ValidateIf((dto: SetCartPackDto) => dto.packId !== null)
  @IsUUID()
  packId: string | null;

  @ApiPropertyOptional({
    enum: [...SLOT_ORDERS, 'none'],
    default: 'position',
    description: 'position: tablet 7 in slot 7; serial: by serial number',
  })
  @IsOptional()
  @IsIn([...SLOT_ORDERS, 'none'])
  autoAssign?: SlotOrder | 'none';
}

export class AssignSlotDto {
  @ApiProperty({ nullable: true, description: 'null empties the slot' })
  @ValidateIf((dto: AssignSlotDto) => dto.deviceId !== null)
  @IsUUID()
  deviceId: string | null;
}

export class AutoAssignDto {
  @ApiProperty({ enum: SLOT_ORDERS })
  @IsIn(SLOT_ORDERS)
  order: SlotOrder;
}
