/**
 * Bitcoin Core on regtest (test/helpers/bitcoind.ts; skipped without TESSERA_BITCOIND) reads our
 * watch-only data and makes the PSBT that `tessera sign-psbt` signs, for a frost-secp256k1-tr and
 * an ecdsa-secp256k1 key made by the CLI on a LocalCluster:
 * - `getdescriptorinfo` of the `backup` command's descriptors (src/wallet/descriptors.ts,
 *   BIP380/386/382) gives the same checksums, and `deriveaddresses` of the receive descriptor
 *   over [0,4] gives the backup's first addresses;
 * - Core funds two of the key's addresses past the scan gap (m/0/25, m/0/31, from
 *   `deriveaddresses`), `createpsbt` spends them to an outside address and change at m/1/0,
 *   `utxoupdatepsbt` with the descriptors fills the inputs' BIP32 key origins (BIP174 / BIP371),
 *   and sign-psbt without --path finds both inputs by them (src/node/wallet-signing.ts), signs in
 *   one batch; Core's `finalizepsbt` gives the same transaction, `testmempoolaccept` accepts it,
 *   and it is mined. Core was given the receive descriptor only, so the change output's origin is
 *   sign-psbt's: `decodepsbt` reads exactly what Core writes there itself given both descriptors,
 *   and the signer nodes, re-deriving it, log that output as change.
 * @module
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import * as btc from '@scure/btc-signer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LocalCluster } from '../src/node/local-cluster.js';
import { describeWithBitcoind, startBitcoind, type Bitcoind } from './helpers/bitcoind.js';
import { auditOf, startCluster } from './helpers/cluster.js';
import { cliHome } from './helpers/cli-home.js';

const ROUND_MS = 10_000;
const SCHEMES = [
  { scheme: 'frost-secp256k1-tr', type: 'p2tr', origins: 'taproot_bip32_derivs' },
  { scheme: 'ecdsa-secp256k1', type: 'p2wpkh', origins: 'bip32_derivs' },
] as const;

interface Backup {
  readonly descriptors: { readonly receive: string; readonly change: string };
  readonly firstAddresses: readonly { readonly path: string; readonly type: string; readonly address: string }[];
}
interface DecodedOrigin {
  readonly master_fingerprint: string;
  readonly path: string;
}
interface DecodedPsbt {
  readonly inputs: readonly Record<string, readonly DecodedOrigin[] | undefined>[];
  readonly outputs: readonly Record<string, readonly DecodedOrigin[] | undefined>[];
}

describeWithBitcoind('Bitcoin Core reads the backup descriptors and makes the PSBT that sign-psbt signs by key origin', () => {
  let core: Bitcoind;
  let cluster: LocalCluster;
  const cli = cliHome('tessera-origins-', () => cluster);
  const keys = new Map<string, { keyId: string; backup: Backup }>();
  /** An address of nobody's key here (a fresh random one). */
  const outside = btc.p2wpkh(secp256k1.getPublicKey(secp256k1.utils.randomSecretKey()), { ...btc.TEST_NETWORK, bech32: 'bcrt' }).address!;

  beforeAll(async () => {
    core = await startBitcoind();
    ({ cluster } = await startCluster({ nodes: 3, scryptN: 2 ** 12, maxRoundTimeoutMs: 20_000, extraCoordinators: [cli.identityKey], chains: { bitcoin: 'regtest', ethereum: ['1'] } }));
    cli.nameNodes();
    for (const { scheme } of SCHEMES) {
      const made = await cli.run(['keygen', '--scheme', scheme, '--threshold', '2', '--parties', 'node1,node2,node3', '--json']);
      expect(made.code, made.stderr).toBe(0);
      const keyId = JSON.parse(made.stdout).keyId as string;
      const backup = await cli.run(['backup', '--key', keyId, '--network', 'regtest'], { relay: false });
      expect(backup.code, backup.stderr).toBe(0);
      keys.set(scheme, { keyId, backup: JSON.parse(backup.stdout) });
    }
  }, 180_000);

  afterAll(async () => {
    await cluster?.stop();
    await core?.stop();
    cli.remove();
  }, 60_000);

  for (const { scheme, type, origins } of SCHEMES) {
    it(`${scheme}: getdescriptorinfo gives the backup descriptors' checksums; deriveaddresses over [0,4] gives its first ${type} addresses`, async () => {
      const { backup } = keys.get(scheme)!;
      for (const descriptor of [backup.descriptors.receive, backup.descriptors.change]) {
        const info = await core.rpc<{ descriptor: string; checksum: string; isrange: boolean }>('getdescriptorinfo', descriptor);
        expect(info.checksum).toBe(descriptor.split('#')[1]);
        expect(info.descriptor).toBe(descriptor);
        expect(info.isrange).toBe(true);
      }
      const ours = backup.firstAddresses.filter((a) => a.type === type);
      expect(ours.map((a) => a.path)).toEqual(['m/0/0', 'm/0/1', 'm/0/2', 'm/0/3', 'm/0/4']);
      expect(await core.rpc<string[]>('deriveaddresses', backup.descriptors.receive, [0, 4])).toEqual(ours.map((a) => a.address));
    });

    it(`${scheme}: Core funds m/0/25 and m/0/31, makes and fills the PSBT; sign-psbt without --path finds both by key origin and writes on the change output the origin Core itself writes; Core finalizes, accepts and mines it`, async () => {
      const { keyId, backup } = keys.get(scheme)!;
      const { receive, change } = backup.descriptors;
      const derived = await core.rpc<string[]>('deriveaddresses', receive, [25, 31]);
      const coins: { txid: string; amount: number }[] = [];
      for (const address of [derived[0]!, derived[6]!]) {
        const [hash] = await core.mine(1, address);
        const block = await core.rpc<{ tx: { txid: string; vout: { value: number }[] }[] }>('getblock', hash, 2);
        coins.push({ txid: block.tx[0]!.txid, amount: block.tx[0]!.vout[0]!.value });
      }
      await core.mine(100, outside); // coinbase maturity
      const [changeAddress] = await core.rpc<string[]>('deriveaddresses', change, [0, 0]);
      const total = coins.reduce((s, c) => s + c.amount, 0);
      const created = await core.rpc<string>('createpsbt', coins.map((c) => ({ txid: c.txid, vout: 0 })), [{ [outside]: 60 }, { [changeAddress!]: Number((total - 60 - 0.001).toFixed(8)) }]);
      // filled from the receive descriptor only, so the change output has no origin until sign-psbt writes one
      const filled = await core.rpc<string>('utxoupdatepsbt', created, [{ desc: receive, range: [0, 40] }]);
      const before = await core.rpc<DecodedPsbt>('decodepsbt', filled);
      expect(before.inputs.map((i) => i[origins]?.map((o) => o.path))).toEqual([['m/0/25'], ['m/0/31']]);
      expect(before.outputs).toEqual([{}, {}]);
      // what Core itself writes on the change output when it has the change descriptor too
      const coreChange = (await core.rpc<DecodedPsbt>('decodepsbt', await core.rpc<string>('utxoupdatepsbt', created, [{ desc: receive, range: [0, 40] }, { desc: change, range: [0, 40] }]))).outputs[1];
      expect(coreChange![origins]!.map((o) => o.path)).toEqual(['m/1/0']);

      const signed = await cli.run(['sign-psbt', '--key', keyId, '--psbt', filled, '--network', 'regtest', '--round-timeout', String(ROUND_MS), '--json']);
      expect(signed.code, signed.stderr).toBe(0);
      const out = JSON.parse(signed.stdout) as { psbt: string; tx: string; inputs: { inputIndex: number; path: string; kind: string }[]; changeOutputs: number[] };
      expect(out.inputs.map((i) => [i.inputIndex, i.path, i.kind])).toEqual([
        [0, 'm/0/25', type],
        [1, 'm/0/31', type],
      ]);
      expect(out.changeOutputs).toEqual([1]);
      const after = await core.rpc<DecodedPsbt>('decodepsbt', out.psbt);
      expect(after.outputs).toEqual([{}, coreChange]);
      // m/1/0 is neither an input's path nor its other chain (m/1/25, m/1/31): the signers (node1, node2) count it as change only by re-deriving that origin
      const changeSat = Math.round((total - 60) * 1e8) - 100_000;
      for (const i of [0, 1]) expect(auditOf(cluster, i).map((r) => r.detail).join('\n')).toContain(`${changeSat} sat to ${changeAddress} (change)`);

      const final = await core.rpc<{ hex: string; complete: boolean }>('finalizepsbt', out.psbt);
      expect(final.complete).toBe(true);
      expect(final.hex).toBe(out.tx);
      const [accept] = await core.rpc<{ allowed: boolean; 'reject-reason'?: string }[]>('testmempoolaccept', [final.hex]);
      expect(accept, accept?.['reject-reason']).toMatchObject({ allowed: true });
      const txid = await core.rpc<string>('sendrawtransaction', final.hex);
      await core.mine(1, outside);
      const mined = await core.rpc<{ confirmations: number }>('getrawtransaction', txid, true);
      expect(mined.confirmations).toBe(1);
    }, 120_000);
  }
});
