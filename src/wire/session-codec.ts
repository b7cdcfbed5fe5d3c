/**
 * Session control messages (proto/tessera/v1/session.proto) as typed values with strict
 * validation: a coordinator's proposal, each party's per-session hello (X25519 key and session
 * context), results and
 * aborts reported back to the coordinator.
 * @module
 */
import { isAnySchemeId, type AnySchemeId } from '../signing/schemes.js';
import { MAX_ECDSA_BATCH } from '../signing/ecdsa/sign-batch.js';
import { IDENTITY_KEY_BYTES } from './envelope-codec.js';
import { CERTIFICATE_SIGNATURE_BYTES, decodeLifecycle, encodeLifecycle, lifecycleSessionOf, type LifecycleKind, type LifecycleParts } from './lifecycle-codec.js';
import { tessera } from './generated/tessera.js';
import { decodeStrict, encodeMessage, plainBytes } from './strict-decode.js';
import { checkPath, decodeByteList, decodeCommitments, decodeItems, decodeSignerCommitments, encodeSignerCommitments, MAX_ITEMS, type HashAlgorithm, type MessageFields, type PooledCommitment, type SignerCommitments, type SignItem } from './sign-items-codec.js';
import { WireError } from './wire-error.js';

const v1 = tessera.v1;

export const ROUND_PROPOSAL = 'proposal';
export const ROUND_HELLO = 'hello';
export const ROUND_RESULT = 'result';
export const ROUND_FAILED = 'failed';

export type SessionKind = 'keygen' | 'sign' | 'presign' | LifecycleKind | 'activate' | 'commit' | 'drill';
export type { HashAlgorithm, MessageFields, PooledCommitment, SignerCommitments, SignItem } from './sign-items-codec.js';

const KINDS: Record<SessionKind, number> = {
  keygen: v1.SessionKind.SESSION_KIND_KEYGEN,
  sign: v1.SessionKind.SESSION_KIND_SIGN,
  presign: v1.SessionKind.SESSION_KIND_PRESIGN,
  refresh: v1.SessionKind.SESSION_KIND_REFRESH,
  reshare: v1.SessionKind.SESSION_KIND_RESHARE,
  repair: v1.SessionKind.SESSION_KIND_REPAIR,
  activate: v1.SessionKind.SESSION_KIND_ACTIVATE,
  commit: v1.SessionKind.SESSION_KIND_COMMIT,
  drill: v1.SessionKind.SESSION_KIND_DRILL,
};
const LIFECYCLE_KINDS: readonly SessionKind[] = ['refresh', 'reshare', 'repair'];

export function isLifecycleKind(kind: SessionKind): kind is LifecycleKind {
  return LIFECYCLE_KINDS.includes(kind);
}
const PRESIGNATURE_ID = /^[0-9a-f]{64}$/;
const HASHES: Record<HashAlgorithm, number> = {
  none: v1.HashAlgorithm.HASH_ALGORITHM_NONE,
  sha256: v1.HashAlgorithm.HASH_ALGORITHM_SHA256,
  sha256d: v1.HashAlgorithm.HASH_ALGORITHM_SHA256D,
  keccak256: v1.HashAlgorithm.HASH_ALGORITHM_KECCAK256,
};
const MAX_PARTIES = 1024;
const MAX_MESSAGE = 64 * 1024;
const MAX_TRANSACTION = 512 * 1024;
/** Longest signature of any scheme (ed448: 114 bytes), with room. */
const MAX_SIGNATURE = 256;

export type TransactionKind = 'psbt' | 'ethereum' | 'solana';
const TX_KINDS: Record<TransactionKind, number> = {
  psbt: v1.TransactionKind.TRANSACTION_KIND_PSBT,
  ethereum: v1.TransactionKind.TRANSACTION_KIND_ETHEREUM,
  solana: v1.TransactionKind.TRANSACTION_KIND_SOLANA,
};
const SOLANA_CLUSTERS = ['mainnet-beta', 'devnet', 'testnet', 'localnet'];

