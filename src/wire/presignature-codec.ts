/**
 * A stored DKLs23 presignature (proto/tessera/v1/keyshare.proto StoredPresignature) <-> the
 * Presignature that signing consumes (src/signing/ecdsa/presign-rounds.ts). Versioned; decoding
 * is strict: the id is 32 bytes, R and PK' are points on secp256k1, φ, r_x·v_i and u canonical
 * scalars, the signers ascending and distinct.
 * @module
 */
import { bytesToHex, hexToBytes } from '../math/bytes.js';
import { SecretScalar } from '../math/secret.js';
import { Fn, G } from '../signing/ecdsa/ec.js';
import type { Presignature } from '../signing/ecdsa/presign-rounds.js';
import { tessera } from './generated/tessera.js';
import { decodeStrict, encodeMessage, plainBytes } from './strict-decode.js';
import { WireError } from './wire-error.js';

export const PRESIGNATURE_VERSION = 1;

/** The encoding; the secrets' byte encodings are zeroed once copied into it. */
export function encodePresignature(p: Presignature): Uint8Array {
  const [phi, rxv, u] = [p.phi, p.rxv, p.u].map((s) => Fn.encode(s.expose())) as [Uint8Array, Uint8Array, Uint8Array];
  try {
    return encodeMessage(tessera.v1.StoredPresignature, { version: PRESIGNATURE_VERSION, id: hexToBytes(p.id), keyId: p.keyId, signers: [...p.signers], R: p.R, publicKey: p.publicKey, phi, rxv, u });
  } finally {
    [phi, rxv, u].forEach((b) => b.fill(0));
  }
}

export function decodePresignature(bytes: Uint8Array): Presignature {
  const m = decodeStrict(tessera.v1.StoredPresignature, bytes);
  if (m.version !== PRESIGNATURE_VERSION) throw new WireError(`unsupported presignature version ${m.version ?? 0}`);
  const id = plainBytes(m.id);
  if (id.length !== 32) throw new WireError('presignature id must be 32 bytes');
  const keyId = m.keyId ?? '';
  if (!/^[0-9a-f]{32}$/.test(keyId)) throw new WireError('presignature key id must be 32 hex characters');
  const signers = [...(m.signers ?? [])];
  if (signers.length < 2 || signers.some((s, i) => s < 1 || (i > 0 && s <= signers[i - 1]!))) throw new WireError('presignature signers must be ascending and nonzero');
  const decode = <T>(what: string, f: () => T): T => {
    try {
      return f();
    } catch (e) {
      throw new WireError(`presignature ${what}: ${(e as Error).message}`);
    }
  };
  const R = plainBytes(m.R);
  const publicKey = plainBytes(m.publicKey);
  decode('R', () => G.decode(R));
  decode('public key', () => G.decode(publicKey));
  const scalar = (name: string, v: Uint8Array | null | undefined) => new SecretScalar(decode(name, () => Fn.decode(plainBytes(v))));
  return { id: bytesToHex(id), keyId, signers, R, publicKey, phi: scalar('phi', m.phi), rxv: scalar('rxv', m.rxv), u: scalar('u', m.u) };
}
