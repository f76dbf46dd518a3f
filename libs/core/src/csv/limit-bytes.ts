import { Transform } from 'node:stream';

/** The code of the error a stream past its limit fails with; callers map it to 413. */
export const PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE';

/** Passes bytes through until `max`, then fails the stream: an upload never fills memory or disk. */
export function limitBytes(max: number): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      total += chunk.length;
      if (total > max) return callback(Object.assign(new Error('payload too large'), { code: PAYLOAD_TOO_LARGE }));
      callback(null, chunk);
    },
  });
}
