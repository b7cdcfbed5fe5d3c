/**
 * FROST(Ed25519, SHA-512), RFC 9591 §6.1. Signatures are RFC 8032 Ed25519 signatures.
 * @module
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { ScalarField } from '../math/scalar-field.js';
import { defineSuite } from './define-suite.js';
import { prefixedHash } from './hashing.js';
import { edwardsGroup } from './noble-groups.js';

const contextString = 'FROST-ED25519-SHA512-v1';
const Fn = new ScalarField(ed25519.Point.Fn.ORDER, 32, true);
const H = (label: string, m: Uint8Array) => prefixedHash(sha512, contextString + label, m);

export const frostEd25519 = defineSuite({
  id: 'frost-ed25519',
  contextString,
  Fn,
  G: edwardsGroup(ed25519.Point),
  H1: (m) => Fn.reduce(H('rho', m)),
  H2: (m) => Fn.reduce(sha512(m)), // RFC 8032 challenge: no context prefix
  H3: (m) => Fn.reduce(H('nonce', m)),
  H4: (m) => H('msg', m),
  H5: (m) => H('com', m),
  HDKG: (m) => Fn.reduce(H('dkg', m)),
});
