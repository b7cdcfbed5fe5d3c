/**
 * A real PostgreSQL server for the storage tests (the PostgreSQL backend of src/storage/sql-driver.ts):
 * Debian's binaries (initdb, postgres), found through TESSERA_POSTGRES_BIN (.ci/run exports it
 * after installing Debian's `postgresql` when missing) or in the highest /usr/lib/postgresql/<n>/bin.
 * `postgresFixture()` starts one server per test file (vitest's beforeAll/afterAll): a throwaway
 * cluster made by initdb in a fresh temporary directory, listening only on a unix socket in that
 * directory (no TCP port), with fsync left on; `database(name)` creates one empty database per
 * party (never shared between parties) and returns its connection string. PostgreSQL refuses to
 * run as root, so under uid 0 the directory is given to Debian's `postgres` user and initdb and
 * the server run as that user (child_process uid/gid, as `runuser -u postgres` would). The
 * server is stopped with a fast shutdown (SIGINT) and the directory removed on teardown. Without
 * the binaries (or, as root, without a `postgres` user) the suites using `describeWithPostgres`
 * are skipped, and the run says so on stderr, as `describeWithBitcoind` does (bitcoind.ts).
 * @module
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';

const ROLE = 'tessera';
const PORT = 5432;

const FROM_ENV = process.env['TESSERA_POSTGRES_BIN'];
const DEBIAN = '/usr/lib/postgresql';
const hasServer = (d: string): boolean => existsSync(join(d, 'postgres')) && existsSync(join(d, 'initdb'));

function binDir(): string | undefined {
  if (FROM_ENV !== undefined) return hasServer(FROM_ENV) ? FROM_ENV : undefined;
  if (!existsSync(DEBIAN)) return undefined;
  const versions = readdirSync(DEBIAN).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => join(DEBIAN, v, 'bin')).find(hasServer);
}

/** The account the server runs as: ours, or `postgres` when we are root; undefined if root has no such user. */
function serverUser(): { uid: number; gid: number } | null | undefined {
  if (process.getuid?.() !== 0) return null;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

export const POSTGRES_BIN = binDir();
const USER = serverUser();

/** Why no PostgreSQL server can be started here, or null when one can. */
export function postgresUnavailable(): string | null {
  if (POSTGRES_BIN === undefined) {
    const where = FROM_ENV === undefined ? `TESSERA_POSTGRES_BIN is not set and no ${DEBIAN}/<n>/bin has them` : `TESSERA_POSTGRES_BIN names ${FROM_ENV}, which does not have them`;
    return `no PostgreSQL initdb and postgres binaries (${where}; .ci/run installs Debian's postgresql when it can)`;
  }
  if (USER === undefined) return 'running as root and there is no "postgres" user to run PostgreSQL as (it refuses to run as root)';
  return null;
}

/** `describe` when a PostgreSQL server can be started here, else `describe.skip` (with one line on stderr saying why). */
export function describeWithPostgres(name: string, body: () => void): void {
  const why = postgresUnavailable();
  if (why === null) {
    describe(name, body);
    return;
  }
  process.stderr.write(`SKIPPED "${name}": ${why}\n`);
  describe.skip(name, body);
}

export interface PostgresServer {
  /** The socket directory (the `host` of a unix-socket connection). */
  readonly socketDir: string;
  /** A connection string for `database` on this server. */
  url(database: string): string;
  /** Creates an empty database (a fresh name per party) and returns its connection string. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

function run(file: string, args: readonly string[]): void {
  execFileSync(file, args, { stdio: ['ignore', 'ignore', 'pipe'], ...(USER ? USER : {}) });
}

/** Starts a throwaway server (initdb in a fresh directory, unix socket only) and waits until it accepts connections. */
export async function startPostgres(): Promise<PostgresServer> {
  if (postgresUnavailable() !== null) throw new Error(postgresUnavailable()!);
  const dir = mkdtempSync(join(tmpdir(), 'tessera-pg-'));
  if (USER) chownSync(dir, USER.uid, USER.gid);
  const data = join(dir, 'data');
  // --no-sync only skips initdb's own final flush of the template files; the server keeps fsync on.
  run(join(POSTGRES_BIN!, 'initdb'), ['-D', data, '-U', ROLE, '--auth=trust', '--no-sync', '--encoding=UTF8', '--locale=C']);
  // room for the replica test's six processes at their pools' full 10 connections each, the
  // connections of killed ones the server has not dropped yet, and the test's own checks
  const args = ['-D', data, '-k', dir, '-p', String(PORT), '-c', 'listen_addresses=', '-c', 'max_connections=150', '-c', 'shared_buffers=16MB'];
  const child: ChildProcess = spawn(join(POSTGRES_BIN!, 'postgres'), args, { stdio: ['ignore', 'ignore', 'pipe'], ...(USER ? USER : {}) });
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = (database: string) => `postgres://${ROLE}@localhost:${PORT}/${encodeURIComponent(database)}?host=${encodeURIComponent(dir)}`;
  const admin = async <T,>(body: (c: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url('postgres') });
    await client.connect();
    try {
      return await body(client);
    } finally {
      await client.end();
    }
  };
  const fail = async (message: string): Promise<never> => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await exited;
    rmSync(dir, { recursive: true, force: true });
    throw new Error(message);
  };
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) await fail(`postgres exited with ${child.exitCode}: ${stderr}`);
    try {
      await admin((c) => c.query('SELECT 1'));
      break;
    } catch (e) {
      if (i > 300) await fail(`postgres did not accept connections within 30 s: ${(e as Error).message} ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    socketDir: dir,
    url,
    createDatabase: async (name) => {
      if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      await admin((c) => c.query(`CREATE DATABASE ${name}`));
      return url(name);
    },
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGINT'); // fast shutdown: roll back open transactions, end the sessions
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * One server for the calling test file (started in beforeAll, stopped in afterAll), and a fresh
 * database per call of `database` (names are numbered so no two parties share one).
 */
export function postgresFixture(prefix = 'party') {
  let server: PostgresServer | undefined;
  let n = 0;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    await server?.stop();
  });
  return {
    get server(): PostgresServer {
      if (server === undefined) throw new Error('the PostgreSQL server is not started (use postgresFixture inside describeWithPostgres)');
      return server;
    },
    /** A new empty database's connection string. */
    database(): Promise<string> {
      return this.server.createDatabase(`${prefix}_${++n}`);
    },
  };
}

/** The rows `sql` returns on the database at `url`, over a connection of its own (the nodes may be running). */
export async function rowsOf<R>(url: string, sql: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as R[];
  } finally {
    await client.end();
  }
}
