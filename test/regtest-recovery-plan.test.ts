/**
 * Recovery plans judged by Bitcoin Core on regtest (test/helpers/bitcoind.ts; skipped without
 * TESSERA_BITCOIND): `getdescriptorinfo` computes the same BIP380 checksum for our receive and
 * change descriptors, and `deriveaddresses` over [0,4] gives exactly the addresses we derive
 * (src/wallet/recovery-plan.ts), so the tree, leaf scripts and tweak are Core's too.
 * @module
 */
import { HDKey } from '@scure/bip32';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PublicKeyPackage } from '../src/dkg/key-package.js';
import { checkRecoveryTemplate, deriveRecoveryPlan, recoveryDescriptors } from '../src/wallet/recovery-plan.js';
import { describeWithBitcoind, startBitcoind, type Bitcoind } from './helpers/bitcoind.js';

const TPUB = { private: 0x04358394, public: 0x043587cf };
const [A, B, C] = [1, 2, 3].map((i) => HDKey.fromMasterSeed(new Uint8Array(32).fill(i), TPUB).publicExtendedKey) as [string, string, string];
/** The brief's shape: one key after a year, 2-of-3 after half a year, and an absolute-height leaf with a key origin. */
export const SAMPLE_PLAN = `tr(@threshold/0/*,{and_v(v:pk(${A}/0/*),older(52560)),{and_v(v:multi_a(2,${A}/0/*,${B}/0/*,${C}/0/*),older(26280)),and_v(v:pk([deadbeef/48'/1'/0']${B}/7/0/*),after(900000))}})`;

describeWithBitcoind('Bitcoin Core agrees with our recovery plan descriptors and addresses', () => {
  let core: Bitcoind;
  beforeAll(async () => {
    core = await startBitcoind();
  }, 60_000);
  afterAll(async () => {
    await core?.stop();
  }, 30_000);

  it('getdescriptorinfo gives our checksums; deriveaddresses over [0,4] gives our receive and change addresses', async () => {
    const master = HDKey.fromMasterSeed(new Uint8Array(32).fill(9), TPUB);
    const pub: PublicKeyPackage = { scheme: 'frost-secp256k1-tr', threshold: 2, parties: [1, 2, 3], groupPublicKey: master.publicKey!, verifyingShares: new Map(), vssCommitment: [master.publicKey!], chainCode: master.chainCode! };
    const t = checkRecoveryTemplate(SAMPLE_PLAN, 'regtest');
    const descriptors = recoveryDescriptors(t, pub);
    for (const [chain, descriptor] of [[0, descriptors.receive], [1, descriptors.change]] as const) {
      const [body, checksum] = descriptor.split('#') as [string, string];
      const info = await core.rpc<{ checksum: string; isrange: boolean; issolvable: boolean }>('getdescriptorinfo', body);
      expect(info).toMatchObject({ checksum, isrange: true, issolvable: true });
      const addresses = await core.rpc<string[]>('deriveaddresses', descriptor, [0, 4]);
      expect(addresses).toEqual([0, 1, 2, 3, 4].map((i) => deriveRecoveryPlan(t, pub, [chain, i]).address));
    }
  }, 60_000);
});
