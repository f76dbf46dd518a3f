import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DeviceCommand, DeviceCommandsService } from '@socle/delivery';
import { FilteringRenderService } from './filtering-render.service';
import { appleFilteringIdentifier } from './render/apple-filtering';

/**
 * How filtering rides the command pipeline (registered where devices talk: the gateway): rendered
 * for the device's OS at hand-over, recorded as the device's revision at acknowledgement — and the
 * device's compliance is evaluated again right away, since "filtering installed" may just have become true.
 */
@Injectable()
export class FilteringDeliveryHooks implements OnModuleInit {
  constructor(
    private readonly commands: DeviceCommandsService,
    private readonly renders: FilteringRenderService,
  ) {}

  onModuleInit(): void {
    this.commands.onHandOver('install_filtering', async (device, payload) => {
      const rendered = await this.renders.renderForDevice(device);
      // The policy went away since the command was written: the next check-in converges to removal.
      return rendered ? { ...payload, ...rendered } : { ...payload, obsolete: true };
    });
    // What to remove: Apple devices remove by profile identifier; agents and Chrome drop their filtering config.
    this.commands.onHandOver('remove_filtering', async (device, payload) =>
      device.osFamily === 'ipados'
        ? { ...payload, profileIdentifier: appleFilteringIdentifier(device.collectiviteId) }
        : payload,
    );
    this.commands.onAcknowledged('install_filtering', async (manager: EntityManager, command: DeviceCommand) => {
      await manager.query(
        `INSERT INTO device_filtering (device_id, revision, installed_at) VALUES ($1, $2, now())
         ON CONFLICT (device_id) DO UPDATE SET revision = EXCLUDED.revision, installed_at = now()`,
        [command.deviceId, String(command.payload.revision)],
      );
    });
    this.commands.onAcknowledged('remove_filtering', async (manager: EntityManager, command: DeviceCommand) => {
      await manager.query('DELETE FROM device_filtering WHERE device_id = $1', [command.deviceId]);
    });
  }
}
