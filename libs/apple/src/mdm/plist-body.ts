import * as plist from 'plist';
import { isDictionary } from '../schema/apple-keys-validator';

/** What an MDM endpoint is willing to read from a device: far above any real check-in or report. */
export const MAX_MDM_BODY_BYTES = 4 * 1024 * 1024;

export class MdmBodyError extends Error {
  constructor(
    readonly code: 'MDM_BODY_NOT_PLIST' | 'MDM_BODY_TOO_LARGE',
    message: string,
  ) {
    super(message);
  }
}

/** An XML plist body whose root is a dictionary. plist parses with xmldom, which resolves no external entities. */
export function plistDictionaryOf(body: Buffer | string): Record<string, unknown> {
  const text = typeof body === 'string' ? body : body.toString('utf8');
  if (text.length > MAX_MDM_BODY_BYTES) throw new MdmBodyError('MDM_BODY_TOO_LARGE', 'Message MDM trop volumineux.');
  let parsed: unknown;
  try {
    parsed = plist.parse(text);
  } catch {
    throw new MdmBodyError('MDM_BODY_NOT_PLIST', "Le corps n'est pas une plist XML lisible.");
  }
  if (!isDictionary(parsed)) throw new MdmBodyError('MDM_BODY_NOT_PLIST', "La plist reçue n'est pas un dictionnaire.");
  return parsed;
}
