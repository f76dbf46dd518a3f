import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '@socle/core';
import { SHUT_OUT_DEVICE_STATES } from '@socle/fleet';
import { Cart } from './cart.entity';
import { CartsService } from './carts.service';
import { deviceLabel, notStoredMessage } from './device-label';
import { PACK_BOOKINGS, PackBookings } from './pack-bookings';

export interface DeviceInCart {
  id: string;
  serialNumber: string;
  label: string;
  deviceKind: string;
  positionInPack: number | null;
  state: string;
  slotNumber: number | null;
  /** From the latest check-in that said so; null when the device never said. */
  docked: boolean | null;
  charging: boolean | null;
  batteryLevel: number | null;
  lastSeenAt: Date | null;
  dockReportedAt: Date | null;
}

interface DeviceRow {
  id: string;
  serial_number: string;
  device_kind: string;
  position_in_pack: number | null;
  state: string;
  slot_number: number | null;
  docked: boolean | null;
  battery_charging: boolean | null;
  battery_level: number | null;
  last_checkin_at: Date | null;
  dock_reported_at: Date | null;
  in_pack: boolean;
}

/** What the console shows of a cart: every slot, and the devices a teacher should go and look for. */
@Injectable()
export class CartViewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly carts: CartsService,
    @Inject(PACK_BOOKINGS) private readonly bookings: PackBookings,
  ) {}

  async view(actor: Actor, cartId: string) {
    const cart = await this.carts.findVisible(actor, cartId);
    const rows: DeviceRow[] = await this.dataSource.query(
      `SELECT d.id, d.serial_number, d.device_kind, d.position_in_pack, d.state, s.slot_number, ds.docked, d.battery_charging,
              d.battery_level, d.last_checkin_at, ds.reported_at AS dock_reported_at, (d.pack_id IS NOT DISTINCT FROM $2::uuid) AS in_pack
         FROM devices d
         LEFT JOIN cart_slots s ON s.device_id = d.id AND s.cart_id = $1
         LEFT JOIN device_dock_states ds ON ds.device_id = d.id
        WHERE (d.pack_id = $2 AND NOT (d.state = ANY($3::text[]))) OR d.id IN (SELECT device_id FROM cart_slots WHERE cart_id = $1)
        ORDER BY d.position_in_pack NULLS LAST, d.serial_number`,
      [cart.id, cart.packId, SHUT_OUT_DEVICE_STATES],
    );
    const devices = rows.map((row) => ({ device: toDevice(row), inPack: row.in_pack }));
    const bySlot = new Map(
      devices.filter(({ device }) => device.slotNumber !== null).map(({ device }) => [device.slotNumber, device]),
    );
    const inPack = devices.filter(({ inPack }) => inPack).map(({ device }) => device);
    return {
      ...summary(cart),
      pack: cart.packId ? await this.packSummary(cart.packId) : null,
      slots: Array.from({ length: cart.slotCount }, (_, index) => ({
        number: index + 1,
        device: bySlot.get(index + 1) ?? null,
      })),
      counts: {
        devices: inPack.length,
        docked: inPack.filter((device) => device.docked).length,
        charging: inPack.filter((device) => device.docked && device.charging).length,
      },
      missing: inPack.filter((device) => device.docked !== true),
      notCharging: inPack.filter((device) => device.docked === true && device.charging !== true),
      unassigned: inPack.filter((device) => device.slotNumber === null),
      notReturned: cart.packId ? await this.notReturned(cart.packId, inPack) : null,
      accessPoint: await this.accessPoint(cart.id),
    };
  }

  private async packSummary(packId: string) {
    const [pack] = await this.dataSource.query(
      'SELECT id, name, capacity, os_family AS "osFamily", device_kind AS "deviceKind" FROM packs WHERE id = $1',
      [packId],
    );
    return pack ?? null;
  }

  /**
   * The latest return check of the pack's sessions, keeping only the devices still not back and
   * charging: a tablet put back since then disappears from the cart's list (it stays on the session's).
   * Asked of sessions (PackBookings): sessions depends on carts, not the other way round.
   */
  private async notReturned(packId: string, devices: DeviceInCart[]) {
    const check = await this.bookings.lastReturnCheck(packId);
    if (!check) return null;
    const ids = new Set(check.unreturnedDeviceIds);
    const still = devices.filter((device) => ids.has(device.id) && !(device.docked && device.charging));
    return {
      sessionId: check.sessionId,
      endedAt: check.endedAt,
      checkedAt: check.checkedAt,
      devices: still.map((device) => ({ ...device, message: notStoredMessage(device.deviceKind, device.label) })),
    };
  }

  private async accessPoint(cartId: string) {
    const [accessPoint] = await this.dataSource.query(
      'SELECT ssid, bssid, margin_minutes AS "marginMinutes" FROM cart_access_points WHERE cart_id = $1',
      [cartId],
    );
    return accessPoint ?? null;
  }
}

export function summary(cart: Cart) {
  return {
    id: cart.id,
    schoolId: cart.schoolId,
    label: cart.label,
    location: cart.location,
    slotCount: cart.slotCount,
    options: { charging: cart.hasCharging, sync: cart.hasSync, antiTheftLock: cart.hasAntiTheftLock },
    packId: cart.packId,
    createdAt: cart.createdAt,
  };
}

function toDevice(row: DeviceRow): DeviceInCart {
  return {
    id: row.id,
    serialNumber: row.serial_number,
    label: deviceLabel(row.device_kind, row.position_in_pack, row.serial_number),
    deviceKind: row.device_kind,
    positionInPack: row.position_in_pack,
    state: row.state,
    slotNumber: row.slot_number,
    docked: row.docked,
    charging: row.battery_charging,
    batteryLevel: row.battery_level,
    lastSeenAt: row.last_checkin_at,
    dockReportedAt: row.dock_reported_at,
  };
}
