/**
 * The signer policy (DESIGN.md "Wallet", "Trust"): what a signer node agrees to sign, judged on
 * the transaction it decoded itself (src/wallet/tx-summary.ts) before it joins a signing session.
 *
 * ### Signer policy
 *
 * A node config may hold a `"policy"` object. Before joining a signing session the node checks
 * the request against it; a refusal names the rule (the field name) and the reason, and the
 * coordinator reports both. Every field is optional; without the block (or with `{}`) the node
 * signs what its coordinators propose for keys it holds, on the chains of its `"chains"` block
 * (chains-config.ts), and only PSBTs whose input amounts are proven (`trustWitnessUtxoAmounts`).
 *
 * ```json
 * "policy": {
 *   "maxAmountPerTx":  { "bitcoin:mainnet": "5000000",  "ethereum:1": "2000000000000000000" },
 *   "maxFeePerTx":     { "bitcoin:mainnet": "50000",    "ethereum:1": "10000000000000000" },
 *   "maxAmountPerDay": { "bitcoin:mainnet": "20000000", "ethereum:1": "10000000000000000000" },
 *   "allowedDestinations": ["bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"],
 *   "allowedChains": ["bitcoin:mainnet", "ethereum:1"],
 *   "allowedHours": { "from": 8, "to": 20, "timezone": "Europe/Zurich" },
 *   "allowRawMessages": false,
 *   "allowedSchemes": ["frost-secp256k1-tr", "ecdsa-secp256k1"],
 *   "trustWitnessUtxoAmounts": false,
 *   "requireApproval": { "bitcoin:mainnet": "1000000", "ethereum:1": "500000000000000000" }
 * }
 * ```
 *
 * Chain names are `bitcoin:mainnet`, `bitcoin:testnet`, `bitcoin:regtest`,
 * `ethereum:<chain id>` (`ethereum:1` mainnet, `ethereum:11155111` Sepolia) and
 * `solana:<cluster>` (`solana:mainnet-beta`, `solana:devnet`, `solana:testnet`, `solana:localnet`).
 *
 * - `maxAmountPerTx`: chain name → the most one transaction may send on that chain, as a decimal
 *   string in base units (satoshi for `bitcoin:*`, wei for `ethereum:*`; strings because wei
 *   amounts overflow JSON numbers), or `"unlimited"`. What counts: on Bitcoin the outputs that do
 *   not pay back to a key the node holds (change, decided by the node's own derivation:
 *   transaction-check.ts), fee not included; on Ethereum the transaction's `value` (fee not
 *   included, and a token transfer inside call data shows as 0 to the token contract: restrict
 *   those with `allowedDestinations`); on Solana the lamports of its System transfers (an SPL
 *   token transfer counts 0 lamports: restrict those with `allowedDestinations`, which lists
 *   its destination token account). A Solana message with an instruction other than a System or
 *   SPL Token transfer or a Compute Budget setting is a raw message (`allowRawMessages`).
 * - `maxFeePerTx`: same form; the most one transaction may pay in fees: on Bitcoin inputs minus
 *   outputs, on Ethereum the most it can pay, gasLimit × maxFeePerGas (gasPrice for legacy), on
 *   Solana 5000 lamports per signature plus the priority fee (solana-transfer.ts).
 * - Fail closed: once any of these three maps holds a limit, a transaction on a chain that none
 *   of them names is refused (rule `maxAmountPerTx`); name a chain with `"unlimited"` to sign on
 *   it without a bound.
 * - `maxAmountPerDay`: same form; the most the node's keys together may send on that chain, fees
 *   included, in any rolling 24 hours: what the node signed on that chain in the 24 hours before
 *   now, over all its keys (a transaction accepted exactly 24 hours ago no longer counts), what it
 *   has reserved for sessions still running, and this transaction (amount + fee) must not exceed
 *   the limit. Per node, not per key: an output to another key the node holds is change, so a
 *   per-key limit could be escaped by sweeping into fresh keys and spending each one's allowance. Accepting a
 *   request reserves its amount in the node's database (table `spend_reservations`, keyed by
 *   session); the reservation becomes a ledger entry (table `spend_ledger`) when the node releases
 *   its final share, and is dropped when the session aborts before that or the node restarts. The
 *   same txid counts once (a PSBT is signed in one session per input), at the largest amount any
 *   of its sessions counted. Check and reservation are one SQLite transaction, so concurrent
 *   sessions cannot together pass a limit. Each node keeps its own ledger: for a limit to bind
 *   whatever t signers the coordinator picks, at least n − t + 1 of the n nodes must carry it.
 * - `allowedDestinations`: list of addresses; every destination of a transaction must be on it:
 *   on Bitcoin each non-change output (`script:<hex>` for a script without an address form), on
 *   Ethereum the recipient (`contract-creation` for a deployment), on Solana every transfer's
 *   destination (a wallet for SOL, a token account for tokens). Ethereum addresses compare
 *   case-insensitively (a mixed-case entry must carry a valid EIP-55 checksum), bech32 addresses
 *   in lower case, others exactly.
 * - `allowedChains`: list of chain names; a transaction on any other chain is refused.
 * - `allowedHours`: `{ "from": 0-23, "to": 1-24, "timezone": "UTC" }`: signing only while the
 *   hour of day in `timezone` (default `UTC`, or an IANA name such as `Europe/Zurich`, which
 *   follows daylight saving) is in the window. `from < to` is [from, to): `{8, 20}` is
 *   08:00-19:59; `from > to` wraps midnight: `{22, 6}` is 22:00-05:59. `from = to` is refused.
 * - `allowRawMessages`: whether the node signs a bare message that is not a transaction it
 *   decodes (`tessera sign --message`). The amount, fee, destination and chain rules cannot judge
 *   such a message, and its digest may be a transaction's sighash, so the default is `false`
 *   when the policy sets any of them and `true` otherwise; say `true` to sign both.
 * - `allowedSchemes`: list of scheme ids (`frost-secp256k1-tr`, `ecdsa-secp256k1`, …) the node
 *   signs with.
 * - `trustWitnessUtxoAmounts` (default `false`): a P2WPKH signature (BIP143) commits only to its
 *   own input's amount, so the other inputs' amounts, hence the fee and what is change, are the
 *   PSBT creator's word (the CVE-2020-14199 fee attack). Unless this is `true`, signing a P2WPKH
 *   input needs every input of the PSBT to carry a nonWitnessUtxo that hashes to its prevout txid.
 *   Signing a P2TR input never does (BIP341 signs every input's amount and script).
 * - `allowLifecycle` (default `true`): whether the node takes part in refresh, reshare and repair
 *   sessions of its keys (DESIGN.md "Key lifecycle"); `false` refuses them, each with an audit row.
 * - `allowDrills` (default `true`): whether the node signs drills, `tessera drill`'s proof that a
 *   signer set still works. A drill signs a statement the node builds itself (node/drill.ts), which
 *   no transaction rule needs to judge, so `allowRawMessages: false` does not refuse drills.
 * - `minThreshold`: the lowest threshold a reshare may give a key this node deals from. Without
 *   it a reshare never lowers the key's threshold: t − 1 co-signers and the coordinator could
 *   otherwise move the key to a group they control (a 2-of-2 of theirs, say).
 * - `requireApproval`: `"always"`, or chain name → amount in the form and units of
 *   `maxAmountPerTx` (what counts is the same amount, fee not included). A sign session (one
 *   transaction, a PSBT input, a batch, interactive or one-round) that every other rule lets
 *   through is then held until an operator approves or denies it on the node's approval console
 *   (approval-console.ts; the config must have a `"console"` block, else it is a config error):
 *   under `"always"` every one; under amounts one whose amount exceeds its chain's amount, or on a
 *   chain the object does not name (fail closed; `"unlimited"` names a chain that never waits).
 *   A raw message (no transaction the node decodes) always waits: its digest may be a
 *   transaction's sighash. Drills and lifecycle test signatures never wait (they move nothing).
 *   While held, the amount stays reserved for `maxAmountPerDay`; a denial, or no decision before
 *   the proposal's deadline, refuses it under this rule (docs/operations.md "Approval console").
 *
 * Unknown fields, unknown chains and schemes, amounts that are neither decimal strings nor
 * "unlimited" and bad hours are config errors naming the field. The rules are checked in the order
 * allowedSchemes, allowRawMessages, allowedHours, allowedChains, trustWitnessUtxoAmounts,
 * allowedDestinations, maxAmountPerTx, maxFeePerTx, maxAmountPerDay; the first that refuses is
 * reported; requireApproval comes after them all (approvalNeeded).
 * @module
 */
