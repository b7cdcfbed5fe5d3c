/**
 * `tessera simulate`: key generation (DKG or dealer) and FROST signing with every party in one
 * process, printing one JSON object per run; `--scheme ecdsa-secp256k1` runs DKLs23 instead
 * (simulate-ecdsa.ts), with `--hash` choosing the digest and `"recovery"` in the output.
 * `--derive <path>` signs under the key's child at that path and prints its xpub, child key and
 * addresses (simulate-derive.ts). `--reveal-shares` (a research flag) adds every party's secret
 * share of the root key, every dealer's VSS commitment, the group commitment and the group point
 * with its sign bit (simulate-reveal.ts), so other implementations can be checked against ours.
 * @module
 */
import { parseArgs } from './args.js';
import { bytesToHex } from '../math/bytes.js';
import { systemRng } from '../math/random.js';
import { InvalidParametersError } from '../mpc/errors.js';
import { validateThreshold } from '../mpc/party-id.js';
import { getSuite } from '../suites/index.js';
import { publishedPublicKey, type KeyPackage } from '../dkg/key-package.js';
import { simulateKeygen, simulateSign, unwrapAll, type KeygenMode } from '../signing/simulation.js';
import { CliError } from './cli-error.js';
import { verifyIndependently } from './independent-verify.js';
import { ECDSA_SCHEME } from '../signing/ecdsa/key-share.js';
import { dkgSuite } from '../signing/ecdsa/dkg-suite.js';
import type { HashAlgorithm } from '../signing/ecdsa/sign-input.js';
import { parseCliScheme, parseHash, parseHex, parseInteger, parseSigners, type CliSchemeId } from './options.js';
import { derivedFields, derivedSigningKey, parseDerive, type DeriveRequest, type DerivedFields } from './simulate-derive.js';
import { DEFAULT_ECDSA_HASH, simulateEcdsaOnce } from './simulate-ecdsa.js';
import { commitmentRecorder, groupPoint, revealedCommitments, TRUSTED_DEALER, type GroupPoint, type RevealedCommitments } from './simulate-reveal.js';

export interface SimulateRequest {
  readonly scheme: CliSchemeId;
  readonly threshold: number;
  readonly parties: number;
  readonly signers?: readonly number[];
  readonly message?: Uint8Array;
  /** ECDSA only: the digest of the message that is signed (sha256 if absent). */
  readonly hash?: HashAlgorithm;
  readonly keygen: KeygenMode;
  /** Sign under the child at this path (and print its wallet fields); the root key if absent. */
  readonly derive?: DeriveRequest;
  readonly count: number;
  readonly revealShares: boolean;
  readonly json: boolean;
}

/** With `--derive`, also the DerivedFields, after `signature` (and `recovery`). */
export interface SimulateResult extends Partial<DerivedFields> {
  scheme: CliSchemeId;
  threshold: number;
  parties: number;
  signers: number[];
  publicKey: string;
  message: string;
  signature: string;
  /** ECDSA only: 0..3. */
  recovery?: number;
  shares?: { id: number; secretShare: string; verifyingShare: string }[];
  /** With the shares: the commitments they can be checked against, and C_0 with its sign bit. */
  commitments?: RevealedCommitments;
  groupPoint?: GroupPoint;
}

export function parseSimulate(argv: string[]): SimulateRequest {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      scheme: { type: 'string' },
      threshold: { type: 'string' },
      parties: { type: 'string' },
      signers: { type: 'string' },
      message: { type: 'string' },
      hash: { type: 'string' },
      keygen: { type: 'string' },
      derive: { type: 'string' },
      network: { type: 'string' },
      count: { type: 'string' },
      json: { type: 'boolean' },
      'reveal-shares': { type: 'boolean' },
    },
  });
  const scheme = parseCliScheme(values.scheme);
  const hash = values.hash === undefined ? undefined : parseHash(values.hash);
  if (hash !== undefined && scheme !== ECDSA_SCHEME) throw new CliError(`--hash applies only to ${ECDSA_SCHEME} (FROST signs the message itself)`);
  const threshold = parseInteger('threshold', values.threshold);
  const parties = parseInteger('parties', values.parties);
  try {
    validateThreshold(threshold, parties);
  } catch (e) {
    if (e instanceof InvalidParametersError) throw new CliError(e.message);
    throw e;
  }
  const keygen = values.keygen ?? 'dkg';
  if (keygen !== 'dkg' && keygen !== 'dealer') throw new CliError(`--keygen must be dkg or dealer, got "${keygen}"`);
  return {
    scheme,
    threshold,
    parties,
    signers: values.signers === undefined ? undefined : parseSigners(values.signers, threshold, parties),
    message: values.message === undefined ? undefined : parseHex('message', values.message),
    hash,
    keygen,
    derive: parseDerive(scheme, values.derive, values.network),
    count: parseInteger('count', values.count, 1),
    revealShares: values['reveal-shares'] ?? false,
    json: values.json ?? false,
  };
}

