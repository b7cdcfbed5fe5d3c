/**
 * The operations the research sweep (bench/sweep.bench.ts) times, as one driver call per party
 * over any `Party` (src/mpc/party.ts), so the same job runs over the in-memory network and over
 * the relay: keygen (the FROST DKG, src/dkg/dkg.ts; the DKLs23 keygen with its OT setup,
 * src/signing/ecdsa/keygen.ts), sign (FROST's two rounds, src/signing/frost/frost.ts, by parties
 * 1..t; DKLs23's four flights, src/signing/ecdsa/sign.ts), refresh (every member,
 * src/dkg/refresh.ts, src/signing/ecdsa/lifecycle.ts) and reshare t-of-n → t-of-n (every member
 * deals, src/dkg/reshare.ts), the lifecycle ops starting from dealt keys as
 * bench/lifecycle.bench.ts does. Every run checks its result (same group key; one signature).
 * @module
 */
import { dealerKeygen } from '../src/dkg/dealer.js';
import { runDkg } from '../src/dkg/dkg.js';
import { keyIdOf, type KeyPackage } from '../src/dkg/key-package.js';
import { runRefresh } from '../src/dkg/refresh.js';
import { runReshare } from '../src/dkg/reshare.js';
import { bytesToHex, equalBytes } from '../src/math/bytes.js';
import type { Party } from '../src/mpc/party.js';
import { partyRange, type PartyId } from '../src/mpc/party-id.js';
import { dealerEcdsaKeygen } from '../src/signing/ecdsa/dealer.js';
import { runEcdsaKeygen } from '../src/signing/ecdsa/keygen.js';
import { runEcdsaRefresh, runEcdsaReshare } from '../src/signing/ecdsa/lifecycle.js';
import { runEcdsaSign } from '../src/signing/ecdsa/sign.js';
import { SIMULATED_KEYGEN_TIMEOUT_MS } from '../src/signing/ecdsa/simulation.js';
import type { AnySchemeId } from '../src/signing/schemes.js';
import { runFrostSign } from '../src/signing/frost/frost.js';
import { getSuite, type SchemeId } from '../src/suites/index.js';
import { fail } from './harness.js';
import type { Size } from './report.js';

export type Op = 'keygen' | 'sign' | 'refresh' | 'reshare';
export const OPS: readonly Op[] = ['keygen', 'sign', 'refresh', 'reshare'];
export const ECDSA: AnySchemeId = 'ecdsa-secp256k1';

/** One op at one size: its members and what each runs (the results checked together). */
export interface Job {
  readonly parties: readonly PartyId[];
  run(party: Party, session: Uint8Array): Promise<unknown>;
  check(results: readonly unknown[]): void;
}

const MESSAGE = new Uint8Array(32).fill(7);
/** Every party of a sweep shares one thread: rounds wait as long as the keygen simulation's. */
const TIMEOUT_MS = SIMULATED_KEYGEN_TIMEOUT_MS;

function sameKey(what: string, n: number, t: number, group: Uint8Array | null, keys: readonly (KeyPackage | undefined)[]): void {
  const got = keys.filter((k) => k !== undefined);
  const first = group ?? got[0]?.public.groupPublicKey;
  if (got.length !== n || first === undefined || !got.every((k) => equalBytes(k.public.groupPublicKey, first) && k.public.threshold === t)) fail(`${what}: not ${n} shares of one ${t}-of-${n} key`);
}

function oneSignature(what: string, sigs: readonly Uint8Array[]): void {
  if (sigs.length === 0 || !sigs.every((s) => bytesToHex(s) === bytesToHex(sigs[0]!))) fail(`${what}: the signers disagree on the signature`);
}

function frostJobs(id: SchemeId, { t, n }: Size): Record<Op, Job> {
  const suite = getSuite(id);
  const keys = dealerKeygen(suite, t, n);
  const members = partyRange(n);
  const keyOf = (p: Party) => keys[p.id - 1]!;
  const group = keys[0]!.public.groupPublicKey;
  const common = { suite, threshold: t, timeoutMs: TIMEOUT_MS };
  return {
    keygen: { parties: members, run: (p, session) => runDkg(p, { ...common, session, parties: members }), check: (r) => sameKey(`${id} keygen`, n, t, null, r as KeyPackage[]) },
    sign: {
      parties: partyRange(t),
      run: (p, session) => runFrostSign(p, { suite, key: keyOf(p), session, signers: partyRange(t), message: MESSAGE, timeoutMs: TIMEOUT_MS }),
      check: (r) => oneSignature(`${id} sign`, r as Uint8Array[]),
    },
    refresh: { parties: members, run: (p, session) => runRefresh(p, { ...common, session, key: keyOf(p), members }), check: (r) => sameKey(`${id} refresh`, n, t, group, r as KeyPackage[]) },
    reshare: {
      parties: members,
      run: async (p, session) => (await runReshare(p, { ...common, session, key: keyOf(p), dealers: new Map(members.map((i) => [i, i])), receivers: members, keyId: keyIdOf(keys[0]!.public) })).key,
      check: (r) => sameKey(`${id} reshare`, n, t, group, r as KeyPackage[]),
    },
  };
}

function ecdsaJobs({ t, n }: Size): Record<Op, Job> {
  const shares = dealerEcdsaKeygen(t, n);
  const members = partyRange(n);
  const shareOf = (p: Party) => shares[p.id - 1]!;
  const group = shares[0]!.key.public.groupPublicKey;
  const keyId = keyIdOf(shares[0]!.key.public);
  const common = { threshold: t, timeoutMs: TIMEOUT_MS };
  return {
    keygen: { parties: members, run: async (p, session) => (await runEcdsaKeygen(p, { ...common, session, parties: members })).key, check: (r) => sameKey(`${ECDSA} keygen`, n, t, null, r as KeyPackage[]) },
    sign: {
      parties: partyRange(t),
      run: async (p, session) => (await runEcdsaSign(p, { share: shareOf(p), session, signers: partyRange(t), input: { hash: 'sha256', preimage: MESSAGE }, timeoutMs: TIMEOUT_MS })).signature,
      check: (r) => oneSignature(`${ECDSA} sign`, r as Uint8Array[]),
    },
    refresh: { parties: members, run: async (p, session) => (await runEcdsaRefresh(p, { ...common, session, share: shareOf(p), members })).key, check: (r) => sameKey(`${ECDSA} refresh`, n, t, group, r as KeyPackage[]) },
    reshare: {
      parties: members,
      run: async (p, session) => (await runEcdsaReshare(p, { ...common, session, share: shareOf(p), dealers: new Map(members.map((i) => [i, i])), receivers: members, keyId })).share?.key,
      check: (r) => sameKey(`${ECDSA} reshare`, n, t, group, r as KeyPackage[]),
    },
  };
}

/** The jobs of a scheme at a size, on keys dealt once. */
export function jobsOf(scheme: AnySchemeId, size: Size): Record<Op, Job> {
  return scheme === ECDSA ? ecdsaJobs(size) : frostJobs(scheme as SchemeId, size);
}
