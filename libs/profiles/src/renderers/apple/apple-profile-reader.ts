import * as plist from 'plist';
import type { AppleConfigurationProfile } from './apple-profile.types';
import { der, DerNode } from './der';

/**
 * The profile a device would read from a rendered body, signed or not. It does not check the
 * signature (OpenSSL does that in the specs); it lets checks run on exactly the bytes delivered.
 */
export function appleProfileFromBody(body: Buffer): AppleConfigurationProfile {
  return plist.parse(xmlOf(body).toString('utf8')) as unknown as AppleConfigurationProfile;
}

function xmlOf(body: Buffer): Buffer {
  if (body.subarray(0, 5).toString('latin1') === '<?xml') return body;
  const contentInfo = der.decode(body).value as DerNode[];
  const signedData = (contentInfo[1].value as DerNode[])[0].value as DerNode[];
  const encapsulated = signedData[2].value as DerNode[];
  const octets = (encapsulated[1].value as DerNode[])[0];
  return octetBytes(octets);
}

/** BER lets a signer split the content into a constructed OCTET STRING. */
function octetBytes(node: DerNode): Buffer {
  if (typeof node.value === 'string') return Buffer.from(node.value, 'binary');
  return Buffer.concat(node.value.map(octetBytes));
}
