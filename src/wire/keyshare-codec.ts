/**
 * The stored key share (proto/tessera/v1/keyshare.proto) <-> a KeyPackage plus the identity key
 * of every party and the share's generation (DESIGN.md "Key lifecycle"). Versioned: version 2 adds
 * the generation (encode always writes 2, generation ≥ 1); version 1 still loads, as generation 1.
 * Decoding validates every element and scalar with the scheme's suite.
 * @module
 */
import { SecretScalar } from '../math/secret.js';
import type { Payload } from '../mpc/canonical.js';
import { keyIdOf, type KeyPackage, type PublicKeyPackage } from '../dkg/key-package.js';
import type { EcdsaKeyShare } from '../signing/ecdsa/key-share.js';
import { decodeEcdsaState, encodeEcdsaState } from '../signing/ecdsa/key-share-codec.js';
import { asPackageScheme, groupSuite, isAnySchemeId, isEcdsaScheme } from '../signing/schemes.js';
import { IDENTITY_KEY_BYTES } from './envelope-codec.js';
import { tessera } from './generated/tessera.js';
import { decodeStrict, encodeMessage, plainBytes } from './strict-decode.js';
import { WireError } from './wire-error.js';

export const KEYSHARE_VERSION = 2;
/** The version before generations: decodes as generation 1. */
const KEYSHARE_VERSION_1 = 1;
const MAX_GENERATION = 0xffffffff;

/** A key package together with who holds each share. */
export interface StoredKeyShare {
  readonly key: KeyPackage;
  /** Identity key of every party, by party id. */
  readonly identities: ReadonlyMap<number, Uint8Array>;
  /** ecdsa-secp256k1 keys: the DKLs23 share around `key` (OT state, zero-share seeds, bans). */
  readonly ecdsa?: EcdsaKeyShare;
  /** The share's generation: 1 from keygen, +1 per refresh, reshare or repair (absent = 1). */
  readonly generation?: number;
}

/** `s.generation`, defaulting to 1, checked to fit the uint32 field and be at least 1. */
export function generationOf(s: StoredKeyShare): number {
  const g = s.generation ?? 1;
  if (!Number.isSafeInteger(g) || g < 1 || g > MAX_GENERATION) throw new WireError(`key share generation must be an integer from 1 to ${MAX_GENERATION}`);
  return g;
}

/** encodeEcdsaState's payload has exactly the fields of proto EcdsaState (keyshare.proto). */
function ecdsaStateOf(s: StoredKeyShare): tessera.v1.EcdsaState.$Properties | null {
  const ecdsa = isEcdsaScheme(s.key.public.scheme);
  if (ecdsa !== (s.ecdsa !== undefined)) throw new WireError(ecdsa ? 'an ECDSA key share needs its DKLs23 state' : 'only ECDSA key shares carry DKLs23 state');
  if (s.ecdsa === undefined) return null;
  if (s.ecdsa.key !== s.key) throw new WireError('the DKLs23 state belongs to another key package');
  return encodeEcdsaState(s.ecdsa) as tessera.v1.EcdsaState.$Properties;
}

export function encodeKeyShare(s: StoredKeyShare): Uint8Array {
  const { key } = s;
  const pub = key.public;
  const suite = groupSuite(pub.scheme);
  return encodeMessage(tessera.v1.KeyShare, {
    version: KEYSHARE_VERSION,
    scheme: pub.scheme,
    keyId: keyIdOf(pub),
    partyId: key.id,
    threshold: pub.threshold,
    parties: pub.parties.map((id) => ({ id, identityKey: s.identities.get(id)!, verifyingShare: pub.verifyingShares.get(id)! })),
    groupPublicKey: pub.groupPublicKey,
    vssCommitment: [...pub.vssCommitment],
    chainCode: pub.chainCode,
    secretShare: suite.Fn.encode(key.secretShare.expose()),
    ecdsa: ecdsaStateOf(s),
    generation: generationOf(s),
  });
}

