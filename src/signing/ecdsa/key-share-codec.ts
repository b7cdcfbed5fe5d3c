/**
 * The DKLs23 part of a stored key share (PROTOCOLS.md §2.2) as a plain payload of byte strings,
 * numbers and strings, for the storage and wire layers to persist next to the KeyPackage (which
 * src/wire/keyshare-codec.ts already stores): the keygen session id, per counterparty the OT
 * state and zero-share seed, and the ban list (§2.8: a ban must survive a restart). Versioned;
 * decoding is strict: exact lengths, at most one entry per other party of the key (a repaired
 * share, lifecycle.ts, has pairs with its helpers only), Δ < 16 with the punctured leaf zero,
 * bans only of parties of the key.
 * @module
 */
import { EncodingError } from '../../math/bytes.js';
import type { Payload } from '../../mpc/canonical.js';
import type { PartyId } from '../../mpc/party-id.js';
import type { KeyPackage } from '../../dkg/key-package.js';
import { PairBans, type EcdsaKeyShare, type PairSetup } from './key-share.js';
import { BLOCKS, LEAVES, SEED_BYTES } from './params.js';
import { SEEDS_BYTES } from './pprf.js';
import { SecretBytes } from './secret-bytes.js';

export const ECDSA_STATE_VERSION = 1;
const MAX_REASON = 64;

export function encodeEcdsaState(share: EcdsaKeyShare): Payload {
  const pairs = [...share.pairs].sort(([a], [b]) => a - b);
  return {
    version: ECDSA_STATE_VERSION,
    sessionId: share.sessionId,
    pairs: pairs.map(([party, p]) => ({
      party,
      fullSeeds: p.fullSeeds.expose(),
      puncturedSeeds: p.puncturedSeeds.expose(),
      deltas: p.deltas.expose(),
      zetaSeed: p.zetaSeed.expose(),
    })),
    bans: [...share.bans.entries()].map(([party, reason]) => ({ party, reason })),
  };
}

function field<T>(o: unknown, name: string, check: (v: unknown) => v is T, what: string): T {
  const v = (o as Record<string, unknown> | null)?.[name];
  if (!check(v)) throw new EncodingError(`ECDSA key state: ${name} must be ${what}`);
  return v;
}

const isBytes = (length: number) => (v: unknown): v is Uint8Array => v instanceof Uint8Array && v.length === length;
const isList = (v: unknown): v is unknown[] => Array.isArray(v);
const isInt = (v: unknown): v is number => Number.isSafeInteger(v);
const isReason = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_REASON;

function decodePair(entry: unknown): PairSetup {
  const deltas = field(entry, 'deltas', isBytes(BLOCKS), `${BLOCKS} bytes`);
  const punctured = field(entry, 'puncturedSeeds', isBytes(SEEDS_BYTES), `${SEEDS_BYTES} bytes`);
  deltas.forEach((d, block) => {
    if (d >= LEAVES) throw new EncodingError(`ECDSA key state: punctured index ${d} of block ${block} out of range`);
    const at = (block * LEAVES + d) * SEED_BYTES;
    if (punctured.subarray(at, at + SEED_BYTES).some((b) => b !== 0)) throw new EncodingError(`ECDSA key state: the punctured leaf of block ${block} is not empty`);
  });
  return {
    fullSeeds: new SecretBytes(Uint8Array.from(field(entry, 'fullSeeds', isBytes(SEEDS_BYTES), `${SEEDS_BYTES} bytes`))),
    puncturedSeeds: new SecretBytes(Uint8Array.from(punctured)),
    deltas: new SecretBytes(Uint8Array.from(deltas)),
    zetaSeed: new SecretBytes(Uint8Array.from(field(entry, 'zetaSeed', isBytes(SEED_BYTES), `${SEED_BYTES} bytes`))),
  };
}

/** The key share of `key`'s holder from its stored ECDSA state; throws EncodingError on any defect. */
export function decodeEcdsaState(key: KeyPackage, state: Payload): EcdsaKeyShare {
  const version = field(state, 'version', isInt, 'an integer');
  if (version !== ECDSA_STATE_VERSION) throw new EncodingError(`ECDSA key state: unknown version ${version}`);
  const others = key.public.parties.filter((j) => j !== key.id);
  const entries = field(state, 'pairs', isList, 'a list');
  const pairs = new Map<PartyId, PairSetup>();
  for (const entry of entries) {
    const party = field(entry, 'party', isInt, 'an integer');
    if (!others.includes(party) || pairs.has(party)) throw new EncodingError(`ECDSA key state: unexpected or repeated party ${party}`);
    pairs.set(party, decodePair(entry));
  }
  const bans = new PairBans();
  for (const entry of field(state, 'bans', isList, 'a list')) {
    const party = field(entry, 'party', isInt, 'an integer');
    if (!others.includes(party)) throw new EncodingError(`ECDSA key state: ban of unknown party ${party}`);
    bans.ban(party, field(entry, 'reason', isReason, `a string of 1..${MAX_REASON} characters`));
  }
  return { key, sessionId: Uint8Array.from(field(state, 'sessionId', isBytes(32), '32 bytes')), pairs, bans };
}
