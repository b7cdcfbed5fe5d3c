/**
 * FROST(Ed448, SHAKE256), RFC 9591 §6.3. Signatures are RFC 8032 Ed448 signatures (empty
 * context): H2 is prefixed with dom4(0, "") = "SigEd448" ‖ 0x00 ‖ 0x00.
 * @module
 */
import { ed448 } from '@noble/curves/ed448.js';
import { shake256 } from '@noble/hashes/sha3.js';
import { concatBytes, utf8 } from '../math/bytes.js';
import { ScalarField } from '../math/scalar-field.js';
import { defineSuite } from './define-suite.js';
import { edwardsGroup } from './noble-groups.js';

const contextString = 'FROST-ED448-SHAKE256-v1';
const Fn = new ScalarField(ed448.Point.Fn.ORDER, 57, true);
const shake114 = (m: Uint8Array) => shake256(m, { dkLen: 114 });
const H = (label: string, m: Uint8Array) => shake114(concatBytes(utf8(contextString + label), m));
const DOM4 = concatBytes(utf8('SigEd448'), new Uint8Array([0, 0]));

export const frostEd448 = defineSuite({
  id: 'frost-ed448',
  contextString,
  Fn,
  G: edwardsGroup(ed448.Point),
  H1: (m) => Fn.reduce(H('rho', m)),
  H2: (m) => Fn.reduce(shake114(concatBytes(DOM4, m))),
  H3: (m) => Fn.reduce(H('nonce', m)),
  H4: (m) => H('msg', m),
  H5: (m) => H('com', m),
  HDKG: (m) => Fn.reduce(H('dkg', m)),
});