/** A wallet session's transaction, decoded by every node itself. */
export interface ProposedTransaction {
  readonly kind: TransactionKind;
  readonly data: Uint8Array;
  /** PSBT: the input this session signs. */
  readonly inputIndex: number;
  /** PSBT: mainnet, testnet or regtest; Solana: the cluster (mainnet-beta, devnet, testnet, localnet). */
  readonly network: string;
}

export interface SessionProposal {
  readonly kind: SessionKind;
  readonly scheme: AnySchemeId;
  /** Hex key id; empty for keygen. */
  readonly keyId: string;
  readonly threshold: number;
  /** Identity keys: keygen, all parties in evaluation-point order; sign, the signers. */
  readonly parties: readonly Uint8Array[];
  /** Sign: what is signed (a batch: unset, hash none and empty; see `items`). */
  readonly message: MessageFields;
  readonly derivationPath: readonly number[];
  readonly roundTimeoutMs: number;
  /** Unix ms after which the proposal must not be started. */
  readonly notAfterMs: number;
  /** frost-secp256k1-tr: sign under the BIP341 output key (BIP86 unless a merkle root is given). */
  readonly taproot?: { readonly merkleRoot?: Uint8Array };
  readonly transaction?: ProposedTransaction;
  /** ecdsa-secp256k1 sign: a presignature made ahead (by the same signers, at the same path). */
  readonly presignature?: string;
  /**
   * The generation of the key's shares (0 for keygen): sign and presign, the one they use;
   * refresh, reshare and repair, the active one they start from; activate, the one to activate.
   */
  readonly generation: number;
  /** Refresh, reshare, repair: who takes part in which role (lifecycle-codec.ts). */
  readonly lifecycle?: LifecycleParts;
  /** Sign: the test signature of the generation made by lifecycle session `session`. */
  readonly check?: { readonly session: Uint8Array };
  /** Activate: the lifecycle session that made the generation, and its success certificate. */
  readonly activation?: { readonly session: Uint8Array; readonly certificate: readonly Uint8Array[]; readonly checkSignature: Uint8Array };
  /** Sign, batch: 2 or more items signed together (message and path then unset); see signItems. */
  readonly items?: readonly SignItem[];
  /** FROST sign in one round: every signer's pooled commitment per item, in `parties` order. */
  readonly commitments?: readonly SignerCommitments[];
  /** Commit: how many pooled commitments each party hands out. */
  readonly commitCount?: number;
  /** Sign: how much longer than the round timeout the first round waits for a signer holding the proposal for its operator's approval (at most MAX_APPROVAL_WAIT_MS). */
  readonly approvalWaitMs?: number;
}

/** The longest approval wait a sign proposal may ask for (10 min, the longest round timeout). */
export const MAX_APPROVAL_WAIT_MS = 600_000;

/** What a sign proposal signs: its items, or its one message at its path (and PSBT input). */
export function signItems(p: Pick<SessionProposal, 'items' | 'message' | 'derivationPath' | 'transaction'>): readonly SignItem[] {
  return p.items ?? [{ message: p.message, derivationPath: p.derivationPath, inputIndex: p.transaction?.inputIndex ?? 0 }];
}

function reverse<K extends string>(table: Record<K, number>, value: number | undefined, what: string): K {
  const found = (Object.keys(table) as K[]).find((k) => table[k] === value);
  if (found === undefined) throw new WireError(`unknown ${what} ${String(value)}`);
  return found;
}

