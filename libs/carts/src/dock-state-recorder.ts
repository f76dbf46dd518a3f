import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@socle/core';
import { CheckinService } from '@socle/enrollment';

/**
 * Keeps what each check-in says about the cart (docked or not): one upsert, only when the device
 * says. Timed by the session clock, which the return check compares it with.
 */
@Injectable()
export class DockStateRecorder implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly checkins: CheckinService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.checkins.onCheckin((device, report: { docked?: boolean }) => this.record(device.id, report.docked));
  }

  async record(deviceId: string, docked: boolean | undefined): Promise<void> {
    if (docked === undefined) return;
    await this.dataSource.query(
      `INSERT INTO device_dock_states (device_id, docked, reported_at) VALUES ($1, $2, $3)
       ON CONFLICT (device_id) DO UPDATE SET docked = EXCLUDED.docked, reported_at = EXCLUDED.reported_at`,
      [deviceId, docked, this.clock.now()],
    );
  }
}
