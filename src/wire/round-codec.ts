/**
 * Round payloads <-> protobuf bytes (proto/tessera/v1/rounds.proto): the DKG, FROST, DKLs23 and the key lifecycle (refresh, reshare, repair). Protocol code exchanges plain
 * payload objects (src/mpc/canonical.ts); this table says, per round label, which message type
 * carries it and the kind of each field. Decoding is strict (strict-decode.ts) and yields exactly
 * the declared fields, so a payload from the network has the same shape as one from memory, and
 * the protocol's own PayloadReader then checks every length. A batch session's flight wraps
 * each instance's message of the round, encoded as above, in a RoundBatch.
 * @module
 */
import type { Payload } from '../mpc/canonical.js';
import { tessera } from './generated/tessera.js';
import { decodeStrict, encodeMessage, plainBytes, type MessageType } from './strict-decode.js';
import { WireError } from './wire-error.js';

/** A field's kind; `bytes?` and `package?` may be absent (protobuf: empty bytes, an unset message). */
type FieldKind = 'bytes' | 'bytesList' | 'uint' | 'uintList' | 'string' | 'bytes?' | 'package?';

interface RoundSpec {
  readonly type: MessageType<any>;
  readonly fields: Readonly<Record<string, FieldKind>>;
}

const v1 = tessera.v1;

/** The fields of a PublicPackage (src/dkg/key-package.ts publicPackageFields). */
const PACKAGE_FIELDS: Readonly<Record<string, FieldKind>> = {
  scheme: 'string',
  threshold: 'uint',
  parties: 'uintList',
  groupPublicKey: 'bytes',
  verifyingShares: 'bytesList',
  vssCommitment: 'bytesList',
  chainCode: 'bytes',
};
const CONFIRM: RoundSpec = { type: v1.EcdsaConfirm, fields: { confirmation: 'bytes' } };

const ROUNDS: Readonly<Record<string, RoundSpec>> = {
  'dkg/1': { type: v1.DkgRound1, fields: { commitment: 'bytes', chainCodeCommitment: 'bytes', attestation: 'bytes' } },
  'dkg/2': {
    type: v1.DkgRound2,
    fields: { share: 'bytes', echo: 'bytes', chainCode: 'bytes', vssCommitment: 'bytesList', proof: 'bytes', blind: 'bytes' },
  },
  'dkg/3': { type: v1.DkgRound3, fields: { confirmation: 'bytes' } },
  'frost/1': { type: v1.FrostRound1, fields: { identifier: 'uint', hiding: 'bytes', binding: 'bytes', attestation: 'bytes' } },
  'frost/2': { type: v1.FrostRound2, fields: { share: 'bytes', echo: 'bytes' } },
  'ecdsa-keygen/ot1': { type: v1.EcdsaSetupRound1, fields: { baseOt: 'bytes', zeta: 'bytes' } },
  'ecdsa-keygen/ot2': { type: v1.EcdsaSetupRound2, fields: { baseOt: 'bytes', pprf: 'bytes' } },
  'ecdsa-keygen/confirm': { type: v1.EcdsaConfirm, fields: { confirmation: 'bytes' } },
  'ecdsa-pair-refresh/confirm': { type: v1.EcdsaConfirm, fields: { confirmation: 'bytes' } },
  'ecdsa/1': { type: v1.EcdsaRound1, fields: { sid: 'bytes', commitment: 'bytes', context: 'bytes', attestation: 'bytes' } },
  'ecdsa/2': { type: v1.EcdsaRound2, fields: { echo: 'bytes', rvole: 'bytes' } },
  'ecdsa/3': {
    type: v1.EcdsaRound3,
    fields: { rvole: 'bytes', pk: 'bytes', R: 'bytes', blind: 'bytes', gammaU: 'bytes', gammaV: 'bytes', psi: 'bytes' },
  },
  'ecdsa/consumed': { type: v1.EcdsaConsumed, fields: { presignature: 'bytes', digest: 'bytes', attestation: 'bytes' } },
  'ecdsa/4': { type: v1.EcdsaRound4, fields: { presignature: 'bytes', digest: 'bytes', w: 'bytes', u: 'bytes' } },
  'refresh/1': { type: v1.RefreshRound1, fields: { vssCommitment: 'bytesList', attestation: 'bytes' } },
  'refresh/2': { type: v1.RefreshRound2, fields: { share: 'bytes', echo: 'bytes' } },
  'refresh/3': CONFIRM,
  'reshare/1': { type: v1.ReshareRound1, fields: { oldPoint: 'uint', oldPackage: 'bytes', vssCommitment: 'bytesList', chainCode: 'bytes', attestation: 'bytes' } },
  'reshare/2': { type: v1.ReshareRound2, fields: { echo: 'bytes', share: 'bytes?', oldPackage: 'package?' } },
  'reshare/3': CONFIRM,
  'repair/1': { type: v1.RepairRound1, fields: { deltas: 'bytesList', package: 'bytes', attestation: 'bytes' } },
  'repair/2': { type: v1.RepairRound2, fields: { delta: 'bytes', echo: 'bytes' } },
  'repair/3': { type: v1.RepairRound3, fields: { sigma: 'bytes', package: 'package?', echo: 'bytes' } },
  'repair/4': CONFIRM,
  'ecdsa-refresh/confirm': CONFIRM,
  'ecdsa-reshare/confirm': CONFIRM,
  'ecdsa-repair/session': { type: v1.EcdsaRepairSession, fields: { sessionId: 'bytes' } },
  'ecdsa-repair/confirm': CONFIRM,
  abort: { type: v1.AbortNotice, fields: { code: 'string', culprits: 'uintList' } },
};

