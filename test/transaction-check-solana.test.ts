/**
 * What a signer node checks in a proposed Solana message (src/node/transaction-check.ts) and how
 * its policy judges it (src/node/signer-policy.ts), as a lying coordinator would probe it: the
 * wire form (hash none, not prehashed, a known cluster), signed bytes that are not the message, a
 * key of another scheme, a cluster the node does not sign on, a fee payer that is another key
 * (the root's address at a path), a non-transfer under allowRawMessages false, and the amount,
 * destination and daily rules on `solana:<cluster>` in lamports. Messages are compiled by
 * @solana/web3.js; the root key's address is read by its address decoder.
 * @module
 */
import { getAddressDecoder, type Address } from '@solana/web3.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { keyIdOf, type PublicKeyPackage } from '../src/dkg/key-package.js';
import { DEFAULT_CHAINS, type ChainRules } from '../src/node/chains-config.js';
import { ProposalRefusedError } from '../src/node/proposal-errors.js';
import { evaluatePolicy, parseSignerPolicy, type SpendHistory } from '../src/node/signer-policy.js';
import { checkProposedTransaction } from '../src/node/transaction-check.js';
import { simulateKeygen } from '../src/signing/simulation.js';
import { getSuite } from '../src/suites/index.js';
import { keyAddress } from '../src/wallet/key-addresses.js';
import type { TxSummary } from '../src/wallet/tx-summary.js';
import { WireError } from '../src/wire/wire-error.js';
import { decodeProposal, encodeProposal, type SessionProposal } from '../src/wire/session-codec.js';
import { compileMessage, freshAddress, memo, systemTransfer, tokenTransferChecked } from './helpers/solana.js';
import { seededRng } from './helpers/rng.js';

const DEVNET: ChainRules = { ...DEFAULT_CHAINS, solana: new Set(['devnet']) };
const NOON = new Date('2025-06-02T12:00:00Z');
const NOTHING_SPENT: SpendHistory = { spentSince: () => 0n };

let ed: PublicKeyPackage;
let tr: PublicKeyPackage;
let root: Address;
let child: Address;

beforeAll(async () => {
  ed = (await simulateKeygen(getSuite('frost-ed25519'), 2, 3, 'dealer', { rng: seededRng('check-solana') }))[0]!.public;
  tr = (await simulateKeygen(getSuite('frost-secp256k1-tr'), 2, 3, 'dealer', { rng: seededRng('check-solana-tr') }))[0]!.public;
  root = getAddressDecoder().decode(ed.groupPublicKey);
  child = keyAddress(ed, [0, 0], 'sol').address as Address;
});

function proposal(pub: PublicKeyPackage, message: Uint8Array, o: { path?: number[]; cluster?: string; signed?: Uint8Array } = {}): SessionProposal {
  return {
    kind: 'sign',
    generation: 1,
    scheme: pub.scheme,
    keyId: keyIdOf(pub),
    threshold: 2,
    parties: [new Uint8Array(32).fill(1), new Uint8Array(32).fill(2)],
    message: { hash: 'none', preimage: o.signed ?? message, prehashed: false },
    derivationPath: o.path ?? [],
    roundTimeoutMs: 1000,
    notAfterMs: 1_900_000_000_000,
    transaction: { kind: 'solana', data: message, inputIndex: 0, network: o.cluster ?? 'devnet' },
  };
}

const check = (p: SessionProposal, pub = ed, chains = DEVNET) => checkProposedTransaction(p, pub, { chains, heldKeys: () => [pub] });

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ProposalRefusedError);
    return (e as Error).message;
  }
  throw new Error('not refused');
}

describe('the wire form of a Solana session', () => {
  it('round-trips; the message is signed as is (hash none, not prehashed) on a named cluster', () => {
    const p = proposal(ed, compileMessage(root, [systemTransfer(root, freshAddress(), 1n)]));
    expect(decodeProposal(encodeProposal(p))).toEqual(p);
    const prehashed = { ...p, message: { hash: 'none' as const, preimage: new Uint8Array(32), prehashed: true } };
    expect(() => decodeProposal(encodeProposal(prehashed))).toThrow(/signs its one message as is/);
    expect(() => decodeProposal(encodeProposal({ ...p, transaction: { ...p.transaction!, network: 'mainnet' } }))).toThrow(WireError);
  });
});

