import type { androidmanagement_v1 } from '@googleapis/androidmanagement';

interface Envelope {
  messageId: string;
  publishTime: Date;
}

/** One AMAPI Pub/Sub notification, typed by its `notificationType` attribute. */
export type AndroidNotification = Envelope &
  (
    | { type: 'ENROLLMENT'; device: androidmanagement_v1.Schema$Device }
    | { type: 'STATUS_REPORT'; device: androidmanagement_v1.Schema$Device }
    | { type: 'COMMAND'; operation: androidmanagement_v1.Schema$Operation }
    | { type: 'USAGE_LOGS'; usageLogs: androidmanagement_v1.Schema$BatchUsageLogEvents }
  );

export type PushOutcome =
  | { status: 'accepted'; notification: AndroidNotification }
  /** Seen already (Pub/Sub delivers at least once), older than the dedupe window, or a type Socle ignores (test, ENTERPRISE_UPGRADE): answer 2xx, do nothing. */
  | { status: 'duplicate' | 'stale' | 'ignored'; messageId: string };
