import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SocleConfig } from '@socle/core';
import { DeviceCommandsService, HandedCommand } from '@socle/delivery';
import { Device, DEVICE_EVENTS } from '@socle/fleet';
import { ProfileDeliveryHooks } from '@socle/profiles';
import { CheckinDto } from './dto/checkin.dto';

/** Called after each check-in is recorded (compliance evaluation, return checks…); the device row is fresh. */
export type CheckinObserver = (device: Device, report: CheckinDto) => Promise<void>;

export interface CheckinAnswer {
  commands: HandedCommand[];
  checkinIntervalSeconds: number;
}

@Injectable()
export class CheckinService {
  private readonly observers: CheckinObserver[] = [];
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: SocleConfig,
    private readonly commands: DeviceCommandsService,
    private readonly profiles: ProfileDeliveryHooks,
  ) {}

  /** Other contexts react to check-ins without the gateway knowing them. */
  onCheckin(observer: CheckinObserver): void {
    this.observers.push(observer);
  }

  /**
   * Keeps the latest health report on the device row (what reports read), moves a new device to
   * `active`, repairs profile drift from the list the device reports, and hands over what waits.
   */
  async checkIn(device: Device, report: CheckinDto): Promise<CheckinAnswer> {
    await this.dataSource.query(
      `UPDATE devices SET
         last_checkin_at = now(), updated_at = now(),
         state = CASE WHEN state = ANY($8::text[]) THEN $9 ELSE state END,
         os_version = COALESCE($2, os_version),
         battery_level = COALESCE($3, battery_level), battery_charging = COALESCE($4, battery_charging),
         battery_health = COALESCE($5, battery_health),
         storage_free_bytes = COALESCE($6, storage_free_bytes), storage_total_bytes = COALESCE($7, storage_total_bytes)
       WHERE id = $1`,
      [
        device.id,
        report.osVersion ?? null,
        report.battery?.level ?? null,
        report.battery?.charging ?? null,
        report.battery?.health ?? null,
        report.storage?.freeBytes ?? null,
        report.storage?.totalBytes ?? null,
        DEVICE_EVENTS.activate.from,
        DEVICE_EVENTS.activate.to,
      ],
    );
    if (report.profiles) await this.profiles.reconcileReported(device, report.profiles);
    if (this.observers.length) {
      const fresh = await this.dataSource.getRepository(Device).findOneByOrFail({ id: device.id });
      for (const observe of this.observers) await observe(fresh, report);
    }
    return {
      commands: await this.commands.handOver(device),
      checkinIntervalSeconds: this.config.checkinIntervalSeconds,
    };
  }
}
