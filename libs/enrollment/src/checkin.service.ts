import { Injectable } from '@nestjs/common';
import { DeviceEventBus, SocleConfig } from '@socle/core';
import { DeviceCommandsService, HandedCommand } from '@socle/delivery';
import { Device, DEVICE_EVENTS } from '@socle/fleet';
import { CheckinDto } from './dto/checkin.dto';

export interface CheckinAnswer {
  commands: HandedCommand[];
  checkinIntervalSeconds: number;
}

/**
 * One check-in is one transaction: the health report on the device row (what reports read), a new
 * device moved to `active`, `checkin.recorded` for every context that reacts (profiles, filtering,
 * compliance, carts: each declares its handler, the gateway knows none of them), then what waits is
 * marked handed over. After the commit, each command gets its render. Handlers allowed to fail run
 * under a savepoint and never fail the check-in.
 */
@Injectable()
export class CheckinService {
  constructor(
    private readonly config: SocleConfig,
    private readonly commands: DeviceCommandsService,
    private readonly events: DeviceEventBus,
  ) {}

  async checkIn(device: Device, report: CheckinDto): Promise<CheckinAnswer> {
    const { fresh, due } = await this.events.transaction(async (tx) => {
      await tx.manager.query(
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
      const fresh = await tx.manager.getRepository(Device).findOneByOrFail({ id: device.id });
      await tx.emit('checkin.recorded', { device: fresh, report });
      return { fresh, due: await this.commands.takeDue(tx.manager, fresh) };
    });
    return {
      commands: await this.commands.handOver(fresh, due),
      checkinIntervalSeconds: this.config.checkinIntervalSeconds,
    };
  }
}