import type { SessionHold } from '../storage/session-hold.js';
import type { SpendHistory, SpendLedger } from '../storage/spend-ledger.js';

export type { SpendHistory };
import { amountOf, chainOf, destinationsOf, feeOf, unitOf, type TxSummary } from '../wallet/tx-summary.js';
import { configuredRules, normalizeAddress, type Limit, type PolicyRule, type SignerPolicy } from './signer-policy-config.js';
import { hourIn, withinHours } from './signer-policy-hours.js';

export { OPEN_POLICY, POLICY_FIELDS, normalizeAddress, parseSignerPolicy, type AllowedHours, type PolicyRule, type SignerPolicy } from './signer-policy-config.js';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The first millisecond of the 24 hours the daily limit sums over, ending at `now`. */
const dayStart = (now: Date): number => now.getTime() - DAY_MS + 1;

/** The history of a request without a transaction, which no rule that reads history judges. */
const NO_SPENDS: SpendHistory = { spentSince: () => 0n };

/** One signing session as the policy sees it; no `tx` means a raw message. */
export interface SigningRequest {
  readonly scheme: string;
  readonly keyId: string;
  readonly tx?: TxSummary;
}

export type PolicyVerdict = { readonly ok: true } | { readonly ok: false; readonly rule: PolicyRule; readonly reason: string };


