import { Injectable } from '@nestjs/common';
import { DeviceEventContext, DeviceEventPayload, OnDeviceEvent } from '@socle/core';
import { CommandSetsService } from '@socle/delivery';
import { Device } from '@socle/fleet';
import { unpackedContext } from '../policies/policy-chains';
import { FilteringConvergenceService } from './filtering-convergence.service';
import { FilteringRenderService } from './filtering-render.service';
import { appleFilteringIdentifier } from './render/apple-filtering';

/**
 * How filtering rides the device-event pipeline (where devices talk: the gateway): rendered for the
 * device's OS at hand-over, recorded as the device's revision at acknowledgement, drift repaired at
 * every check-in.
 */
@Injectable()
export class FilteringDeliveryHooks {
  constructor(
    private readonly renders: FilteringRenderService,
    private readonly convergence: FilteringConvergenceService,
    private readonly commands: CommandSetsService,
  ) {}

  @OnDeviceEvent('command.handed-over', { commandType: 'install_filtering' })
  async handOverInstall({ device, command }: DeviceEventPayload<'command.handed-over'>) {
    const rendered = await this.renders.renderForDevice(device as Device);
    // The policy went away since the command was written: the next check-in converges to removal.
    return rendered ? { ...command.payload, ...rendered } : { ...command.payload, obsolete: true };
  }

  /** What to remove: Apple devices remove by profile identifier; agents and Chrome drop their filtering config. */
  @OnDeviceEvent('command.handed-over', { commandType: 'remove_filtering' })
  async handOverRemoval({ device, command }: DeviceEventPayload<'command.handed-over'>) {
    return device.osFamily === 'ipados'
      ? { ...command.payload, profileIdentifier: appleFilteringIdentifier(device.collectiviteId) }
      : command.payload;
  }

  @OnDeviceEvent('command.acknowledged', { commandType: 'install_filtering', owner: true })
  async installed({ command }: DeviceEventPayload<'command.acknowledged'>, { manager }: DeviceEventContext) {
    await manager.query(
      `INSERT INTO device_filtering (device_id, revision, installed_at) VALUES ($1, $2, now())
       ON CONFLICT (device_id) DO UPDATE SET revision = EXCLUDED.revision, installed_at = now()`,
      [command.deviceId, String(command.payload.revision)],
    );
  }

  @OnDeviceEvent('command.acknowledged', { commandType: 'remove_filtering', owner: true })
  async removed({ command }: DeviceEventPayload<'command.acknowledged'>, { manager }: DeviceEventContext) {
    await manager.query('DELETE FROM device_filtering WHERE device_id = $1', [command.deviceId]);
  }

  /**
   * At every check-in, filtering drift is repaired: the device gets its install_filtering in this
   * very check-in (the hand-over comes after the handlers). Never fails the check-in.
   */
  @OnDeviceEvent('checkin.recorded', { onError: 'log' })
  async checkedIn({ device }: DeviceEventPayload<'checkin.recorded'>, { manager }: DeviceEventContext) {
    const scope = device.packId
      ? { packIds: [device.packId], unpackedCollectiviteIds: [] }
      : { packIds: [], unpackedCollectiviteIds: [device.collectiviteId] };
    const desired =
      (await this.convergence.desiredRevisions(manager, scope)).get(
        device.packId ?? unpackedContext(device.collectiviteId),
      ) ?? null;
    const [held] = await manager.query('SELECT revision FROM device_filtering WHERE device_id = $1', [device.id]);
    const installed: string | null = held?.revision ?? null;
    const open = await this.commands.openFilteringCommand(manager, device.id);
    const inLine = installed === desired && !open;
    const onItsWay = open && (open.revision ?? null) === desired;
    if (!inLine && !onItsWay) await this.convergence.converge(manager, { ...scope, deviceIds: [device.id] });
  }
}