/** A uniformly random t-subset of 1..n, ascending. */
export function randomSigners(t: number, n: number): number[] {
  const ids = Array.from({ length: n }, (_, i) => i + 1);
  for (let i = n - 1; i > 0; i--) {
    const j = new DataView(systemRng(4).buffer).getUint32(0) % (i + 1);
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return ids.slice(0, t).sort((a, b) => a - b);
}

/** The `--reveal-shares` fields of a run's keys; `recorded`, the dealers' commitments seen on the network (none for a trusted dealer). */
function revealed(keys: readonly KeyPackage[], encode: (s: bigint) => Uint8Array, recorded: RevealedCommitments['dealers']): Pick<SimulateResult, 'shares' | 'commitments' | 'groupPoint'> {
  const pub = keys[0]!.public;
  return {
    shares: keys.map((k) => ({
      id: k.id,
      secretShare: bytesToHex(encode(k.secretShare.expose())),
      verifyingShare: bytesToHex(k.public.verifyingShares.get(k.id)!),
    })),
    commitments: revealedCommitments(pub, recorded),
    groupPoint: groupPoint(pub),
  };
}

/** One run: a fresh key, then one signature; verified by us and by an independent verifier. */
export async function simulateOnce(req: SimulateRequest): Promise<SimulateResult> {
  if (req.scheme === ECDSA_SCHEME) return simulateEcdsa(req);
  const suite = getSuite(req.scheme);
  const recorder = commitmentRecorder();
  const keys = await simulateKeygen(suite, req.threshold, req.parties, req.keygen, { faults: [recorder.observer] });
  const signers = [...(req.signers ?? randomSigners(req.threshold, req.parties))];
  const message = req.message ?? systemRng(32);
  const signingKeys = req.derive === undefined ? keys : keys.map((k) => derivedSigningKey(k, req.derive!.path));
  const signatures = unwrapAll(await simulateSign(suite, signingKeys, signers, message));
  const signature = signatures.get(signers[0]!)!;
  const publicKey = publishedPublicKey(suite, signingKeys[0]!.public);
  if (!verifyIndependently(req.scheme, signature, message, publicKey)) throw new Error('independent verifier rejected the signature');
  const result: SimulateResult = {
    scheme: req.scheme,
    threshold: req.threshold,
    parties: req.parties,
    signers,
    publicKey: bytesToHex(publicKey),
    message: bytesToHex(message),
    signature: bytesToHex(signature),
    ...(req.derive === undefined ? {} : derivedFields(keys[0]!.public, req.derive)),
  };
  return req.revealShares ? { ...result, ...revealed(keys, (s) => suite.Fn.encode(s), recorder.dealers()) } : result;
}

async function simulateEcdsa(req: SimulateRequest): Promise<SimulateResult> {
  const signers = [...(req.signers ?? randomSigners(req.threshold, req.parties))];
  const message = req.message ?? systemRng(32);
  const recorder = commitmentRecorder();
  const run = await simulateEcdsaOnce(req.threshold, req.parties, req.keygen, signers, message, req.hash ?? DEFAULT_ECDSA_HASH, req.derive?.path, [recorder.observer]);
  const result: SimulateResult = {
    scheme: req.scheme,
    threshold: req.threshold,
    parties: req.parties,
    signers,
    publicKey: bytesToHex(run.publicKey),
    message: bytesToHex(message),
    signature: bytesToHex(run.signature),
    recovery: run.recovery,
    ...(req.derive === undefined ? {} : derivedFields(run.keys[0]!.public, req.derive)),
  };
  return req.revealShares ? { ...result, ...revealed(run.keys, (s) => dkgSuite.Fn.encode(s), recorder.dealers()) } : result;
}

function humanReadable(r: SimulateResult): string {
  const lines = [
    `${r.scheme} ${r.threshold}-of-${r.parties}, signers ${r.signers.join(',')}: signature verified`,
    `  public key  ${r.publicKey}`,
    `  message     ${r.message}`,
    `  signature   ${r.signature}`,
  ];
  if (r.recovery !== undefined) lines.push(`  recovery    ${r.recovery}`);
  const derived = { xpub: r.xpub, 'root key': r.rootPublicKey, 'chain code': r.chainCode, path: r.path, 'child key': r.childPublicKey, address: r.address, 'eth address': r.ethAddress };
  for (const [label, value] of Object.entries(derived)) if (value !== undefined) lines.push(`  ${label.padEnd(12)}${value}`);
  for (const s of r.shares ?? []) lines.push(`  share ${s.id}     ${s.secretShare} (verifying ${s.verifyingShare})`);
  if (r.groupPoint) {
    const { encoding, yParity, xSign } = r.groupPoint;
    lines.push(`  group point ${encoding}${yParity !== undefined ? ` (y parity ${yParity})` : xSign !== undefined ? ` (x sign ${xSign})` : ''}`);
  }
  if (r.commitments) {
    lines.push(`  group commitment C_0..C_${r.commitments.group.length - 1}: ${r.commitments.group.join(' ')}`);
    for (const d of r.commitments.dealers) lines.push(`  ${d.dealer === TRUSTED_DEALER ? 'trusted dealer' : `dealer ${d.dealer}`} commitment: ${d.points.join(' ')}`);
  }
  return lines.join('\n');
}

export async function runSimulate(argv: string[], out: (line: string) => void): Promise<void> {
  const req = parseSimulate(argv);
  for (let i = 0; i < req.count; i++) {
    const r = await simulateOnce(req);
    out(req.json ? JSON.stringify(r) : humanReadable(r));
  }
}