const MAX_STRING = 256;
const MAX_LIST = 4096;

function spec(round: string): RoundSpec {
  const s = Object.hasOwn(ROUNDS, round) ? ROUNDS[round] : undefined;
  if (s === undefined) throw new WireError(`unknown round "${round.slice(0, 64)}"`);
  return s;
}

export function isKnownRound(round: string): boolean {
  return Object.hasOwn(ROUNDS, round);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);

function checkFields(fields: Readonly<Record<string, FieldKind>>, p: Record<string, unknown>, where: string): void {
  for (const k of Object.keys(p)) if (!(k in fields)) throw new WireError(`${where}: unexpected field ${k}`);
  for (const [name, kind] of Object.entries(fields)) checkField(kind, name, p[name]);
}

function checkField(kind: FieldKind, name: string, v: unknown): void {
  if (kind.endsWith('?') && v === undefined) return;
  if (kind === 'package?') {
    if (!isObject(v)) throw new WireError(`field ${name} is not a public key package`);
    return checkFields(PACKAGE_FIELDS, v, name);
  }
  const ok =
    kind === 'bytes' || kind === 'bytes?'
      ? v instanceof Uint8Array
      : kind === 'bytesList'
        ? Array.isArray(v) && v.length <= MAX_LIST && v.every((x) => x instanceof Uint8Array)
        : kind === 'uint'
          ? Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 0xffffffff
          : kind === 'uintList'
            ? Array.isArray(v) && v.length <= MAX_LIST && v.every((x) => Number.isInteger(x) && x >= 0 && x <= 0xffffffff)
            : typeof v === 'string' && v.length <= MAX_STRING;
  if (!ok) throw new WireError(`field ${name} is not a valid ${kind}`);
}

export function encodeRound(round: string, payload: Payload): Uint8Array {
  const { type, fields } = spec(round);
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload) || payload instanceof Uint8Array) {
    throw new WireError(`${round}: payload is not an object`);
  }
  const p = payload as Record<string, unknown>;
  checkFields(fields, p, round);
  return encodeMessage(type, p);
}

/** The declared fields of a decoded message as plain values (optional ones only when present). */
function readFields(fields: Readonly<Record<string, FieldKind>>, m: Record<string, unknown>): Record<string, Payload> {
  const out: Record<string, Payload> = {};
  for (const [name, kind] of Object.entries(fields)) {
    const v = m[name];
    if (kind === 'bytes?') {
      if (v != null && (v as Uint8Array).length > 0) out[name] = plainBytes(v as Uint8Array);
      continue;
    }
    if (kind === 'package?') {
      if (v != null) out[name] = readFields(PACKAGE_FIELDS, v as Record<string, unknown>);
      continue;
    }
    if (kind === 'bytes') out[name] = plainBytes(v as Uint8Array);
    else if (kind === 'bytesList') out[name] = ((v as Uint8Array[] | undefined) ?? []).map(plainBytes);
    else if (kind === 'uintList') out[name] = [...((v as number[] | undefined) ?? [])];
    else if (kind === 'uint') out[name] = (v as number | undefined) ?? 0;
    else out[name] = (v as string | undefined) ?? '';
    checkField(kind, name, out[name]);
  }
  return out;
}

export function decodeRound(round: string, bytes: Uint8Array): Payload {
  const { type, fields } = spec(round);
  return readFields(fields, decodeStrict(type, bytes) as Record<string, unknown>);
}

/** A batch session's flight of `round` (proto RoundBatch): every instance's payload, in order. */
export function encodeRoundBatch(round: string, payload: Payload): Uint8Array {
  const items = isObject(payload) ? payload['items'] : undefined;
  if (!Array.isArray(items) || Object.keys(payload as object).length !== 1) throw new WireError(`${round}: a batch flight is { items: [...] }`);
  return encodeMessage(v1.RoundBatch, { items: items.map((item) => encodeRound(round, item)) });
}

/** The inverse of encodeRoundBatch, with exactly `count` items, each decoded as `round`. */
export function decodeRoundBatch(round: string, bytes: Uint8Array, count: number): Payload {
  const items = ((decodeStrict(v1.RoundBatch, bytes) as { items?: Uint8Array[] }).items ?? []).map(plainBytes);
  if (items.length !== count) throw new WireError(`${round}: a batch flight of ${items.length} items, ${count} expected`);
  return { items: items.map((item) => decodeRound(round, item)) };
}
