import { forEachWithConcurrency, SimulatedDevice } from '@socle/agent';
import { DeviceCommandsService } from '@socle/delivery';
import { CheckinService } from '@socle/enrollment';
import { Device } from '@socle/fleet';
import { BenchStack } from '../support/bench-stack';

/** Each agent checks in over mutual TLS, carries out what it gets and reports every result. Returns the commands acknowledged. */
export async function acknowledgeThroughGateway(
  devices: readonly SimulatedDevice[],
  concurrency: number,
): Promise<number> {
  let acknowledged = 0;
  await forEachWithConcurrency(devices, concurrency, async (device) => {
    const outcome = await device.checkIn();
    acknowledged += outcome.results.filter(({ result }) => result.status === 'acknowledged').length;
  });
  return acknowledged;
}

/**
 * The same server path without TLS, HTTP and the certificate guard: CheckinService.checkIn (state,
 * drift repair, hand-over with the rendered profile) then DeviceCommandsService.applyResult per
 * command, for devices that have no agent. Returns the commands acknowledged.
 */
export async function acknowledgeThroughServices(
  stack: BenchStack,
  deviceIds: readonly string[],
  concurrency: number,
): Promise<number> {
  const checkins = stack.gateway.app.get(CheckinService);
  const commands = stack.gateway.app.get(DeviceCommandsService);
  const devices = await stack.dataSource
    .getRepository(Device)
    .createQueryBuilder('device')
    .where('device.id = ANY(:ids)', { ids: deviceIds })
    .getMany();
  let acknowledged = 0;
  let failed = 0;
  await forEachWithConcurrency(devices, concurrency, async (device) => {
    try {
      const answer = await checkins.checkIn(device, { osVersion: '18.1', profiles: [] } as Parameters<
        CheckinService['checkIn']
      >[1]);
      for (const command of answer.commands) {
        const result = await commands.applyResult(device, command.id, { status: 'acknowledged' });
        if (result.applied && result.status === 'acknowledged') acknowledged++;
      }
    } catch (error) {
      if (failed++ === 0) console.error(`  service-layer check-in failed: ${(error as Error).message}`);
    }
  });
  return acknowledged;
}
