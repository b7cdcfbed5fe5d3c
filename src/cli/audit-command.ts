/**
 * `tessera audit --config <node.json> [--since <ISO time | 30m | 24h | 7d>] [--limit <n>] [--json]`:
 * a signer node's audit log (storage/audit-log.ts), newest first: one row per session step
 * (outcome ok, released, refused, aborted, error) with what the node decoded and decided. The log
 * holds no secret, so it is read without the store's passphrase; the proposer and parties are
 * named from the config's peers, the node itself from its state record (storage/state-record.ts)
 * and the coordinators as coordinator1, …; a session held for approval shows the operator's
 * decision (`[approved by alice at …]`). `--json` prints one object per line.
 * @module
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from './args.js';
import { bytesToHex } from '../math/bytes.js';
import { loadNodeConfig } from '../node/config.js';
import { AuditLog, DATABASE_FILE, openSqlDriver, recordedIdentity } from '../storage/index.js';
import { CliError } from './cli-error.js';
import { parseInteger } from './options.js';

const UNITS: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `--since`: an ISO 8601 time, or a span back from `now` such as 30m, 24h, 7d. */
export function parseSince(text: string, now = Date.now()): number {
  const span = /^(\d+)([mhd])$/.exec(text);
  if (span) return now - Number(span[1]) * UNITS[span[2]!]!;
  const at = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(at)) throw new CliError(`--since must be an ISO time (2026-12-01T08:00:00Z) or a span such as 30m, 24h, 7d; got "${text}"`);
  return at;
}

export async function runAudit(argv: string[], out: (line: string) => void): Promise<void> {
  const { values } = parseArgs({ args: argv, strict: true, options: { config: { type: 'string' }, since: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } } });
  if (values.config === undefined) throw new CliError('--config <node.json> is required');
  const config = loadNodeConfig(values.config);
  const names = new Map([...config.peers.map((p) => [bytesToHex(p.identityKey), p.name] as const), ...config.coordinators.map((k, i) => [bytesToHex(k), `coordinator${i + 1}`] as const)]);
  const own = recordedIdentity(config.stateFile);
  if (own !== undefined) names.set(own, config.name);
  const nameOf = (hex: string) => names.get(hex) ?? (hex === '' ? '?' : `${hex.slice(0, 12)}…`);
  // opening creates a store where there is none: an audit reads an existing one only
  if (config.storage === undefined && !existsSync(join(config.dataDir, DATABASE_FILE))) throw new CliError(`no node store at ${config.dataDir} (config ${values.config}): has this node run yet?`);
  const sql = await openSqlDriver(config.dataDir, config.storage);
  try {
    const rows = await new AuditLog(sql).list({ limit: parseInteger('limit', values.limit, 100), ...(values.since !== undefined ? { sinceMs: parseSince(values.since) } : {}) });
    for (const r of rows) {
      const named = { ...r, proposer: nameOf(r.proposer), parties: r.parties.map(nameOf) };
      if (values.json) out(JSON.stringify({ ...named, startedAt: new Date(r.startedAt).toISOString(), finishedAt: new Date(r.finishedAt).toISOString() }));
      else out(`${new Date(r.startedAt).toISOString()}  ${r.kind.padEnd(8)} ${r.outcome.padEnd(8)} ${r.keyId ?? '-'}  from ${named.proposer} with ${named.parties.join(', ')}: ${r.detail}${r.approval ? ` [${r.approval.decision}${r.approval.operator ? ` by ${r.approval.operator}` : ''} at ${new Date(r.approval.atMs).toISOString()}]` : ''}`);
    }
  } finally {
    await sql.close();
  }
}
