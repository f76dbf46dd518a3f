import { Injectable } from '@nestjs/common';
import { Clock, DeviceEventContext, DeviceEventPayload, OnDeviceEvent } from '@socle/core';

/**
 * Keeps what each check-in says about the cart (docked or not): one upsert, only when the device
 * says, in the check-in's transaction. Timed by the session clock, which the return check compares
 * it with. A failure here never fails the check-in.
 */
@Injectable()
export class DockStateRecorder {
  constructor(private readonly clock: Clock) {}

  @OnDeviceEvent('checkin.recorded', { onError: 'log' })
  async checkedIn({ device, report }: DeviceEventPayload<'checkin.recorded'>, { manager }: DeviceEventContext) {
    if (report.docked === undefined) return;
    await manager.query(
      `INSERT INTO device_dock_states (device_id, docked, reported_at) VALUES ($1, $2, $3)
       ON CONFLICT (device_id) DO UPDATE SET docked = EXCLUDED.docked, reported_at = EXCLUDED.reported_at`,
      [device.id, report.docked, this.clock.now()],
    );
  }
}
