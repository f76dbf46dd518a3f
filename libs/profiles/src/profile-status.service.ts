import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '@socle/core';
import { ProfilesService } from './profiles.service';

export const DELIVERY_STATES = ['pending', 'delivered', 'acknowledged', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export interface DeviceDeliveryStatus {
  deviceId: string;
  serialNumber: string;
  packId: string | null;
  state: DeliveryState;
  action: 'install' | 'remove';
  version: number | null;
  lastError: string | null;
  updatedAt: Date;
}

/** Where a profile stands on each device: the latest command for it that was not superseded. */
@Injectable()
export class ProfileStatusService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly profiles: ProfilesService,
  ) {}

  async status(
    actor: Actor,
    profileId: string,
  ): Promise<{ profileId: string; counts: Record<DeliveryState, number>; devices: DeviceDeliveryStatus[] }> {
    await this.profiles.findVisible(actor, profileId);
    const rows: Array<{
      device_id: string;
      serial_number: string;
      pack_id: string | null;
      status: DeliveryState;
      type: string;
      profile_version: number | null;
      last_error: string | null;
      updated_at: Date;
    }> = await this.dataSource.query(
      `SELECT DISTINCT ON (c.device_id) c.device_id, d.serial_number, d.pack_id, c.status, c.type, c.profile_version, c.last_error, c.updated_at
           FROM device_commands c JOIN devices d ON d.id = c.device_id
          WHERE c.profile_id = $1 AND c.status <> 'superseded' AND d.collectivite_id = $2
          ORDER BY c.device_id, c.created_at DESC`,
      [profileId, actor.tenantId()],
    );
    const counts = Object.fromEntries(DELIVERY_STATES.map((state) => [state, 0])) as Record<DeliveryState, number>;
    const devices = rows.map((row) => {
      counts[row.status]++;
      return {
        deviceId: row.device_id,
        serialNumber: row.serial_number,
        packId: row.pack_id,
        state: row.status,
        action: row.type === 'remove_profile' ? ('remove' as const) : ('install' as const),
        version: row.profile_version,
        lastError: row.last_error,
        updatedAt: row.updated_at,
      };
    });
    return { profileId, counts, devices };
  }
}
