// SHA-256 in hex, one-shot: asked several times per send (each file, the request hash, the session
// token), where a Hash object per call cost more than hashing a short text. crypto.hash() came in
// Node 20.12; an older Node 20 takes createHash.
import * as crypto from 'node:crypto';

type OneShot = (algorithm: string, data: crypto.BinaryLike, outputEncoding: 'hex') => string;

const oneShot = (crypto as { hash?: OneShot }).hash;

export const sha256Hex: (data: Uint8Array | string) => string = oneShot
  ? (data) => oneShot('sha256', data, 'hex')
  : (data) => crypto.createHash('sha256').update(data).digest('hex');
