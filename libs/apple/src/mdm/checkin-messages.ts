import { AppleSchemaFiles } from '../schema/apple-schema-files';
import { AppleKeyProblem, validateAppleKeys } from '../schema/apple-keys-validator';
import { plistDictionaryOf } from './plist-body';

/** Check-in messages (`PUT /mdm/checkin`) Socle handles on the device channel. */
export type CheckinMessage = AuthenticateMessage | TokenUpdateMessage | CheckOutMessage | DeclarativeManagementMessage;

export interface AuthenticateMessage {
  messageType: 'Authenticate';
  udid: string;
  topic: string;
  serialNumber?: string;
  osVersion?: string;
  buildVersion?: string;
  productName?: string;
  model?: string;
  modelName?: string;
  deviceName?: string;
  imei?: string;
  meid?: string;
}

export interface TokenUpdateMessage {
  messageType: 'TokenUpdate';
  udid: string;
  topic: string;
  /** The APNs device token. */
  token: Buffer;
  /** Sent back in every push (`{"mdm": PushMagic}`), so the device knows the push is from its server. */
  pushMagic: string;
  /** Clears the passcode (ClearPasscode); a secret: store it encrypted. */
  unlockToken?: Buffer;
  awaitingConfiguration?: boolean;
}

export interface CheckOutMessage {
  messageType: 'CheckOut';
  udid: string;
  topic: string;
}

export interface DeclarativeManagementMessage {
  messageType: 'DeclarativeManagement';
  udid: string;
  /** `tokens`, `declaration-items`, `declaration/<type>/<identifier>` or `status`. */
  endpoint: string;
  /** The JSON the endpoint receives (the status report), when it has one. */
  data?: Buffer;
}

export type CheckinProblemCode = 'CHECKIN_UNSUPPORTED_MESSAGE' | 'CHECKIN_USER_CHANNEL' | 'CHECKIN_INVALID';

export class CheckinMessageError extends Error {
  constructor(
    readonly code: CheckinProblemCode,
    message: string,
    readonly messageType?: string,
    readonly problems: AppleKeyProblem[] = [],
  ) {
    super(message);
  }
}

const REQUIRED: Record<CheckinMessage['messageType'], string[]> = {
  Authenticate: ['MessageType', 'UDID', 'Topic'],
  TokenUpdate: ['MessageType', 'UDID', 'Topic', 'Token', 'PushMagic'],
  CheckOut: ['MessageType', 'UDID', 'Topic'],
  DeclarativeManagement: ['MessageType', 'UDID', 'Endpoint'],
};

/**
 * Reads a check-in body: an XML plist, typed against Apple's `mdm/checkin` schema (types of every
 * known key, the keys Socle needs present; keys newer than the schemas are let through, as a device
 * may send them). Messages of the user channel (shared iPad, user enrollment) are refused: Socle
 * manages shared devices, not users.
 */
export function parseCheckinMessage(body: Buffer | string, specsDir: string): CheckinMessage {
  const message = plistDictionaryOf(body);
  const type = message.MessageType;
  if (typeof type !== 'string' || !(type in REQUIRED))
    throw new CheckinMessageError(
      'CHECKIN_UNSUPPORTED_MESSAGE',
      `Message de check-in non pris en charge : ${typeof type === 'string' ? type : 'MessageType absent'}.`,
      typeof type === 'string' ? type : undefined,
    );
  const messageType = type as CheckinMessage['messageType'];
  if ('UserID' in message || 'EnrollmentUserID' in message)
    throw new CheckinMessageError('CHECKIN_USER_CHANNEL', 'Les messages du canal utilisateur ne sont pas gérés.', type);
  const schema = AppleSchemaFiles.open(specsDir).required('mdm/checkin', messageType);
  // No OS filter when reading: the message is what the device sent, whatever Apple documents per OS.
  const problems = validateAppleKeys(message, schema.keys, {
    allowUnknownKeys: true,
    topLevelRequired: REQUIRED[messageType],
  });
  if (problems.length)
    throw new CheckinMessageError(
      'CHECKIN_INVALID',
      `Message ${type} invalide : ${problems.map((problem) => `${problem.path} (${problem.message})`).join(', ')}.`,
      type,
      problems,
    );
  return typed(messageType, message);
}

function typed(messageType: CheckinMessage['messageType'], message: Record<string, any>): CheckinMessage {
  switch (messageType) {
    case 'Authenticate':
      return withoutUndefined({
        messageType,
        udid: message.UDID,
        topic: message.Topic,
        serialNumber: message.SerialNumber,
        osVersion: message.OSVersion,
        buildVersion: message.BuildVersion,
        productName: message.ProductName,
        model: message.Model,
        modelName: message.ModelName,
        deviceName: message.DeviceName,
        imei: message.IMEI,
        meid: message.MEID,
      });
    case 'TokenUpdate':
      return withoutUndefined({
        messageType,
        udid: message.UDID,
        topic: message.Topic,
        token: Buffer.from(message.Token),
        pushMagic: message.PushMagic,
        unlockToken: message.UnlockToken ? Buffer.from(message.UnlockToken) : undefined,
        awaitingConfiguration: message.AwaitingConfiguration,
      });
    case 'CheckOut':
      return { messageType, udid: message.UDID, topic: message.Topic };
    case 'DeclarativeManagement':
      return withoutUndefined({
        messageType,
        udid: message.UDID,
        endpoint: message.Endpoint,
        data: message.Data ? Buffer.from(message.Data) : undefined,
      });
  }
}

export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
