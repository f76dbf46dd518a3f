import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Cart } from '../cart.entity';

/**
 * The Wi-Fi access point that travels with a cart (loi Abeille: switched off when no lesson needs
 * it). The token lets the access point, or the controller that drives it, read its schedule and
 * report its state; only its SHA-256 is kept.
 */
@Entity('cart_access_points')
@Index('uq_cart_access_points_token', ['tokenHash'], { unique: true })
@Check('chk_cart_access_points_margin', 'margin_minutes BETWEEN 0 AND 120')
export class CartAccessPoint {
  @PrimaryColumn({ name: 'cart_id', type: 'uuid', primaryKeyConstraintName: 'pk_cart_access_points' })
  cartId: string;

  @OneToOne(() => Cart, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cart_id', foreignKeyConstraintName: 'fk_cart_access_points_cart' })
  cart?: Cart;

  @Column({ type: 'text' })
  ssid: string;

  /** The radio's MAC address, when the technician knows it: tells two carts' access points apart. */
  @Column({ type: 'text', nullable: true })
  bssid: string | null;

  /** Switched on this long before a session and left on this long after it. */
  @Column({ name: 'margin_minutes', type: 'smallint', default: 15 })
  marginMinutes: number;

  @Column({ name: 'token_hash', type: 'bytea', select: false })
  tokenHash: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
