/**
 * Output descriptors (src/wallet/descriptors.ts): the BIP380 checksum against descriptors
 * published with their checksums in the BIPs, and the `tr(xpub/…/*)` / `wpkh(xpub/…/*)` forms.
 * @module
 */
import { describe, expect, it } from 'vitest';
import { descriptorChecksum, xpubDescriptor } from '../src/wallet/descriptors.js';
import { DescriptorError, HardenedDerivationError } from '../src/wallet/errors.js';

/** Published descriptors with their checksums (bitcoin/bips at 7fe0b034). */
const PUBLISHED = [
  // BIP380 "Test Vectors": "Valid checksum".
  'raw(deadbeef)#89f8spxm',
  // BIP129 (BSMS) example descriptor.
  'wsh(sortedmulti(1,[59865f44/48\'/0\'/0\'/2\']026d15412460ba0d881c21837bb999233896085a9ed4e5445bd637c10e579768ba,[b7044ca6/48\'/0\'/0\'/2\']030baf0497ab406ff50cb48b4013abac8a0338758d2fd54cd934927afa57cc2062))#rzx9dffd',
  // BIP393 "The same descriptor without annotations remains valid".
  'wpkh([deadbeef/84h/0h/0h]xpub6ERApfZwUNrhLCkDtcHTcxd75RbzS1ed54G1LkBUHQVHQKqhMkhgbmJbZRkrgZw4koxb5JaHWkY4ALHY2grBGRjaDMzQLcgJvLJuZZvRcEL/0/*)#kf3v6fpx',
];

const XPUB = 'xpub6ERApfZwUNrhLCkDtcHTcxd75RbzS1ed54G1LkBUHQVHQKqhMkhgbmJbZRkrgZw4koxb5JaHWkY4ALHY2grBGRjaDMzQLcgJvLJuZZvRcEL';

describe('BIP380 checksum', () => {
  it.each(PUBLISHED)('%s', (published) => {
    const [body, checksum] = published.split('#');
    expect(descriptorChecksum(body!)).toBe(checksum);
  });

  it('BIP380 "Error in payload": a changed character changes the checksum', () => {
    expect(descriptorChecksum('raw(deedbeef)')).not.toBe('89f8spxm');
  });

  it('BIP380 "Invalid characters in payload" are refused', () => {
    expect(() => descriptorChecksum('raw(Ü)')).toThrow(DescriptorError);
  });
});

describe('xpub descriptors', () => {
  it('tr and wpkh over an xpub and a non-hardened path prefix', () => {
    const tr = xpubDescriptor('tr', XPUB, [0]);
    expect(tr).toBe(`tr(${XPUB}/0/*)#${descriptorChecksum(`tr(${XPUB}/0/*)`)}`);
    expect(xpubDescriptor('wpkh', XPUB, [1, 2])).toMatch(new RegExp(`^wpkh\\(${XPUB}/1/2/\\*\\)#[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{8}$`));
    expect(xpubDescriptor('wpkh', XPUB, [])).toMatch(new RegExp(`^wpkh\\(${XPUB}/\\*\\)#`));
  });

  it('refuses a hardened step', () => {
    expect(() => xpubDescriptor('tr', XPUB, [0x80000000])).toThrow(HardenedDerivationError);
  });
});
