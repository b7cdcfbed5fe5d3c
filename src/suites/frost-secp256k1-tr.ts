/**
 * FROST(secp256k1, SHA-256) with BIP340 conventions, as ZcashFoundation/frost's
 * `frost-secp256k1-tr` (context "FROST-secp256k1-SHA256-TR-v1"). Differences from RFC 9591 §6.5:
 * H2 is the BIP340 tagged hash "BIP0340/challenge" over x(R) ‖ x(PK) ‖ msg; the group key is
 * published x-only and, like the group commitment R, normalized to even y by the signing code
 * (`hasEvenY`); signatures are the 64-byte BIP340 x(R) ‖ z. Inside the protocol (commitment
 * lists, binding factors) elements keep their 33-byte compressed encoding. The arithmetic backend
 * is the WebAssembly core unless TESSERA_BACKEND=noble (see backend.ts).
 * @module
 */
import { concatBytes, EncodingError } from '../math/bytes.js';
import { N } from '../math/secp256k1/curve-gen.js';
import { defaultBackend, type Backend } from './backend.js';
import { secp256k1Backend } from './core-groups.js';
import { defineSuite } from './define-suite.js';
import { taggedHash } from './hashing.js';
import { sha256SuitePartsOver } from './sha256-suite-parts.js';

export function makeFrostSecp256k1Tr(backend: Backend) {
  const { G, xOnly, hasEvenY } = secp256k1Backend(backend);
  const parts = sha256SuitePartsOver('frost-secp256k1-tr', 'FROST-secp256k1-SHA256-TR-v1', G, N);
  const { Fn } = parts;

  /** BIP340 lift_x: the point with x-coordinate x and even y. */
  const liftX = (bytes: Uint8Array) => {
    if (!(bytes instanceof Uint8Array) || bytes.length !== 32) throw new EncodingError('x-only key must be 32 bytes');
    return G.decode(concatBytes(new Uint8Array([2]), bytes));
  };

  const H2 = (m: Uint8Array) => Fn.reduce(taggedHash('BIP0340/challenge', m));

  return defineSuite(
    { ...parts, H2 },
    {
      challenge: (R, PK, msg) => H2(concatBytes(xOnly(R), xOnly(PK), msg)),
      hasEvenY,
      encodePublicKey: xOnly,
      decodePublicKey: liftX,
      signatureBytes: 64,
      encodeSignature(R, z) {
        if (!hasEvenY(R)) throw new EncodingError('BIP340 signature needs an even-y R');
        return concatBytes(xOnly(R), Fn.encode(z));
      },
      decodeSignature(bytes) {
        if (bytes.length !== 64) throw new RangeError('BIP340 signature must be 64 bytes');
        return { R: liftX(bytes.subarray(0, 32)), z: Fn.decode(bytes.subarray(32)) };
      },
    },
  );
}

export const frostSecp256k1Tr = makeFrostSecp256k1Tr(defaultBackend());
