/**
 * Recovery plan templates (src/wallet/recovery-template.ts, miniscript-leaf.ts, recovery-plan.ts):
 * what is refused (braces, keys, hardened steps, checksums, insane or non-tapscript leaves,
 * timelocks) and, for a 3-leaf plan, that every derived piece matches an independent derivation:
 * keys from @scure/bip32, leaf scripts encoded by hand from BIP342/BIP65/BIP112 opcodes, output
 * key and control blocks from @scure/btc-signer's p2tr.
 * @module
 */
import { HDKey } from '@scure/bip32';
import * as btc from '@scure/btc-signer';
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../src/math/bytes.js';
import type { PublicKeyPackage } from '../src/dkg/key-package.js';
import { HardenedDerivationError, InsaneMiniscriptError, RecoveryPlanError, UnsupportedSchemeError } from '../src/wallet/errors.js';
import { checkRecoveryTemplate, deriveRecoveryPlan, recoveryDescriptors, recoveryMerkleRoot } from '../src/wallet/recovery-plan.js';
import { descriptorChecksum } from '../src/wallet/descriptors.js';

const TPUB = { private: 0x04358394, public: 0x043587cf };
const cosigners = [1, 2, 3].map((i) => HDKey.fromMasterSeed(new Uint8Array(32).fill(i), TPUB));
const [A, B, C] = cosigners.map((k) => k.publicExtendedKey) as [string, string, string];
const master = HDKey.fromMasterSeed(new Uint8Array(32).fill(9), TPUB);
const pub: PublicKeyPackage = { scheme: 'frost-secp256k1-tr', threshold: 2, parties: [1, 2, 3], groupPublicKey: master.publicKey!, verifyingShares: new Map(), vssCommitment: [master.publicKey!], chainCode: master.chainCode! };

const PLAN = `tr(@threshold/0/*,{and_v(v:pk(${A}/0/*),older(52560)),{and_v(v:multi_a(2,${A}/0/*,${B}/0/*,${C}/0/*),older(26280)),and_v(v:pk([deadbeef/48'/1'/0']${B}/7/0/*),after(900000))}})`;
const xOnly = (k: HDKey, path: number[]) => path.reduce((n, i) => n.deriveChild(i), k).publicKey!.subarray(1);

