/**
 * Members leaving a key by a reshare (DESIGN.md "Key lifecycle"): a dealer that is not in the new
 * group keeps its share until the new generation is activated, and then erases it. What it needs
 * to check the activation itself is kept here, in the `key_retirements` table: the generation
 * the reshare made, the session that made it ("reshare:<session hex>"), the transcript hash it
 * computed from the dealers' commitments, and the new members' identity keys in point order
 * (every one of them must sign the transcript before the leaving member erases anything).
 * @module
 */
import { bytesToHex, hexToBytes } from '../math/bytes.js';
import type { SqlDriver } from './sql-driver.js';

export interface Retirement {
  readonly keyId: string;
  readonly generation: number;
  readonly origin: string;
  readonly transcript: Uint8Array;
  /** The new generation's identity keys, in point order. */
  readonly members: readonly Uint8Array[];
}

interface Row {
  key_id: string;
  generation: number;
  origin: string;
  transcript: Uint8Array;
  members: string;
}

export class RetirementStore {
  readonly #sql: SqlDriver;

  constructor(sql: SqlDriver) {
    this.#sql = sql;
  }

  /** Records (or, for a retried reshare, replaces) what the leaving member will check at activation. */
  async put(r: Retirement): Promise<void> {
    await this.#sql.run(
      `INSERT INTO key_retirements (key_id, generation, origin, transcript, members, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (key_id, generation) DO UPDATE SET origin = excluded.origin, transcript = excluded.transcript, members = excluded.members, created_at = excluded.created_at`,
      [r.keyId, r.generation, r.origin, r.transcript, JSON.stringify(r.members.map(bytesToHex)), Date.now()],
    );
  }

  async get(keyId: string, generation: number): Promise<Retirement | undefined> {
    const [row] = await this.#sql.query<Row>('SELECT key_id, generation, origin, transcript, members FROM key_retirements WHERE key_id = ? AND generation = ?', [keyId, generation]);
    if (row === undefined) return undefined;
    return { keyId: row.key_id, generation: row.generation, origin: row.origin, transcript: Uint8Array.from(row.transcript), members: (JSON.parse(row.members) as string[]).map(hexToBytes) };
  }
}
