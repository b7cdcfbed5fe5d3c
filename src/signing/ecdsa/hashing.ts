/**
 * Domain-separated hashing for DKLs23 (PROTOCOLS.md §2.1): every hash is over a label and
 * length-prefixed parts, the same unambiguous framing as src/mpc/transcript.ts (ATTACKS.md row
 * 4). Short digests (commitments, session ids, keys) are SHA-256, equal to `transcriptHash`; long
 * outputs (PRG expansions, scalars) come from TurboSHAKE128 over the same framing (the
 * WebAssembly implementation of src/math/keccak, byte-identical to @noble/hashes'). Scalars are
 * 48 XOF bytes (`WIDE`), so their bias is below 2^-128, which the callers reduce mod n in
 * constant time on the scalar core of n (no hex string, no BigInt division). Indices are
 * fixed-width (`u32be`). The framed input of every hash may hold secrets (seeds, OT keys and rows) and is
 * zeroed once hashed.
 * @module
 */
import { concatBytes, u32be, utf8 } from '../../math/bytes.js';
import { turboshake128, TurboShake128 } from '../../math/keccak/turboshake.js';
import { sha256 } from '../../math/sha256/sha256.js';

const PREFIX = 'tessera/v1/dkls23/';
/** Bytes of XOF output reduced to one scalar, and their format for the scalar core. */
export const WIDE_SCALAR_BYTES = 48;
export const WIDE = { bytes: WIDE_SCALAR_BYTES, littleEndian: false } as const;

const tags = new Map<string, Uint8Array>();
const EMPTY = new Uint8Array(0);

/** u32(len) ‖ "tessera/v1/dkls23/" ‖ label ‖ Σ (u32(len) ‖ part), in one allocation (hot path). */
function frame(label: string, parts: readonly Uint8Array[]): Uint8Array {
  let tag = tags.get(label);
  if (tag === undefined) {
    const t = utf8(PREFIX + label);
    tag = concatBytes(u32be(t.length), t);
    tags.set(label, tag);
  }
  return framedParts(parts, tag);
}

/** head ‖ Σ (u32(len) ‖ part), in one allocation. */
function framedParts(parts: readonly Uint8Array[], head: Uint8Array = EMPTY): Uint8Array {
  let length = head.length;
  for (const p of parts) length += 4 + p.length;
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  out.set(head);
  let at = head.length;
  for (const p of parts) {
    view.setUint32(at, p.length);
    out.set(p, at + 4);
    at += 4 + p.length;
  }
  return out;
}

/**
 * 32-byte digest H(label, parts…): transcriptHash(`dkls23/${label}`, parts…), i.e. SHA-256 of
 * the same framing, computed on the WebAssembly SHA-256 (src/math/sha256).
 */
export function hash32(label: string, ...parts: Uint8Array[]): Uint8Array {
  return wiped(frame(label, parts), sha256);
}

/** `length` bytes of XOF output over (label, parts…). */
export function expand(label: string, length: number, ...parts: Uint8Array[]): Uint8Array {
  return wiped(frame(label, parts), (m) => turboshake128(length, m));
}

/** f(framed), then the framed input zeroed. */
function wiped(framed: Uint8Array, f: (m: Uint8Array) => Uint8Array): Uint8Array {
  const out = f(framed);
  framed.fill(0);
  return out;
}

/** Where j and the row sit in an IndexedExpander's framing. */
const INDEX_AT = 4;
const ROW_AT = 12;

/**
 * expand(label, length, ...prefix, u32be(j), row) for many j, written into the caller's buffer:
 * the XOF state after (label, prefix) is kept, and one framing buffer, u32(4) ‖ u32be(j) ‖
 * u32(rowBytes) ‖ row, is reused (the OT extension's hot loop hashes one row per OT). `wipe()`
 * zeroes that buffer, which holds the last row.
 */
export class IndexedExpander {
  readonly #head: TurboShake128;
  readonly #framed: Uint8Array;
  readonly #view: DataView;
  readonly #length: number;

  constructor(label: string, length: number, rowBytes: number, ...prefix: Uint8Array[]) {
    this.#head = TurboShake128.create().update(frame(label, prefix));
    this.#framed = framedParts([new Uint8Array(4), new Uint8Array(rowBytes)]);
    this.#view = new DataView(this.#framed.buffer);
    this.#length = length;
  }

  /** expand(…, u32be(j), row) into out[at, at + length). */
  into(out: Uint8Array, at: number, j: number, row: Uint8Array): void {
    if (row.length !== this.#framed.length - ROW_AT) throw new RangeError(`a row is ${this.#framed.length - ROW_AT} bytes`);
    this.#view.setUint32(INDEX_AT, j);
    this.#framed.set(row, ROW_AT);
    this.#head.digestAfterInto(out, at, this.#length, this.#framed);
  }

  wipe(): void {
    this.#framed.fill(0, ROW_AT);
  }
}
