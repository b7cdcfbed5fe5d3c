/**
 * Drills (README "Backups and drills"): proof that a set of t signers still produces a valid
 * signature, without signing anything a verifier would accept elsewhere. A drill proposal carries
 * a 32-byte challenge; every node builds the statement itself and signs only that:
 *   statement = "TESSERA-DRILL-v1" ‖ key id (16 bytes) ‖ u32be(generation) ‖ challenge
 * signed as it is by FROST (68 bytes: never a 32-byte BIP341 or BIP143 sighash, and as a Solana
 * message its first byte, 0x54, would ask for 84 signatures), and as SHA-256(statement) by DKLs23
 * (a Bitcoin sighash is a double or tagged SHA-256 and an Ethereum digest a keccak256, so equality
 * would be a hash collision). Nodes allow drills unless their policy says `allowDrills: false`,
 * whatever `allowRawMessages` says. `proposeDrill` is the coordinator's side: it checks the
 * signature under the key's root, as `Coordinator.sign` does.
 * @module
 */
import { concatBytes, equalBytes, hexToBytes, u32be, utf8 } from '../math/bytes.js';
import { systemRng } from '../math/random.js';
import { isEcdsaScheme, verifySignature, type AnySchemeId } from '../signing/schemes.js';
import type { MessageFields, SessionProposal } from '../wire/session-codec.js';
import { SessionFailedError, type Coordinator } from './coordinator.js';
import { proposedMessage } from './message-to-sign.js';
import { ProposalRefusedError } from './proposal-errors.js';

const DRILL_TAG = utf8('TESSERA-DRILL-v1');
export const DRILL_CHALLENGE_BYTES = 32;

/** The message fields a drill of `keyId` at `generation` with `challenge` signs. */
export function drillMessage(scheme: AnySchemeId, keyId: string, generation: number, challenge: Uint8Array): MessageFields {
  return { hash: isEcdsaScheme(scheme) ? 'sha256' : 'none', preimage: concatBytes(DRILL_TAG, hexToBytes(keyId), u32be(generation), challenge), prehashed: false };
}

/** The node's check of a drill proposal: it signs its own statement for the proposal's key and generation, or refuses. */
export function checkDrill(p: SessionProposal): void {
  const m = p.message;
  const challenge = m.preimage.subarray(DRILL_TAG.length + 20);
  const expected = drillMessage(p.scheme, p.keyId, p.generation, challenge);
  if (challenge.length !== DRILL_CHALLENGE_BYTES || m.hash !== expected.hash || m.prehashed || !equalBytes(m.preimage, expected.preimage)) {
    throw new ProposalRefusedError('a drill signs only the drill statement for its key and generation');
  }
}

export interface DrillRequest {
  readonly scheme: AnySchemeId;
  readonly keyId: string;
  /** The key's published group key: the drill signs under the root key. */
  readonly publicKey: Uint8Array;
  readonly signers: readonly Uint8Array[];
  readonly generation: number;
  readonly roundTimeoutMs?: number;
}

/** Runs a drill with `signers`; returns the signature, verified under the key. */
export async function proposeDrill(c: Pick<Coordinator, 'propose'>, o: DrillRequest): Promise<Uint8Array> {
  const message = drillMessage(o.scheme, o.keyId, o.generation, systemRng(DRILL_CHALLENGE_BYTES));
  const digest = proposedMessage({ message });
  const verifies = (signature: Uint8Array) => verifySignature(o.scheme, signature, digest, o.publicKey);
  const { results, accepted } = await c.propose(
    { kind: 'drill', scheme: o.scheme, keyId: o.keyId, threshold: o.signers.length, parties: o.signers, message, derivationPath: [], roundTimeoutMs: o.roundTimeoutMs ?? 10_000, generation: o.generation },
    (r) => equalBytes(r.publicKey, o.publicKey) && verifies(r.signature),
  );
  const signature = (accepted ?? results[0]!).signature;
  if (!verifies(signature)) throw new SessionFailedError('INVALID_SIGNATURE', 'the drill signature does not verify under the key', []);
  return signature;
}