interface Context {
  readonly policy: SignerPolicy;
  readonly request: SigningRequest;
  readonly ledger: SpendHistory;
  readonly now: Date;
}

/** The facts of the transaction every transaction rule reads. */
interface TxFacts {
  readonly tx: TxSummary;
  readonly chain: string;
  readonly amount: bigint;
  readonly fee: bigint;
  readonly unit: string;
}

/** A rule's answer: the reason it refuses, or null. */
type Rule = (c: Context) => string | null;
type TxRule = (c: Context, t: TxFacts) => string | null;

function onTx(rule: TxRule): Rule {
  return (c) => {
    const tx = c.request.tx;
    if (tx === undefined) return null;
    return rule(c, { tx, chain: chainOf(tx), amount: amountOf(tx), fee: feeOf(tx), unit: unitOf(tx) });
  };
}

const two = (n: number): string => String(n).padStart(2, '0');

/** A numeric limit `value` exceeds (undefined and "unlimited" bound nothing). */
const exceeded = (limit: Limit | undefined, value: bigint): limit is bigint => typeof limit === 'bigint' && value > limit;

/** Fail closed: the refusal when the policy limits some chain but names this one in no limit at all. */
function unnamedChain(p: SignerPolicy, chain: string): string | null {
  const maps = [p.maxAmountPerTx, p.maxFeePerTx, p.maxAmountPerDay];
  if (maps.some((m) => m.has(chain))) return null;
  const limited = [...new Set(maps.flatMap((m) => [...m].filter(([, limit]) => limit !== 'unlimited').map(([c]) => c)))];
  return limited.length === 0 ? null : `${chain} has no limit in this policy, which limits ${limited.join(', ')}: give it a limit, or "unlimited", in maxAmountPerTx`;
}

function unproven(tx: TxSummary): string | null {
  if (tx.chain !== 'bitcoin' || tx.unprovenInputs.length === 0) return null;
  const n = tx.unprovenInputs.length;
  return `input${n > 1 ? 's' : ''} ${tx.unprovenInputs.join(', ')} of tx ${tx.txid} carr${n > 1 ? 'y' : 'ies'} no nonWitnessUtxo: a P2WPKH signature (BIP143) commits only to its own input's amount, so the fee and what leaves the wallet are unproven`;
}

