import { Transform } from 'node:stream';
import { CoreErrorCode } from '../core-error-codes';

/**
 * Passes bytes through until `max`, then fails the stream with code PAYLOAD_TOO_LARGE (callers map
 * it to 413): an upload never fills memory or disk.
 */
export function limitBytes(max: number): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      total += chunk.length;
      if (total > max)
        return callback(Object.assign(new Error('payload too large'), { code: CoreErrorCode.PayloadTooLarge }));
      callback(null, chunk);
    },
  });
}
