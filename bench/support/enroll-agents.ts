import { forEachWithConcurrency, generateDeviceKeyPair, SimulatedDevice } from '@socle/agent';
import { BenchStack } from './bench-stack';

/** Real agents, one RSA key shared by all (a CSR and a certificate each), enrolled through the TLS gateway. */
export async function enrollAgents(
  stack: BenchStack,
  tokens: readonly string[],
  count: number,
  concurrency = 8,
  onProgress?: (enrolled: number) => void,
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
  let enrolled = 0;
  await forEachWithConcurrency(devices, concurrency, async (device, index) => {
    // Consecutive devices go to different packs: enrollments into one pack wait for each other.
    await device.enroll(tokens[index % tokens.length]).catch((error: unknown) => void failures.push(error));
    enrolled++;
    if (enrolled % 1_000 === 0) onProgress?.(enrolled);
  });
  if (failures.length) throw new Error(`${failures.length} agents could not enroll: ${String(failures[0])}`);
  return devices;
}
