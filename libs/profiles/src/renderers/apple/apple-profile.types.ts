import type { PlistObject } from 'plist';

/** A payload dictionary of a configuration profile, before it becomes XML. */
export interface ApplePayload extends PlistObject {
  readonly PayloadType: string;
  readonly PayloadIdentifier: string;
  readonly PayloadUUID: string;
  readonly PayloadVersion: number;
}

export interface AppleConfigurationProfile extends PlistObject {
  readonly PayloadType: 'Configuration';
  readonly PayloadIdentifier: string;
  readonly PayloadUUID: string;
  readonly PayloadVersion: number;
  readonly PayloadContent: readonly ApplePayload[];
}
