import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { Device } from '@socle/fleet';
import { Cart } from './cart.entity';

/**
 * An occupied slot: "tablette 7 → emplacement 7". A device sits in one slot of one cart at most
 * (unique device), a slot holds one device (primary key), and the slot number stays within the
 * cart's slots through the mirrored `cart_slot_count`.
 */
@Entity('cart_slots')
@Unique('uq_cart_slots_device', ['deviceId'])
@Check('chk_cart_slots_number', 'slot_number BETWEEN 1 AND cart_slot_count')
export class CartSlot {
  @PrimaryColumn({ name: 'cart_id', type: 'uuid', primaryKeyConstraintName: 'pk_cart_slots' })
  cartId: string;

  @PrimaryColumn({ name: 'slot_number', type: 'smallint', primaryKeyConstraintName: 'pk_cart_slots' })
  slotNumber: number;

  @Column({ name: 'cart_slot_count', type: 'smallint' })
  cartSlotCount: number;

  @ManyToOne(() => Cart, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn([
    { name: 'cart_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_cart_slots_cart' },
    { name: 'cart_slot_count', referencedColumnName: 'slotCount', foreignKeyConstraintName: 'fk_cart_slots_cart' },
  ])
  cart?: Cart;

  @Column({ name: 'device_id', type: 'uuid' })
  deviceId: string;

  @ManyToOne(() => Device, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'device_id', foreignKeyConstraintName: 'fk_cart_slots_device' })
  device?: Device;

  @CreateDateColumn({ name: 'assigned_at', type: 'timestamptz' })
  assignedAt: Date;
}
