/**
 * Output script descriptors for watch-only import (BIP380 general syntax and checksum, BIP386
 * `tr()`, BIP382 `wpkh()`): `tr(xpub/…/*)` and `wpkh(xpub/…/*)` over a key's root xpub, so that
 * another wallet derives the same addresses (for `tr`, each child is the internal key of a BIP86
 * key-path-only output). The key's xpub is its own root, so there is no key origin. The checksum
 * is BIP380's descsum_create, an 8-character BCH code over the character set below.
 * @module
 */
import { checkNonHardened } from './bip32.js';
import { DescriptorError } from './errors.js';

const INPUT_CHARSET = '0123456789()[],\'/*abcdefgh@:$%{}IJKLMNOPQRSTUVWXYZ&+-.;<=>?!^_|~ijklmnopqrstuvwxyzABCDEFGH`#"\\ ';
const CHECKSUM_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GENERATOR = [0xf5dee51989n, 0xa9fdca3312n, 0x1bab10e32dn, 0x3706b1677an, 0x644d626ffdn];

function polymod(symbols: readonly number[]): bigint {
  let chk = 1n;
  for (const value of symbols) {
    const top = chk >> 35n;
    chk = ((chk & 0x7ffffffffn) << 5n) ^ BigInt(value);
    GENERATOR.forEach((g, i) => {
      if ((top >> BigInt(i)) & 1n) chk ^= g;
    });
  }
  return chk;
}

/** descsum_expand: each character's position in its group, and after every 3 the group numbers. */
function expand(s: string): number[] {
  const symbols: number[] = [];
  let groups: number[] = [];
  for (const c of s) {
    const v = INPUT_CHARSET.indexOf(c);
    if (v < 0) throw new DescriptorError(`character ${JSON.stringify(c)} is not allowed in a descriptor`);
    symbols.push(v & 31);
    groups.push(v >> 5);
    if (groups.length === 3) {
      symbols.push(groups[0]! * 9 + groups[1]! * 3 + groups[2]!);
      groups = [];
    }
  }
  if (groups.length > 0) symbols.push(groups.reduce((acc, g) => acc * 3 + g, 0));
  return symbols;
}

/** The 8-character BIP380 checksum of a descriptor (without its `#`). */
export function descriptorChecksum(descriptor: string): string {
  const checksum = polymod([...expand(descriptor), 0, 0, 0, 0, 0, 0, 0, 0]) ^ 1n;
  return Array.from({ length: 8 }, (_, i) => CHECKSUM_CHARSET[Number((checksum >> BigInt(5 * (7 - i))) & 31n)]).join('');
}

export type DescriptorType = 'tr' | 'wpkh';

/** `type(xpub/i/j/*)#checksum`: every child of the xpub at the given non-hardened path prefix. */
export function xpubDescriptor(type: DescriptorType, xpub: string, path: readonly number[]): string {
  checkNonHardened(path);
  const body = `${type}(${xpub}${path.map((i) => `/${i}`).join('')}/*)`;
  return `${body}#${descriptorChecksum(body)}`;
}
