import { Injectable } from '@nestjs/common';
import { DeviceEventContext, DeviceEventPayload, OnDeviceEvent } from '@socle/core';
import { ComplianceEvaluator } from './compliance-evaluator';

/**
 * When a device's compliance is evaluated besides rule changes and the hourly sweep: at every
 * check-in (after the profiles and filtering handlers, whose outcome it reads), and when a
 * filtering command is acknowledged ("filtering installed" may just have become true). Never fails
 * the device: a device that cannot be evaluated still gets its commands.
 */
@Injectable()
export class ComplianceHooks {
  constructor(private readonly evaluator: ComplianceEvaluator) {}

  @OnDeviceEvent('checkin.recorded', { onError: 'log', order: 10 })
  async checkedIn({ device }: DeviceEventPayload<'checkin.recorded'>, { manager }: DeviceEventContext) {
    await this.evaluator.evaluateDevices(manager, [device.id]);
  }

  @OnDeviceEvent('command.acknowledged', { commandType: 'install_filtering', onError: 'log' })
  async filteringInstalled({ command }: DeviceEventPayload<'command.acknowledged'>, { manager }: DeviceEventContext) {
    await this.evaluator.evaluateDevices(manager, [command.deviceId]);
  }

  @OnDeviceEvent('command.acknowledged', { commandType: 'remove_filtering', onError: 'log' })
  async filteringRemoved({ command }: DeviceEventPayload<'command.acknowledged'>, { manager }: DeviceEventContext) {
    await this.evaluator.evaluateDevices(manager, [command.deviceId]);
  }
}
