import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DeviceCommandsService } from '@socle/delivery';
import { Device } from '@socle/fleet';
import { ProfileConvergenceService } from './profile-convergence.service';
import { ProfileRenderService } from './profile-render.service';

export interface ReportedProfile {
  id: string;
  version: number;
}

/** How profiles ride the command pipeline: rendered at hand-over, recorded at acknowledgement, checked at every check-in. */
@Injectable()
export class ProfileDeliveryHooks implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly commands: DeviceCommandsService,
    private readonly renders: ProfileRenderService,
    private readonly convergence: ProfileConvergenceService,
  ) {}

  onModuleInit(): void {
    this.commands.onHandOver('install_profile', async (device, payload) => {
      const rendered = await this.renders.render(
        String(payload.profileId),
        Number(payload.version),
        device.osFamily,
        String(payload.variant ?? ''),
      );
      const body = Buffer.isBuffer(rendered.body) ? rendered.body.toString('base64') : rendered.body;
      return {
        ...payload,
        contentType: rendered.contentType,
        fileName: rendered.fileName,
        encoding: Buffer.isBuffer(rendered.body) ? 'base64' : 'json',
        body,
      };
    });
    this.commands.onAcknowledged('install_profile', (manager, command) =>
      manager.query(
        `INSERT INTO installed_profiles (device_id, profile_id, version, variant) VALUES ($1, $2, $3, $4)
         ON CONFLICT (device_id, profile_id) DO UPDATE SET version = EXCLUDED.version, variant = EXCLUDED.variant, updated_at = now()`,
        [command.deviceId, command.profileId, command.profileVersion, String(command.payload.variant ?? '')],
      ),
    );
    this.commands.onAcknowledged('remove_profile', (manager, command) =>
      manager.query('DELETE FROM installed_profiles WHERE device_id = $1 AND profile_id = $2', [
        command.deviceId,
        command.profileId,
      ]),
    );
  }

  /**
   * The device's own list is the actual state: what it no longer holds is forgotten, what it holds
   * at another version is recorded, then the device is converged — drift is repaired, not logged.
   */
  async reconcileReported(device: Device, reported: readonly ReportedProfile[]): Promise<string[]> {
    return this.dataSource.transaction(async (manager: EntityManager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('device-profiles:' || $1))`, [device.id]);
      const ids = reported.map((profile) => profile.id);
      await manager.query(
        'DELETE FROM installed_profiles WHERE device_id = $1 AND NOT (profile_id = ANY($2::uuid[]))',
        [device.id, ids],
      );
      await manager.query(
        `INSERT INTO installed_profiles (device_id, profile_id, version, variant)
         SELECT $1, id, version, '' FROM unnest($2::uuid[], $3::int[]) AS reported(id, version)
         ON CONFLICT (device_id, profile_id) DO UPDATE SET version = EXCLUDED.version, variant = '', updated_at = now()
          WHERE installed_profiles.version <> EXCLUDED.version`,
        [device.id, ids, reported.map((profile) => profile.version)],
      );
      return this.convergence.converge(manager, {
        packIds: device.packId ? [device.packId] : [],
        unpackedCollectiviteIds: device.packId ? [] : [device.collectiviteId],
        deviceIds: [device.id],
      });
    });
  }
}
