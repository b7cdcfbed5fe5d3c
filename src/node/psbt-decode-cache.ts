/**
 * A signer node's memo of the PSBTs it decoded (wallet/psbt-decode.ts), keyed by the SHA-256 of
 * the bytes. A transaction larger than one session carries, such as a PSBT whose DKLs23 inputs are
 * split into several batch sessions (node/batch-signing.ts), reaches the node once per session;
 * decoding it, which has @scure/btc-signer re-validate every Taproot output key (a square root
 * each) and hash every nonWitnessUtxo, costs about as much as the DKLs23 work of a dozen inputs.
 * The memo holds the node's own decode of the same bytes, so every check the node makes of a
 * proposal (node/transaction-check.ts) still runs on data it decoded itself; only successful
 * decodes are kept (a malformed PSBT is refused, with its reason, every time), the most recent
 * CAPACITY of them, so a coordinator sending many PSBTs holds at most that many in memory. The
 * decoded PSBT is shared between the sessions that use it, as readers only: its fields are
 * readonly, the library's getInput/getOutput return copies, and the node's checks never call the
 * library's update methods.
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '../math/bytes.js';
import { decodePsbt, type DecodedPsbt } from '../wallet/psbt.js';

const CAPACITY = 8;

export class PsbtDecodeCache {
  readonly #entries = new Map<string, DecodedPsbt>();

  decode(psbt: Uint8Array): DecodedPsbt {
    const id = bytesToHex(sha256(psbt));
    const hit = this.#entries.get(id);
    if (hit !== undefined) {
      this.#entries.delete(id); // most recent last
      this.#entries.set(id, hit);
      return hit;
    }
    const d = decodePsbt(psbt);
    this.#entries.set(id, d);
    if (this.#entries.size > CAPACITY) this.#entries.delete(this.#entries.keys().next().value!);
    return d;
  }
}