describe('recovery plan templates: what is refused', () => {
  const refused: [string, string, RegExp | (new (...a: any[]) => Error)][] = [
    ['an internal key other than @threshold/0/*', `tr(${A}/0/*,pk(${B}/0/*))`, /starts tr\(@threshold\/0\/\*/],
    ['no script leaves (BIP86)', 'tr(@threshold/0/*)', /needs no recovery plan/],
    ['an unclosed brace', `tr(@threshold/0/*,{pk(${A}/0/*),pk(${B}/0/*))`, /"}" closing \{A,B\}/],
    ['a brace with one branch', `tr(@threshold/0/*,{pk(${A}/0/*)})`, /"," between the two halves/],
    ['a brace inside a leaf', `tr(@threshold/0/*,and_v(v:pk(${A}/0/*),{older(1)}))`, /inside script leaf/],
    ['three leaves in one brace', `tr(@threshold/0/*,{pk(${A}/0/*),pk(${B}/0/*),pk(${C}/0/*)})`, /"}" closing/],
    ['trailing text', `tr(@threshold/0/*,pk(${A}/0/*))x`, /after the closing/],
    ['a checksum', `tr(@threshold/0/*,pk(${A}/0/*))#abcdefgh`, /no checksum/],
    ['a hardened step', `tr(@threshold/0/*,pk(${A}/1'/0/*))`, HardenedDerivationError],
    ['a hardened step written h', `tr(@threshold/0/*,pk(${A}/1h/0/*))`, HardenedDerivationError],
    ['a fixed key', `tr(@threshold/0/*,pk(${bytesToHex(xOnly(cosigners[0]!, []))}))`, /must end in \/0\/\*/],
    ['a key at /1/*', `tr(@threshold/0/*,pk(${A}/1/*))`, /must end in \/0\/\*/],
    ['a mainnet xpub in a regtest plan', `tr(@threshold/0/*,pk(${HDKey.fromMasterSeed(new Uint8Array(32).fill(1)).publicExtendedKey}/0/*))`, /not an extended public key of regtest/],
    ['an xprv', `tr(@threshold/0/*,pk(${cosigners[0]!.privateExtendedKey}/0/*))`, /neither @threshold nor an xpub/],
    ['a bad origin', `tr(@threshold/0/*,pk([dead]${A}/0/*))`, /key origin/],
    ['a leaf without a key', `tr(@threshold/0/*,{pk(${A}/0/*),older(10)})`, /names no key/],
    ['two relative timelocks in one leaf', `tr(@threshold/0/*,and_v(v:pk(${A}/0/*),or_d(older(10),older(20))))`, /several older\(\) or after\(\)/],
    ['a zero timelock', `tr(@threshold/0/*,and_v(v:pk(${A}/0/*),older(0)))`, /from 1 to 2\^31/],
    ['multi(), which tapscript lacks', `tr(@threshold/0/*,multi(2,${A}/0/*,${B}/0/*))`, InsaneMiniscriptError],
    ['a keyless branch (insane)', `tr(@threshold/0/*,or_d(pk(${A}/0/*),after(10)))`, InsaneMiniscriptError],
    ['a height and a time after() in one leaf', `tr(@threshold/0/*,and_v(v:pk(${A}/0/*),and_v(v:after(10),after(500000001))))`, /several older\(\) or after\(\)/],
    ['a repeated key (insane)', `tr(@threshold/0/*,multi_a(2,${A}/0/*,${A}/0/*))`, InsaneMiniscriptError],
    ['not Miniscript', `tr(@threshold/0/*,and_w(pk(${A}/0/*),older(1)))`, InsaneMiniscriptError],
  ];
  it.each(refused)('%s', (_, text, error) => {
    expect(() => checkRecoveryTemplate(text, 'regtest')).toThrow(error as never);
  });

  it('every refusal is a RecoveryPlanError, InsaneMiniscriptError or HardenedDerivationError, never a plain Error', () => {
    for (const [, text] of refused) {
      try {
        checkRecoveryTemplate(text, 'regtest');
      } catch (e) {
        expect([RecoveryPlanError, InsaneMiniscriptError, HardenedDerivationError].some((E) => e instanceof E), String(e)).toBe(true);
      }
    }
  });

  it('an insane leaf is named by its index', () => {
    const text = `tr(@threshold/0/*,{pk(${A}/0/*),{pk(${B}/0/*),multi(1,${C}/0/*)}})`;
    expect(() => checkRecoveryTemplate(text, 'regtest')).toThrow(expect.objectContaining({ leaf: 2, code: 'INSANE_MINISCRIPT' }));
  });

  it('a plan is only for frost-secp256k1-tr keys, at m/0/i and m/1/i', () => {
    const t = checkRecoveryTemplate(PLAN, 'regtest');
    expect(() => deriveRecoveryPlan(t, { ...pub, scheme: 'ecdsa-secp256k1' as never }, [0, 0])).toThrow(UnsupportedSchemeError);
    for (const path of [[2, 0], [0], [0, 0, 1], [0, 2 ** 31]]) expect(() => deriveRecoveryPlan(t, pub, path)).toThrow(RecoveryPlanError);
  });
});

describe('a 3-leaf plan derived at m/0/5 and m/1/5', () => {
  const t = checkRecoveryTemplate(PLAN, 'regtest');

  it.each([0, 1])('chain %i: keys, leaf scripts, output key and control blocks match an independent derivation', (chain) => {
    const d = deriveRecoveryPlan(t, pub, [chain, 5]);
    const [a, b, c] = cosigners.map((k) => xOnly(k, [chain, 5])) as [Uint8Array, Uint8Array, Uint8Array];
    const b7 = xOnly(cosigners[1]!, [7, chain, 5]);
    expect(bytesToHex(d.internalKey)).toBe(bytesToHex(xOnly(master, [chain, 5])));
    expect(d.leaves.map((l) => l.keys.map(bytesToHex))).toEqual([[a], [a, b, c], [b7]].map((ks) => ks.map(bytesToHex)));
    expect(d.leaves.map((l) => l.lock)).toEqual([{ sequence: 52560 }, { sequence: 26280 }, { lockTime: 900000 }]);
    // BIP342 / BIP112 / BIP65 opcodes, numbers as minimal CScriptNum pushes
    const expected = [
      btc.Script.encode([a, 'CHECKSIGVERIFY', btc.ScriptNum().encode(52560n), 'CHECKSEQUENCEVERIFY']),
      btc.Script.encode([a, 'CHECKSIG', b, 'CHECKSIGADD', c, 'CHECKSIGADD', 2, 'NUMEQUALVERIFY', btc.ScriptNum().encode(26280n), 'CHECKSEQUENCEVERIFY']),
      btc.Script.encode([b7, 'CHECKSIGVERIFY', btc.ScriptNum().encode(900000n), 'CHECKLOCKTIMEVERIFY']),
    ];
    expect(d.leaves.map((l) => bytesToHex(l.script))).toEqual(expected.map(bytesToHex));
    const theirs = btc.p2tr(xOnly(master, [chain, 5]), [{ script: expected[0]! }, [{ script: expected[1]! }, { script: expected[2]! }]], { ...btc.TEST_NETWORK, bech32: 'bcrt' }, true);
    expect(d.address).toBe(theirs.address);
    expect(bytesToHex(d.script)).toBe(bytesToHex(theirs.script));
    const blocks = new Map(theirs.tapLeafScript!.map(([cb, s]) => [bytesToHex(s.subarray(0, -1)), bytesToHex(btc.TaprootControlBlock.encode(cb))]));
    for (const l of d.leaves) expect(bytesToHex(l.controlBlock)).toBe(blocks.get(bytesToHex(l.script)));
    expect(recoveryMerkleRoot(t, pub, [chain, 5])).toEqual(d.merkleRoot);
  });

  it('receive and change addresses differ, and so do their merkle roots', () => {
    const [r, c] = [deriveRecoveryPlan(t, pub, [0, 5]), deriveRecoveryPlan(t, pub, [1, 5])];
    expect(r.address).not.toBe(c.address);
    expect(bytesToHex(r.merkleRoot)).not.toBe(bytesToHex(c.merkleRoot));
  });

  it('descriptors: the key\'s tpub for @threshold, chain 0 or 1 in every key, origins kept, BIP380 checksums', () => {
    const { receive, change } = recoveryDescriptors(t, pub);
    const tpub = master.publicExtendedKey;
    const body = PLAN.replace('@threshold', tpub);
    expect(receive).toBe(`${body}#${descriptorChecksum(body)}`);
    const changeBody = body.replaceAll('/0/*', '/1/*');
    expect(change).toBe(`${changeBody}#${descriptorChecksum(changeBody)}`);
    expect(receive).toContain(`[deadbeef/48'/1'/0']${B}/7/0/*`);
  });
});
