import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DeviceEventContext, DeviceEventPayload, EventDevice, OnDeviceEvent } from '@socle/core';
import { ProfileConvergenceService } from './profile-convergence.service';
import { ProfileRenderService } from './profile-render.service';
import type { OsFamily } from '@socle/fleet';

export interface ReportedProfile {
  id: string;
  version: number;
}

/** How profiles ride the device-event pipeline: rendered at hand-over, recorded at acknowledgement, checked at every check-in. */
@Injectable()
export class ProfileDeliveryHooks {
  constructor(
    private readonly renders: ProfileRenderService,
    private readonly convergence: ProfileConvergenceService,
  ) {}

  @OnDeviceEvent('command.handed-over', { commandType: 'install_profile' })
  async handOverInstall({
    device,
    command,
  }: DeviceEventPayload<'command.handed-over'>): Promise<Record<string, unknown>> {
    const { payload } = command;
    const rendered = await this.renders.render(
      String(payload.profileId),
      Number(payload.version),
      device.osFamily as OsFamily,
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
  }

  @OnDeviceEvent('command.acknowledged', { commandType: 'install_profile', owner: true })
  async installed(
    { command }: DeviceEventPayload<'command.acknowledged'>,
    { manager }: DeviceEventContext,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO installed_profiles (device_id, profile_id, version, variant) VALUES ($1, $2, $3, $4)
       ON CONFLICT (device_id, profile_id) DO UPDATE SET version = EXCLUDED.version, variant = EXCLUDED.variant, updated_at = now()`,
      [command.deviceId, command.profileId, command.profileVersion, String(command.payload.variant ?? '')],
    );
  }

  @OnDeviceEvent('command.acknowledged', { commandType: 'remove_profile', owner: true })
  async removed(
    { command }: DeviceEventPayload<'command.acknowledged'>,
    { manager }: DeviceEventContext,
  ): Promise<void> {
    await manager.query('DELETE FROM installed_profiles WHERE device_id = $1 AND profile_id = $2', [
      command.deviceId,
      command.profileId,
    ]);
  }

  /** A failure here fails the check-in: a device must not be told it is in line when its profiles were not looked at. */
  @OnDeviceEvent('checkin.recorded')
  async checkedIn(
    { device, report }: DeviceEventPayload<'checkin.recorded'>,
    { manager }: DeviceEventContext,
  ): Promise<void> {
    if (report.profiles) await this.reconcileReported(manager, device, report.profiles);
  }

  /**
   * The device's own list is the actual state: what it no longer holds is forgotten, what it holds
   * at another version is recorded, then the device is converged — drift is repaired, not logged.
   * In the check-in's transaction, serialised per device by an advisory lock.
   */
  async reconcileReported(
    manager: EntityManager,
    device: EventDevice,
    reported: readonly ReportedProfile[],
  ): Promise<string[]> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('device-profiles:' || $1))`, [device.id]);
    const ids = reported.map((profile) => profile.id);
    await manager.query('DELETE FROM installed_profiles WHERE device_id = $1 AND NOT (profile_id = ANY($2::uuid[]))', [
      device.id,
      ids,
    ]);
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
  }
}