export function encodeProposal(p: SessionProposal): Uint8Array {
  return encodeMessage(v1.SessionProposal, {
    kind: KINDS[p.kind],
    scheme: p.scheme,
    keyId: p.keyId,
    threshold: p.threshold,
    parties: [...p.parties],
    message: (p.kind === 'sign' && p.items === undefined) || p.kind === 'drill' ? encodeMessageFields(p.message) : null,
    derivationPath: [...p.derivationPath],
    roundTimeoutMs: p.roundTimeoutMs,
    notAfterMs: p.notAfterMs,
    taprootOutput: p.taproot !== undefined,
    taprootMerkleRoot: p.taproot?.merkleRoot ?? new Uint8Array(0),
    presignature: p.presignature ?? '',
    transaction: p.transaction ? { kind: TX_KINDS[p.transaction.kind], data: p.transaction.data, inputIndex: p.transaction.inputIndex, network: p.transaction.network } : null,
    generation: p.generation,
    ...encodeLifecycle(p.lifecycle),
    lifecycleCheck: p.check !== undefined,
    lifecycleSession: p.check?.session ?? p.activation?.session ?? new Uint8Array(0),
    certificate: [...(p.activation?.certificate ?? [])],
    checkSignature: p.activation?.checkSignature ?? new Uint8Array(0),
    items: (p.items ?? []).map((i) => ({ message: encodeMessageFields(i.message), derivationPath: [...i.derivationPath], inputIndex: i.inputIndex })),
    commitments: encodeSignerCommitments(p.commitments),
    commitCount: p.commitCount ?? 0,
    approvalWaitMs: p.approvalWaitMs ?? 0,
  });
}

function encodeMessageFields(m: MessageFields): tessera.v1.MessageToSign.$Properties {
  return { hash: HASHES[m.hash], preimage: m.preimage, prehashed: m.prehashed };
}

function decodeMessageFields(msg: tessera.v1.MessageToSign.$Properties | null | undefined): MessageFields {
  const message =
    msg == null
      ? { hash: 'none' as const, preimage: new Uint8Array(0), prehashed: false }
      : { hash: reverse(HASHES, msg.hash ?? undefined, 'hash algorithm'), preimage: plainBytes(msg.preimage), prehashed: msg.prehashed ?? false };
  if (message.preimage.length > MAX_MESSAGE) throw new WireError('message too long');
  if (message.prehashed && message.preimage.length !== 32) throw new WireError('a prehashed message must be a 32-byte digest');
  return message;
}

/**
 * The batch items, one-round commitments and commit count of a proposal of `kind`: items and
 * commitments only in sign proposals (commitments only for FROST, without a presignature or a
 * lifecycle check), a count of 1 to MAX_ITEMS only in commit proposals; an ECDSA batch has at
 * most MAX_ECDSA_BATCH items.
 */
function decodeBatchFields(kind: SessionKind, scheme: AnySchemeId, m: tessera.v1.SessionProposal.$Properties, parties: readonly Uint8Array[]): Pick<SessionProposal, 'items' | 'commitments' | 'commitCount'> {
  const items = decodeItems(m.items, decodeMessageFields);
  const commitments = decodeSignerCommitments(m.commitments, parties, Math.max(items.length, 1));
  const commitCount = m.commitCount ?? 0;
  if (kind !== 'sign' && (items.length > 0 || commitments.length > 0)) throw new WireError('batch items and one-round commitments belong in a sign proposal');
  if (items.length > 0 && (m.message != null || (m.derivationPath ?? []).length > 0 || (m.transaction?.inputIndex ?? 0) !== 0)) {
    throw new WireError('a batch carries its messages, paths and inputs in its items only');
  }
  if (scheme === 'ecdsa-secp256k1' && items.length > MAX_ECDSA_BATCH) throw new WireError(`an ecdsa-secp256k1 batch signs at most ${MAX_ECDSA_BATCH} items (its OT flight must fit a relay frame)`);
  if (commitments.length > 0 && (scheme === 'ecdsa-secp256k1' || (m.presignature ?? '') !== '' || m.lifecycleCheck)) {
    throw new WireError('one-round commitments belong in a FROST sign proposal without a presignature or a lifecycle check');
  }
  if ((kind === 'commit') !== (commitCount > 0)) throw new WireError(kind === 'commit' ? 'a commit proposal names how many commitments' : `a ${kind} proposal has no commitment count`);
  if (commitCount > MAX_ITEMS) throw new WireError(`at most ${MAX_ITEMS} commitments at once`);
  if (kind === 'commit' && (scheme === 'ecdsa-secp256k1' || !/^[0-9a-f]{32}$/.test(m.keyId ?? '') || m.message != null || m.taprootOutput || m.transaction != null || (m.derivationPath ?? []).length > 0)) {
    throw new WireError('commit proposal: a FROST key id, and no message, path, tweak or transaction');
  }
  return { ...(items.length > 0 ? { items } : {}), ...(commitments.length > 0 ? { commitments } : {}), ...(commitCount > 0 ? { commitCount } : {}) };
}

