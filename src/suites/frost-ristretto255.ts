/**
 * FROST(ristretto255, SHA-512), RFC 9591 §6.2.
 * @module
 */
import { sha512 } from '@noble/hashes/sha2.js';
import { ScalarField } from '../math/scalar-field.js';
import { defineSuite } from './define-suite.js';
import type { Suite } from './suite.js';
import { prefixedHash } from './hashing.js';
import { ristrettoGroup, type RistrettoPoint } from './noble-groups.js';

const contextString = 'FROST-RISTRETTO255-SHA512-v1';
const Fn = new ScalarField(2n ** 252n + 27742317777372353535851937790883648493n, 32, true);
const H = (label: string, m: Uint8Array) => prefixedHash(sha512, contextString + label, m);

export const frostRistretto255: Suite<RistrettoPoint> = defineSuite({
  id: 'frost-ristretto255',
  contextString,
  Fn,
  G: ristrettoGroup(),
  H1: (m) => Fn.reduce(H('rho', m)),
  H2: (m) => Fn.reduce(H('chal', m)),
  H3: (m) => Fn.reduce(H('nonce', m)),
  H4: (m) => H('msg', m),
  H5: (m) => H('com', m),
  HDKG: (m) => Fn.reduce(H('dkg', m)),
});
