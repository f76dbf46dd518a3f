import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, SocleError } from '@socle/core';
import { SHUT_OUT_DEVICE_STATES } from '@socle/fleet';
import { Cart } from './cart.entity';
import { AssignSlotDto, SlotOrder } from './dto/cart-assignment.dto';
import { displacedDevice, mayHoldSlot, slotNumberProblem } from './slot-rules';

@Injectable()
export class CartSlotsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** "Slot n holds this device": its previous slot is freed, and so is the slot's previous occupant. */
  async assign(actor: Actor, cart: Cart, slotNumber: number, dto: AssignSlotDto, manager: EntityManager) {
    const outOfRange = slotNumberProblem(slotNumber, cart.slotCount);
    if (outOfRange) throw outOfRange;
    if (dto.deviceId) {
      const [device] = await manager.query(
        'SELECT pack_id, state FROM devices WHERE id = $1 AND collectivite_id = $2',
        [dto.deviceId, cart.collectiviteId],
      );
      if (!device)
        throw SocleError.notFound('DEVICE_NOT_FOUND', "Cet appareil n'existe pas ou ne vous est pas accessible.");
      if (!mayHoldSlot(cart.packId, { packId: device.pack_id, state: device.state })) {
        throw SocleError.conflict(
          'DEVICE_NOT_IN_CART_PACK',
          "Cet appareil n'appartient pas au pack rangé dans ce chariot : seul un appareil du pack peut y avoir un emplacement.",
        );
      }
    }
    const [previous] = await manager.query('SELECT device_id FROM cart_slots WHERE cart_id = $1 AND slot_number = $2', [
      cart.id,
      slotNumber,
    ]);
    await manager.query('DELETE FROM cart_slots WHERE (cart_id = $1 AND slot_number = $2) OR device_id = $3', [
      cart.id,
      slotNumber,
      dto.deviceId,
    ]);
    if (dto.deviceId) {
      await manager.query(
        'INSERT INTO cart_slots (cart_id, slot_number, cart_slot_count, device_id) VALUES ($1, $2, $3, $4)',
        [cart.id, slotNumber, cart.slotCount, dto.deviceId],
      );
    }
    await this.audit.record(manager, actor, {
      action: 'cart.slot.assign',
      entityType: 'cart',
      entityId: cart.id,
      summary: { slotNumber, before: { deviceId: previous?.device_id ?? null }, after: { deviceId: dto.deviceId } },
    });
    return {
      slotNumber,
      deviceId: dto.deviceId,
      displacedDeviceId: displacedDevice(previous?.device_id, dto.deviceId),
    };
  }

  /**
   * Fills every slot from the pack in one statement: by number in the pack (tablette 7 → slot 7;
   * a pack never exceeds its cart) or by serial number. Returns how many devices got a slot.
   */
  async fill(manager: EntityManager, cartId: string, order: SlotOrder): Promise<number> {
    await manager.query(
      `DELETE FROM cart_slots WHERE cart_id = $1
          OR device_id IN (SELECT d.id FROM devices d JOIN carts c ON c.pack_id = d.pack_id WHERE c.id = $1)`,
      [cartId],
    );
    const slotNumber = order === 'position' ? 'd.position_in_pack' : 'row_number() OVER (ORDER BY d.serial_number)';
    const rows: Array<{ device_id: string }> = await manager.query(
      `INSERT INTO cart_slots (cart_id, slot_number, cart_slot_count, device_id)
       SELECT c.id, ${slotNumber}, c.slot_count, d.id
         FROM carts c JOIN devices d ON d.pack_id = c.pack_id
        WHERE c.id = $1 AND NOT (d.state = ANY($2::text[]))
       RETURNING device_id`,
      [cartId, SHUT_OUT_DEVICE_STATES],
    );
    return rows.length;
  }

  async autoAssign(actor: Actor, cart: Cart, order: SlotOrder, manager: EntityManager): Promise<{ assigned: number }> {
    if (!cart.packId)
      throw SocleError.conflict(
        'CART_EMPTY',
        "Aucun pack n'est rangé dans ce chariot : attribuez-lui d'abord un pack.",
      );
    const assigned = await this.fill(manager, cart.id, order);
    await this.audit.record(manager, actor, {
      action: 'cart.slot.auto_assign',
      entityType: 'cart',
      entityId: cart.id,
      summary: { order, assigned },
    });
    return { assigned };
  }
}