/** The generation, lifecycle parts, check and activation of a proposal of `kind`, validated. */
function decodeLifecycleFields(kind: SessionKind, m: tessera.v1.SessionProposal.$Properties, parties: readonly Uint8Array[], threshold: number): Pick<SessionProposal, 'generation' | 'lifecycle' | 'check' | 'activation'> {
  const generation = m.generation ?? 0;
  if ((kind === 'keygen') !== (generation === 0)) throw new WireError(kind === 'keygen' ? 'a keygen proposal names no generation' : `a ${kind} proposal names the generation of the key's shares`);
  const session = plainBytes(m.lifecycleSession);
  const certificate = (m.certificate ?? []).map(plainBytes);
  const lifecycle = isLifecycleKind(kind) ? decodeLifecycle(kind, m, parties, threshold) : undefined;
  if (!isLifecycleKind(kind) && ((m.members ?? []).length > 0 || plainBytes(m.repairTarget).length > 0)) throw new WireError(`a ${kind} proposal has no lifecycle members`);
  const checking = m.lifecycleCheck ?? false;
  if (checking && kind !== 'sign') throw new WireError('only a sign proposal is a lifecycle check');
  const checkSignature = plainBytes(m.checkSignature);
  if (kind !== 'activate' && (certificate.length > 0 || checkSignature.length > 0)) throw new WireError('a certificate and a test signature belong in an activate proposal');
  if (kind === 'activate') {
    if (certificate.length !== parties.length || certificate.some((c) => c.length !== CERTIFICATE_SIGNATURE_BYTES)) throw new WireError('an activate proposal carries one 64-byte signature per party');
    if (checkSignature.length === 0 || checkSignature.length > MAX_SIGNATURE) throw new WireError(`an activate proposal carries the test signature (1 to ${MAX_SIGNATURE} bytes)`);
    return { generation, activation: { session: lifecycleSessionOf(session, 'an activate proposal'), certificate, checkSignature } };
  }
  if (checking) return { generation, check: { session: lifecycleSessionOf(session, 'a lifecycle check') } };
  if (session.length > 0) throw new WireError('a lifecycle session id belongs in a lifecycle check or an activate proposal');
  return { generation, ...(lifecycle ? { lifecycle } : {}) };
}

function decodeTaproot(scheme: AnySchemeId, on: boolean, merkleRoot: Uint8Array): SessionProposal['taproot'] {
  if (!on) {
    if (merkleRoot.length > 0) throw new WireError('a taproot merkle root without taproot_output');
    return undefined;
  }
  if (scheme !== 'frost-secp256k1-tr') throw new WireError(`the taproot tweak needs frost-secp256k1-tr, not ${scheme}`);
  if (merkleRoot.length === 0) return {};
  if (merkleRoot.length !== 32) throw new WireError('the taproot merkle root must be 32 bytes');
  return { merkleRoot };
}

function decodeTransaction(m: tessera.v1.Transaction.$Properties | null | undefined, messages: readonly MessageFields[]): ProposedTransaction | undefined {
  if (m == null) return undefined;
  const kind = reverse(TX_KINDS, m.kind ?? undefined, 'transaction kind');
  const data = plainBytes(m.data);
  if (data.length === 0 || data.length > MAX_TRANSACTION) throw new WireError(`a transaction must be 1 to ${MAX_TRANSACTION} bytes`);
  const network = m.network ?? '';
  if (kind === 'solana') {
    // Ed25519 signs the message itself: one item, hash none, not prehashed
    if (messages.length !== 1 || messages.some((x) => x.prehashed || x.hash !== 'none')) throw new WireError('a Solana session signs its one message as is (hash none, not prehashed)');
    if (!SOLANA_CLUSTERS.includes(network) || (m.inputIndex ?? 0) !== 0) throw new WireError(`a Solana session names its cluster (${SOLANA_CLUSTERS.join(', ')}) and no input index`);
    return { kind, data, inputIndex: 0, network };
  }
  if (!messages.every((x) => x.prehashed)) throw new WireError('a transaction session signs prehashed digests');
  if (kind === 'psbt' ? !['mainnet', 'testnet', 'regtest'].includes(network) : network !== '' || (m.inputIndex ?? 0) !== 0) {
    throw new WireError(kind === 'psbt' ? 'a PSBT session needs network mainnet, testnet or regtest' : 'an Ethereum transaction has no network name or input index');
  }
  return { kind, data, inputIndex: m.inputIndex ?? 0, network };
}

