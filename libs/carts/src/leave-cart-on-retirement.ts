import { Injectable } from '@nestjs/common';
import { DeviceEventContext, DeviceEventPayload, OnDeviceEvent } from '@socle/core';

/** A retired device leaves its slot in the same transaction as it leaves its pack. */
@Injectable()
export class LeaveCartOnRetirement {
  @OnDeviceEvent('device.retired')
  async retired({ device }: DeviceEventPayload<'device.retired'>, { manager }: DeviceEventContext): Promise<void> {
    await manager.query('DELETE FROM cart_slots WHERE device_id = $1', [device.id]);
  }
}
