/**
 * Tells devices that something waits for them. Agents are woken through the gateway's long-poll
 * (Redis pub/sub); APNs and FCM implement the same interface later.
 */
export abstract class DeviceNotifier {
  abstract wake(deviceIds: readonly string[]): Promise<void>;
}