export function decodeProposal(bytes: Uint8Array): SessionProposal {
  const m = decodeStrict(v1.SessionProposal, bytes);
  const kind = reverse(KINDS, m.kind ?? undefined, 'session kind');
  const scheme = m.scheme ?? '';
  if (!isAnySchemeId(scheme)) throw new WireError(`unknown scheme "${scheme.slice(0, 64)}"`);
  const parties = (m.parties ?? []).map(plainBytes);
  // a commit proposal may go to one member alone (the others' commitments are at hand)
  if (parties.length < (kind === 'commit' ? 1 : 2) || parties.length > MAX_PARTIES) throw new WireError(kind === 'commit' ? 'a commit proposal names 1 to 1024 parties' : 'a session needs 2 to 1024 parties');
  if (parties.some((p) => p.length !== IDENTITY_KEY_BYTES)) throw new WireError('party identity keys must be 32 bytes');
  if (new Set(parties.map((p) => Buffer.from(p).toString('hex'))).size !== parties.length) throw new WireError('a party is listed twice');
  const threshold = m.threshold ?? 0;
  const keyId = m.keyId ?? '';
  if (kind === 'keygen' && (threshold < 2 || threshold > parties.length || keyId !== '')) throw new WireError('keygen proposal: bad threshold or key id');
  if (kind === 'sign' && (!/^[0-9a-f]{32}$/.test(keyId) || (m.message == null) === ((m.items ?? []).length === 0))) throw new WireError('sign proposal: needs a key id and a message or batch items');
  if (kind === 'drill' && (!/^[0-9a-f]{32}$/.test(keyId) || m.message == null || m.taprootOutput || m.transaction != null || (m.derivationPath ?? []).length > 0 || (m.presignature ?? '') !== '' || m.lifecycleCheck)) {
    throw new WireError('drill proposal: a key id and its statement, and no path, tweak, transaction, presignature or check');
  }
  if ((isLifecycleKind(kind) || kind === 'activate') && (!/^[0-9a-f]{32}$/.test(keyId) || m.message != null || m.taprootOutput || m.transaction != null || (m.derivationPath ?? []).length > 0)) {
    throw new WireError(`${kind} proposal: a key id, and no message, path, tweak or transaction`);
  }
  if (kind === 'presign' && (!/^[0-9a-f]{32}$/.test(keyId) || m.message != null || m.taprootOutput || m.transaction != null || scheme !== 'ecdsa-secp256k1')) {
    throw new WireError('presign proposal: an ecdsa-secp256k1 key id, no message, tweak or transaction');
  }
  const presignature = m.presignature ?? '';
  if (presignature !== '' && (kind !== 'sign' || scheme !== 'ecdsa-secp256k1' || !PRESIGNATURE_ID.test(presignature))) {
    throw new WireError('a presignature id (64 hex) belongs in an ecdsa-secp256k1 sign proposal');
  }
  const message = decodeMessageFields(m.message);
  const batch = decodeBatchFields(kind, scheme, m, parties);
  const roundTimeoutMs = m.roundTimeoutMs ?? 0;
  if (roundTimeoutMs < 100 || roundTimeoutMs > 600_000) throw new WireError('round timeout must be 100 ms to 10 min');
  const notAfterMs = Number(m.notAfterMs ?? 0);
  if (!Number.isSafeInteger(notAfterMs) || notAfterMs <= 0) throw new WireError('proposal needs a not-after time');
  const approvalWaitMs = m.approvalWaitMs ?? 0;
  if (approvalWaitMs > MAX_APPROVAL_WAIT_MS || (approvalWaitMs > 0 && kind !== 'sign')) throw new WireError(`an approval wait (at most ${MAX_APPROVAL_WAIT_MS} ms) belongs in a sign proposal`);
  const derivationPath = [...checkPath([...(m.derivationPath ?? [])])];
  if (kind === 'keygen' && (derivationPath.length > 0 || m.taprootOutput || m.transaction != null)) throw new WireError('keygen proposal: no path, tweak or transaction');
  const taproot = decodeTaproot(scheme, m.taprootOutput ?? false, plainBytes(m.taprootMerkleRoot));
  const transaction = decodeTransaction(m.transaction, batch.items?.map((i) => i.message) ?? [message]);
  return {
    kind,
    scheme,
    keyId,
    threshold,
    parties,
    message,
    derivationPath,
    roundTimeoutMs,
    notAfterMs,
    ...(approvalWaitMs > 0 ? { approvalWaitMs } : {}),
    ...(taproot ? { taproot } : {}),
    ...(transaction ? { transaction } : {}),
    ...(presignature ? { presignature } : {}),
    ...decodeLifecycleFields(kind, m, parties, threshold),
    ...batch,
  };
}

