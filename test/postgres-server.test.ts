/**
 * The test PostgreSQL server of test/helpers/postgres.ts: it runs as an unprivileged user with
 * fsync on, listens on its unix socket only, and gives each party its own database.
 * @module
 */
import { statSync } from 'node:fs';
import pg from 'pg';
import { expect, it } from 'vitest';
import { describeWithPostgres, postgresFixture } from './helpers/postgres.js';

describeWithPostgres('test PostgreSQL server', () => {
  const pgs = postgresFixture();

  async function withClient<T>(url: string, body: (c: pg.Client) => Promise<T>): Promise<T> {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return await body(c);
    } finally {
      await c.end();
    }
  }

  it('runs unprivileged with fsync on and no TCP listener', async () => {
    const url = await pgs.database();
    const seen = await withClient(url, async (c) => {
      const row = (await c.query("SELECT current_setting('fsync') AS fsync, current_setting('listen_addresses') AS listen, pg_backend_pid() AS pid")).rows[0];
      // the backend serving us (alive while the connection is open) runs under the server's account, never root
      return { fsync: row.fsync, listen: row.listen, root: statSync(`/proc/${row.pid}`).uid === 0 };
    });
    expect(seen).toEqual({ fsync: 'on', listen: '', root: false });
  });

  it('gives each party its own database', async () => {
    const [a, b] = [await pgs.database(), await pgs.database()];
    expect(a).not.toBe(b);
    await withClient(a, (c) => c.query('CREATE TABLE only_in_a (x INTEGER)'));
    const inB = await withClient(b, async (c) => (await c.query("SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'only_in_a'")).rows[0].n);
    const inA = await withClient(a, async (c) => (await c.query("SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'only_in_a'")).rows[0].n);
    expect([inA, inB]).toEqual([1, 0]);
  });
});
