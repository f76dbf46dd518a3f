import { forEachWithConcurrency, generateDeviceKeyPair, SimulatedDevice } from '@socle/agent';
import { DeviceCommandsService } from '@socle/delivery';
import { CheckinService } from '@socle/enrollment';
import { Device } from '@socle/fleet';
import { BenchStack } from './bench-stack';

/** Real agents, one RSA key shared by all (a CSR and a certificate each), enrolled through the TLS gateway. */
export async function enrollAgents(
  stack: BenchStack,
  tokens: readonly string[],
  count: number,
  concurrency = 8,
): Promise<SimulatedDevice[]> {
  const keyPair = await generateDeviceKeyPair();
  const devices = Array.from(
    { length: count },
    (_, index) =>
      new SimulatedDevice({
        gatewayUrl: stack.gatewayUrl,
        trustedCaPem: stack.rootCaPem,
        osFamily: 'ipados',
        deviceKind: 'tablet',
        serialNumber: `AGENT-${String(index + 1).padStart(4, '0')}`,
        model: 'iPad 10.9',
        osVersion: '18.1',
        keyPair,
        log: () => undefined,
      }),
  );
  const failures: unknown[] = [];
  await forEachWithConcurrency(devices, concurrency, async (device, index) => {
    // Consecutive devices go to different packs: enrollments into one pack wait for each other.
    await device.enroll(tokens[index % tokens.length]).catch((error: unknown) => void failures.push(error));
  });
  if (failures.length) throw new Error(`${failures.length} agents could not enroll: ${String(failures[0])}`);
  return devices;
}

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