export function decodeKeyShare(bytes: Uint8Array): StoredKeyShare {
  const m = decodeStrict(tessera.v1.KeyShare, bytes);
  const generation = generationField(m);
  const scheme = m.scheme ?? '';
  if (!isAnySchemeId(scheme)) throw new WireError(`unknown scheme "${scheme.slice(0, 64)}"`);
  const suite = groupSuite(scheme);
  const check = <T>(what: string, f: () => T): T => {
    try {
      return f();
    } catch (e) {
      throw new WireError(`key share ${what}: ${(e as Error).message}`);
    }
  };
  const parties = (m.parties ?? []).map((p) => ({ id: p.id ?? 0, identityKey: plainBytes(p.identityKey), verifyingShare: plainBytes(p.verifyingShare) }));
  const ids = parties.map((p) => p.id);
  if (ids.some((id, i) => id < 1 || (i > 0 && id <= ids[i - 1]!))) throw new WireError('key share party ids must be ascending and nonzero');
  for (const p of parties) {
    if (p.identityKey.length !== IDENTITY_KEY_BYTES) throw new WireError('key share identity keys must be 32 bytes');
    check('verifying share', () => suite.G.decode(p.verifyingShare));
  }
  const threshold = m.threshold ?? 0;
  if (threshold < 1 || threshold > parties.length) throw new WireError('key share threshold out of range');
  const vss = (m.vssCommitment ?? []).map(plainBytes);
  if (vss.length !== threshold) throw new WireError('key share VSS commitment has the wrong length');
  vss.forEach((c) => check('VSS commitment', () => suite.G.decode(c)));
  const groupPublicKey = plainBytes(m.groupPublicKey);
  check('group public key', () => suite.G.decode(groupPublicKey));
  const chainCode = plainBytes(m.chainCode);
  if (chainCode.length !== 32) throw new WireError('key share chain code must be 32 bytes');
  const partyId = m.partyId ?? 0;
  if (!ids.includes(partyId)) throw new WireError('key share party id is not among its parties');
  const secret = check('secret share', () => suite.Fn.decode(plainBytes(m.secretShare)));
  const pub: PublicKeyPackage = {
    scheme: asPackageScheme(scheme),
    threshold,
    parties: ids,
    groupPublicKey,
    verifyingShares: new Map(parties.map((p) => [p.id, p.verifyingShare])),
    vssCommitment: vss,
    chainCode,
  };
  if (keyIdOf(pub) !== m.keyId) throw new WireError('key share key id does not match its group key');
  const own = pub.verifyingShares.get(partyId)!;
  if (!suite.G.eq(suite.G.mulBase(secret), suite.G.decode(own))) throw new WireError('key share secret does not match its verifying share');
  const key: KeyPackage = { id: partyId, secretShare: new SecretScalar(secret), public: pub };
  const identities = new Map(parties.map((p) => [p.id, p.identityKey]));
  if (isEcdsaScheme(scheme) !== (m.ecdsa != null)) throw new WireError(`key share DKLs23 state ${m.ecdsa == null ? 'missing' : 'unexpected'} for ${scheme}`);
  if (m.ecdsa == null) return { key, identities, generation };
  const state = m.ecdsa;
  const payload: Payload = {
    version: state.version ?? 0,
    sessionId: plainBytes(state.sessionId),
    pairs: (state.pairs ?? []).map((p) => ({
      party: p.party ?? 0,
      fullSeeds: plainBytes(p.fullSeeds),
      puncturedSeeds: plainBytes(p.puncturedSeeds),
      deltas: plainBytes(p.deltas),
      zetaSeed: plainBytes(p.zetaSeed),
    })),
    bans: (state.bans ?? []).map((b) => ({ party: b.party ?? 0, reason: b.reason ?? '' })),
  };
  return { key, identities, ecdsa: check('DKLs23 state', () => decodeEcdsaState(key, payload)), generation };
}

/** The generation a decoded KeyShare carries: 1 for version 1 (which has no such field), the field for version 2. */
function generationField(m: tessera.v1.KeyShare.$Properties): number {
  const g = m.generation ?? 0;
  if (m.version === KEYSHARE_VERSION_1) {
    if (g !== 0) throw new WireError('a version 1 key share carries no generation');
    return 1;
  }
  if (m.version !== KEYSHARE_VERSION) throw new WireError(`unsupported key share version ${m.version ?? 0}`);
  if (g < 1) throw new WireError('a version 2 key share needs a generation of at least 1');
  return g;
}