/** A party's hello: its X25519 key for the session and the 32-byte session context it joins with. */
export interface SessionHelloFields {
  readonly x25519PublicKey: Uint8Array;
  readonly context: Uint8Array;
}

export const HELLO_CONTEXT_BYTES = 32;

export function encodeHello(h: SessionHelloFields): Uint8Array {
  return encodeMessage(v1.SessionHello, { x25519PublicKey: h.x25519PublicKey, context: h.context });
}

export function decodeHello(bytes: Uint8Array): SessionHelloFields {
  const m = decodeStrict(v1.SessionHello, bytes);
  const x25519PublicKey = plainBytes(m.x25519PublicKey);
  const context = plainBytes(m.context);
  if (x25519PublicKey.length !== 32) throw new WireError('X25519 key must be 32 bytes');
  if (context.length !== HELLO_CONTEXT_BYTES) throw new WireError(`the session context must be ${HELLO_CONTEXT_BYTES} bytes`);
  return { x25519PublicKey, context };
}

export interface SessionResult {
  readonly keyId: string;
  readonly publicKey: Uint8Array;
  readonly signature: Uint8Array;
  /** ecdsa-secp256k1: the recovery id 0..3 (0 otherwise). */
  readonly recovery: number;
  /** keygen: the joint chain code (empty after signing). */
  readonly chainCode: Uint8Array;
  /** keygen: SerializeElement of the group key (empty after signing). */
  readonly groupPublicKey: Uint8Array;
  /** presign: the stored presignature's id (empty otherwise). */
  readonly presignature: string;
  /** Refresh, reshare, repair: the generation made (0 otherwise). */
  readonly generation: number;
  /** Refresh, reshare, repair: the generation's transcript hash, 32 bytes (empty otherwise). */
  readonly transcript: Uint8Array;
  /** Refresh, reshare, repair: the party's Ed25519 signature over the transcript (empty otherwise). */
  readonly transcriptSignature: Uint8Array;
  /** Sign, batch: per item, the signature, its recovery id and the key it verifies under. */
  readonly signatures: readonly Uint8Array[];
  readonly recoveries: readonly number[];
  readonly publicKeys: readonly Uint8Array[];
  /** FROST sign in one round: this signer's share per item. */
  readonly shares: readonly Uint8Array[];
  /** Commit, and FROST sign in one round: fresh commitments from this signer's pool. */
  readonly commitments: readonly PooledCommitment[];
  /** FROST keygen and lifecycle sessions: the VSS commitment of the shares made (t elements). */
  readonly vssCommitment: readonly Uint8Array[];
}

