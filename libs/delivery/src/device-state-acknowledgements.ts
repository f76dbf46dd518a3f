import { Injectable } from '@nestjs/common';
import { DeviceEventContext, DeviceEventPayload, OnDeviceEvent } from '@socle/core';
import { applyDeviceEvent } from '@socle/fleet';

/**
 * Lock and unlock change the device's state once the device confirms. Quiet: an acknowledgement
 * that arrives after the device moved on (retiring…) changes nothing.
 */
@Injectable()
export class DeviceStateAcknowledgements {
  @OnDeviceEvent('command.acknowledged', { commandType: 'lock', owner: true })
  async locked(
    { command }: DeviceEventPayload<'command.acknowledged'>,
    { manager }: DeviceEventContext,
  ): Promise<void> {
    await applyDeviceEvent(manager, command.deviceId, 'lock', { quiet: true });
  }

  @OnDeviceEvent('command.acknowledged', { commandType: 'unlock', owner: true })
  async unlocked(
    { command }: DeviceEventPayload<'command.acknowledged'>,
    { manager }: DeviceEventContext,
  ): Promise<void> {
    await applyDeviceEvent(manager, command.deviceId, 'unlock', { quiet: true });
  }
}