const RULES: readonly (readonly [PolicyRule, Rule])[] = [
  ['allowedSchemes', ({ policy: p, request: r }) => (p.allowedSchemes && !p.allowedSchemes.has(r.scheme) ? `scheme ${r.scheme} is not among the allowed schemes (${[...p.allowedSchemes].join(', ')})` : null)],
  ['allowRawMessages', ({ policy: p, request: r }) => (!p.allowRawMessages && r.tx === undefined ? 'this node signs only transactions it decodes, not raw messages' : null)],
  [
    'allowedHours',
    ({ policy: { allowedHours: h }, now }) =>
      h && !withinHours(h, now) ? `it is ${two(hourIn(h.timezone, now))}:xx in ${h.timezone}; signing is allowed from ${two(h.from)}:00 until ${two(h.to)}:00` : null,
  ],
  ['allowedChains', onTx(({ policy: p }, t) => (p.allowedChains && !p.allowedChains.has(t.chain) ? `chain ${t.chain} is not among the allowed chains (${[...p.allowedChains].join(', ')})` : null))],
  ['trustWitnessUtxoAmounts', onTx(({ policy: p }, t) => (p.trustWitnessUtxoAmounts ? null : unproven(t.tx)))],
  [
    'allowedDestinations',
    onTx(({ policy: p }, t) => {
      const allowed = p.allowedDestinations;
      const refused = allowed ? destinationsOf(t.tx).filter((d) => !allowed.has(normalizeAddress(d))) : [];
      return refused.length > 0 ? `destination${refused.length > 1 ? 's' : ''} ${refused.join(', ')} not on the allow-list` : null;
    }),
  ],
  [
    'maxAmountPerTx',
    onTx(({ policy: p }, t) => {
      const limit = p.maxAmountPerTx.get(t.chain);
      if (exceeded(limit, t.amount)) return `tx ${t.tx.txid} sends ${t.amount} ${t.unit} on ${t.chain}, above the per-transaction limit of ${limit} ${t.unit}`;
      return unnamedChain(p, t.chain);
    }),
  ],
  [
    'maxFeePerTx',
    onTx(({ policy: p }, t) => {
      const limit = p.maxFeePerTx.get(t.chain);
      const most = t.tx.chain === 'ethereum' ? 'up to ' : '';
      return exceeded(limit, t.fee) ? `tx ${t.tx.txid} pays ${most}${t.fee} ${t.unit} in fees on ${t.chain}, above the per-transaction fee limit of ${limit} ${t.unit}` : null;
    }),
  ],
  [
    'maxAmountPerDay',
    onTx(({ policy: p, ledger, now }, t) => {
      const limit = p.maxAmountPerDay.get(t.chain);
      if (typeof limit !== 'bigint') return null;
      const before = ledger.spentSince(t.chain, dayStart(now), t.tx.txid);
      const total = before + t.amount + t.fee;
      return total > limit
        ? `this node's keys sent ${before} ${t.unit} on ${t.chain} in the last 24 h, fees included; tx ${t.tx.txid} adds ${t.amount} ${t.unit} and ${t.fee} ${t.unit} in fees, making ${total} ${t.unit}, above the daily limit of ${limit} ${t.unit}`
        : null;
    }),
  ],
];

const ACCEPTED: PolicyVerdict = { ok: true };

/** Judges a request at time `now`; the first rule that refuses names itself. Reads, never writes, the ledger. */
export function evaluatePolicy(policy: SignerPolicy, request: SigningRequest, ledger: SpendHistory, now: Date): PolicyVerdict {
  const context: Context = { policy, request, ledger, now };
  for (const [rule, check] of RULES) {
    const reason = check(context);
    if (reason !== null) return { ok: false, rule, reason };
  }
  return ACCEPTED;
}

/**
 * evaluatePolicy and, if the request is an accepted transaction, a reservation of its amount plus
 * fee for `sessionId`, held as `hold` says (this process, until the session's deadline), in the
 * ledger, in one database transaction: what the node calls when it accepts a signing request,
 * before any protocol message. The session's end releases or cancels it.
 */
export async function checkAndReserveSpend(policy: SignerPolicy, request: SigningRequest, ledger: SpendLedger, now: Date, sessionId: string, hold: SessionHold): Promise<PolicyVerdict> {
  const tx = request.tx;
  if (tx === undefined) return evaluatePolicy(policy, request, NO_SPENDS, now);
  const entry = { keyId: request.keyId, chain: chainOf(tx), txid: tx.txid, amount: amountOf(tx) + feeOf(tx), atMs: now.getTime() };
  return ledger.reserve(sessionId, entry, dayStart(now), hold, (history) => evaluatePolicy(policy, request, history, now));
}

/**
 * Why `request`, which every refusing rule let through, waits for an operator's approval under the
 * policy's requireApproval rule; null when it does not.
 */
export function approvalNeeded(policy: SignerPolicy, request: SigningRequest): string | null {
  const rule = policy.requireApproval;
  if (rule === undefined) return null;
  const tx = request.tx;
  if (rule === 'always') return `every signing session of this node waits for an operator${tx === undefined ? ' (a raw message)' : ''}`;
  if (tx === undefined) return 'a raw message, which no amount rule can judge, waits for an operator';
  const chain = chainOf(tx);
  const limit = rule.get(chain);
  if (limit === undefined) return `${chain} has no approval amount in this policy: every transaction on it waits for an operator`;
  const amount = amountOf(tx);
  const unit = unitOf(tx);
  return exceeded(limit, amount) ? `tx ${tx.txid} sends ${amount} ${unit} on ${chain}, above the approval amount of ${limit} ${unit}` : null;
}

/** What /healthz and the start log say of a policy: "none", or the fields that differ from the open policy. */
export function policySummary(policy: SignerPolicy): 'none' | { readonly rules: readonly PolicyRule[] } {
  const rules = configuredRules(policy);
  return rules.length === 0 ? 'none' : { rules };
}