describe('the node decodes the message itself', () => {
  it('an honest transfer from the root address, and from the address at m/0/0, is summarised', () => {
    const to = freshAddress();
    const summary = check(proposal(ed, compileMessage(root, [systemTransfer(root, to, 42n)])));
    expect(summary).toMatchObject({ chain: 'solana', cluster: 'devnet', feePayer: root, lamports: 42n, transfers: [{ to }] });
    expect(check(proposal(ed, compileMessage(child, [systemTransfer(child, to, 1n)]), { path: [0, 0] }))).toMatchObject({ feePayer: child });
  });

  it('refuses signed bytes that are not the message, a key of another scheme, and a cluster it does not sign on', () => {
    const message = compileMessage(root, [systemTransfer(root, freshAddress(), 1n)]);
    const other = compileMessage(root, [systemTransfer(root, freshAddress(), 2n)]);
    expect(refusal(() => check(proposal(ed, message, { signed: other })))).toBe('the bytes to sign are not the Solana message');
    expect(refusal(() => check(proposal(tr, message), tr))).toBe('a frost-secp256k1-tr key cannot sign Solana messages');
    expect(refusal(() => check(proposal(ed, message, { cluster: 'mainnet-beta' })))).toBe(
      `the proposal labels the message solana mainnet-beta, but this node signs key ${keyIdOf(ed)} on Solana devnet only (an Ed25519 signature of a message is valid on every cluster)`,
    );
    expect(check(proposal(ed, message, { cluster: 'mainnet-beta' }), ed, DEFAULT_CHAINS)).toMatchObject({ cluster: 'mainnet-beta' });
  });

  it('refuses a message whose fee payer is another key: another account, or the root when the path names a child', () => {
    const stranger = freshAddress();
    const theirs = compileMessage(stranger, [systemTransfer(stranger, root, 1n)]);
    expect(refusal(() => check(proposal(ed, theirs)))).toBe(`the Solana message does not check out: the fee payer is ${stranger}, not the key's address ${root}`);
    const rootPays = compileMessage(root, [systemTransfer(root, stranger, 1n)]);
    expect(refusal(() => check(proposal(ed, rootPays, { path: [0, 0] })))).toMatch(`the fee payer is ${root}, not the key's address ${child}`);
  });
});

describe('the policy on solana:<cluster>', () => {
  const judge = (policy: unknown, tx: TxSummary | undefined, ledger = NOTHING_SPENT) => evaluatePolicy(parseSignerPolicy(policy), { scheme: 'frost-ed25519', keyId: keyIdOf(ed), ...(tx ? { tx } : {}) }, ledger, NOON);

  it('a message that is not a transfer is a raw message: refused by allowRawMessages false', () => {
    const summary = check(proposal(ed, compileMessage(root, [memo('gm')])));
    expect(summary).toBeUndefined();
    expect(judge({ allowRawMessages: false }, summary)).toMatchObject({ ok: false, rule: 'allowRawMessages' });
    expect(judge({ allowRawMessages: true }, summary)).toEqual({ ok: true });
  });

  it('maxAmountPerTx and maxAmountPerDay count lamports, fees included per day; a token transfer counts 0 lamports', () => {
    const sol = check(proposal(ed, compileMessage(root, [systemTransfer(root, freshAddress(), 2_000_000n)])))!;
    const perTx = judge({ maxAmountPerTx: { 'solana:devnet': '1000000' } }, sol);
    expect(perTx).toMatchObject({ ok: false, rule: 'maxAmountPerTx' });
    expect(!perTx.ok && perTx.reason).toBe(`tx ${sol.txid} sends 2000000 lamports on solana:devnet, above the per-transaction limit of 1000000 lamports`);
    expect(judge({ maxAmountPerTx: { 'solana:devnet': '2000000' } }, sol)).toEqual({ ok: true });
    expect(judge({ maxAmountPerDay: { 'solana:devnet': '2004999' } }, sol)).toMatchObject({ ok: false, rule: 'maxAmountPerDay' });
    expect(judge({ maxAmountPerDay: { 'solana:devnet': '2005000' } }, sol)).toEqual({ ok: true });
    expect(judge({ maxAmountPerTx: { 'bitcoin:mainnet': '1' } }, sol)).toMatchObject({ ok: false, rule: 'maxAmountPerTx', reason: expect.stringMatching(/solana:devnet has no limit/) });
    const token = check(proposal(ed, compileMessage(root, [tokenTransferChecked({ source: freshAddress(), mint: freshAddress(), destination: freshAddress(), owner: root, amount: 10n ** 12n, decimals: 6 })])))!;
    expect(judge({ maxAmountPerTx: { 'solana:devnet': '1' } }, token)).toEqual({ ok: true });
  });

  it('allowedDestinations lists base58 recipients and destination token accounts; allowedChains names solana:<cluster>', () => {
    const to = freshAddress();
    const tokenAccount = freshAddress();
    const tx = check(proposal(ed, compileMessage(root, [systemTransfer(root, to, 1n), tokenTransferChecked({ source: freshAddress(), mint: freshAddress(), destination: tokenAccount, owner: root, amount: 1n, decimals: 0 })])))!;
    expect(judge({ allowedDestinations: [to, tokenAccount] }, tx)).toEqual({ ok: true });
    expect(judge({ allowedDestinations: [to] }, tx)).toMatchObject({ ok: false, rule: 'allowedDestinations', reason: `destination ${tokenAccount} not on the allow-list` });
    expect(judge({ allowedChains: ['solana:mainnet-beta'] }, tx)).toMatchObject({ ok: false, rule: 'allowedChains' });
    expect(() => parseSignerPolicy({ allowedChains: ['solana:mainnet'] })).toThrow(/unknown chain "solana:mainnet"/);
  });
});
