/**
 * The WebAssembly core and the @noble/curves reference behind the same suites: key protocol
 * flows (trusted dealer and DKG, then FROST signing) on each backend, signatures checked by
 * the other backend's verifier, byte-identical group encodings, and identical decoding
 * decisions on hostile bytes. The whole test suite also runs on the reference with
 * `npm run test:noble` (TESSERA_BACKEND=noble).
 * @module
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../src/math/bytes.js';
import { publishedPublicKey } from '../src/dkg/key-package.js';
import { simulateKeygen, simulateSign, unwrapAll } from '../src/signing/simulation.js';
import { BACKENDS, getSuiteOn, type SchemeId } from '../src/suites/index.js';
import { seededRng } from './helpers/rng.js';

const SCHEMES: SchemeId[] = ['frost-secp256k1', 'frost-secp256k1-tr', 'frost-ed25519'];

describe.each(SCHEMES)('%s on both backends', (id) => {
  const suites = Object.fromEntries(BACKENDS.map((b) => [b, getSuiteOn(id, b)])) as Record<(typeof BACKENDS)[number], ReturnType<typeof getSuiteOn>>;

  it.each(BACKENDS.flatMap((b) => (['dealer', 'dkg'] as const).map((mode) => [b, mode] as const)))(
    '%s backend, %s keygen, 2-of-3 signing; the other backend verifies',
    async (backend, mode) => {
      const suite = suites[backend];
      const keys = await simulateKeygen(suite, 2, 3, mode, { rng: seededRng(`${id}/${backend}/${mode}`) });
      const msg = new TextEncoder().encode(`message for ${id}`);
      const sigs = unwrapAll(await simulateSign(suite, keys, [1, 3], msg, { rng: seededRng('sign') }));
      const sig = sigs.get(1)!;
      const pk = publishedPublicKey(suite, keys[0]!.public);
      for (const b of BACKENDS) expect(suites[b].verify(sig, msg, pk)).toBe(true);
      expect(suites[backend].verify(sig, new Uint8Array([1]), pk)).toBe(false);
    },
  );

  it('encodes the same elements and decodes the same bytes', () => {
    const { core, noble } = suites;
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: core.Fn.order - 1n }), fc.uint8Array({ minLength: core.G.elementBytes, maxLength: core.G.elementBytes }), (k, bytes) => {
        const a = core.G.encode(core.G.mulBase(k));
        expect(bytesToHex(a)).toBe(bytesToHex(noble.G.encode(noble.G.mulBase(k))));
        expect(bytesToHex(core.G.encode(core.G.decode(a)))).toBe(bytesToHex(a));
        const decodes = (s: typeof core) => {
          try {
            return bytesToHex(s.G.encode(s.G.decode(bytes)));
          } catch {
            return 'rejected';
          }
        };
        expect(decodes(core)).toBe(decodes(noble));
      }),
      { numRuns: 100 },
    );
  });
});
