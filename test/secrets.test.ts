/**
 * Secrets never leak through printing: key packages, secret scalars and signing nonces show
 * `<redacted>` in JSON.stringify, String() and util.inspect, so a log line or an error report
 * cannot carry a share.
 * @module
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../src/math/bytes.js';
import { SecretScalar } from '../src/math/secret.js';
import { getSuite } from '../src/suites/index.js';
import { dealerKeygen } from '../src/dkg/dealer.js';
import { commit } from '../src/signing/frost/nonces.js';
import { seededRng } from './helpers/rng.js';

const suite = getSuite('frost-secp256k1');
const keys = dealerKeygen(suite, 2, 3, { rng: seededRng('secrets') });
const key = keys[0]!;
const shareHex = bytesToHex(suite.Fn.encode(key.secretShare.expose()));
const shareDec = key.secretShare.expose().toString();

function printed(x: unknown): string[] {
  return [JSON.stringify(x) ?? '', String(x), inspect(x, { depth: 10, showHidden: true }), `${inspect({ nested: x })}`];
}

describe('secret redaction', () => {
  it.each([
    ['a SecretScalar', () => key.secretShare],
    ['a whole KeyPackage', () => key],
    ['an array of key packages', () => keys],
  ])('%s prints no secret digits', (_, get) => {
    for (const text of printed(get())) {
      expect(text).not.toContain(shareHex);
      expect(text).not.toContain(shareDec);
    }
    expect(inspect(key)).toContain('<redacted>');
  });

  it('signing nonces print only their public handle', () => {
    const { nonces } = commit(suite, 1, key.secretShare.expose(), seededRng('n'));
    const { hiding, binding } = nonces.expose();
    for (const text of printed(nonces)) {
      for (const secret of [hiding, binding]) {
        expect(text).not.toContain(suite.Fn.decode(secret).toString());
        expect(text).not.toContain(bytesToHex(secret));
        expect(text).not.toContain(secret.slice(0, 8).join(', '));
      }
    }
    expect(inspect(nonces)).toContain('<redacted>');
  });

  it('the wrapper still gives the value to code that asks for it', () => {
    expect(new SecretScalar(42n).expose()).toBe(42n);
  });
});