/** A result with only the given fields set (the rest empty, as the wire leaves them). */
export function sessionResult(fields: Partial<SessionResult> & Pick<SessionResult, 'keyId' | 'publicKey'>): SessionResult {
  const none = new Uint8Array(0);
  const empty: readonly never[] = [];
  return {
    signature: none, recovery: 0, chainCode: none, groupPublicKey: none, presignature: '', generation: 0, transcript: none, transcriptSignature: none,
    signatures: empty, recoveries: empty, publicKeys: empty, shares: empty, commitments: empty, vssCommitment: empty,
    ...fields,
  };
}

export function encodeResult(r: SessionResult): Uint8Array {
  return encodeMessage(v1.SessionResult, {
    ...r,
    signatures: [...r.signatures],
    recoveries: [...r.recoveries],
    publicKeys: [...r.publicKeys],
    shares: [...r.shares],
    commitments: r.commitments.map((c) => ({ hiding: c.hiding, binding: c.binding })),
    vssCommitment: [...r.vssCommitment],
  });
}

export function decodeResult(bytes: Uint8Array): SessionResult {
  const m = decodeStrict(v1.SessionResult, bytes);
  const recovery = m.recovery ?? 0;
  if (recovery > 3) throw new WireError('a recovery id is 0..3');
  const chainCode = plainBytes(m.chainCode);
  if (chainCode.length !== 0 && chainCode.length !== 32) throw new WireError('a chain code is 32 bytes');
  const transcript = plainBytes(m.transcript);
  const transcriptSignature = plainBytes(m.transcriptSignature);
  if (![0, 32].includes(transcript.length) || ![0, CERTIFICATE_SIGNATURE_BYTES].includes(transcriptSignature.length)) throw new WireError('a transcript is 32 bytes and its signature 64');
  const signatures = decodeByteList(m.signatures, MAX_SIGNATURE, 'signatures');
  const recoveries = [...(m.recoveries ?? [])];
  const publicKeys = decodeByteList(m.publicKeys, MAX_SIGNATURE, 'public keys');
  if (recoveries.length !== signatures.length || publicKeys.length !== signatures.length || recoveries.some((v) => v > 3)) throw new WireError('a batch result has one signature, recovery id (0..3) and key per item');
  return {
    keyId: m.keyId ?? '',
    publicKey: plainBytes(m.publicKey),
    signature: plainBytes(m.signature),
    recovery,
    chainCode,
    groupPublicKey: plainBytes(m.groupPublicKey),
    presignature: decodedPresignatureId(m.presignature ?? ''),
    generation: m.generation ?? 0,
    transcript,
    transcriptSignature,
    signatures,
    recoveries,
    publicKeys,
    shares: decodeByteList(m.shares, MAX_SIGNATURE, 'signature shares'),
    commitments: decodeCommitments(m.commitments),
    vssCommitment: decodeByteList(m.vssCommitment, MAX_SIGNATURE, 'VSS commitment elements'),
  };
}

function decodedPresignatureId(id: string): string {
  if (id !== '' && !PRESIGNATURE_ID.test(id)) throw new WireError('a presignature id is 64 hex characters');
  return id;
}

/** Why a party left a session, with the identity keys it blames. */
export interface SessionFailure {
  readonly code: string;
  readonly culprits: readonly Uint8Array[];
  readonly reason: string;
}

export function encodeFailure(f: SessionFailure): Uint8Array {
  return encodeMessage(v1.Abort, { code: f.code.slice(0, 64), culprits: [...f.culprits], reason: f.reason.slice(0, 512) });
}

export function decodeFailure(bytes: Uint8Array): SessionFailure {
  const m = decodeStrict(v1.Abort, bytes);
  const culprits = (m.culprits ?? []).map(plainBytes);
  if (culprits.some((c) => c.length !== IDENTITY_KEY_BYTES)) throw new WireError('culprits must be identity keys');
  return { code: (m.code ?? '').slice(0, 64), culprits, reason: (m.reason ?? '').slice(0, 512) };
}
