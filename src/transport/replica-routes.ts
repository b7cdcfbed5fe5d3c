/**
 * Which connection of an identity the relay (relay-server.ts) hands an envelope to, when several
 * processes of one party ("replicas": one identity, one database, docs/operations.md "Replicated
 * signers") are connected at once, each under its own replica name (relay.proto AuthResponse).
 *
 * A session runs on one replica, the one that claimed it in the party's database; the replica that
 * speaks in a session is the one running it. So an envelope a replica sends binds its (identity,
 * session) to that replica, and every later envelope of the session for that identity goes there
 * only; an envelope of a session no replica has spoken in yet (a proposal, or a peer's first
 * message) goes to every connected replica of its recipient, whose database claim picks the one
 * that runs it (the others drop it). A bound session keeps its replica while that replica is away
 * (a reconnect under the same name resumes it; its envelopes wait in that replica's queue). A
 * binding idle for BINDING_IDLE_MS is forgotten and at most MAX_BINDINGS are kept (the longest
 * idle go first): a forgotten binding costs copies, never a lost envelope, so no sender can
 * misroute another's sessions by filling the table. An identity binds only while two or more of
 * its replicas are connected, and at most MAX_REPLICAS are connected at once.
 *
 * Queue keys: `identity/replica` for the envelopes bound to a replica, `identity` for those that
 * arrived while no replica of their recipient was connected (for the first that connects).
 * @module
 */

/** The part of a relay connection this module reads. */
export interface ReplicaConnection {
  /** Hex identity key. */
  readonly identity: string;
  /** Replica name ('' for the one process of its identity). */
  readonly replica: string;
}

/** How long a session's binding outlives its last envelope (an approval wait may hold a session silent for minutes). */
const BINDING_IDLE_MS = 15 * 60_000;
const MAX_BINDINGS = 200_000;
/** Connections of one identity at once, under different replica names. */
export const MAX_REPLICAS = 16;

/** The queue key of envelopes bound to `replica` of `identity`. */
export function replicaKey(identity: string, replica: string): string {
  return `${identity}/${replica}`;
}

export class ReplicaRoutes<C extends ReplicaConnection> {
  /** identity → replica name → its current connection. */
  readonly #byIdentity = new Map<string, Map<string, C>>();
  /** `identity session` → the replica name it is bound to and when it was last used (insertion order = idle order). */
  readonly #bindings = new Map<string, { readonly replica: string; readonly at: number }>();
  #count = 0;

  /** Registers an authenticated connection; returns the connection it replaces (same identity and replica name), if any. */
  add(conn: C): C | undefined {
    let replicas = this.#byIdentity.get(conn.identity);
    if (replicas === undefined) this.#byIdentity.set(conn.identity, (replicas = new Map()));
    const previous = replicas.get(conn.replica);
    if (previous === undefined) this.#count++;
    replicas.set(conn.replica, conn);
    return previous;
  }

  /** Forgets a connection, unless a newer one has taken its place. */
  remove(conn: C): void {
    const replicas = this.#byIdentity.get(conn.identity);
    if (replicas?.get(conn.replica) !== conn) return;
    replicas.delete(conn.replica);
    this.#count--;
    if (replicas.size === 0) this.#byIdentity.delete(conn.identity);
  }

  /** The connection of `identity` under `replica`, if connected. */
  get(identity: string, replica: string): C | undefined {
    return this.#byIdentity.get(identity)?.get(replica);
  }

  /** Every connection of `identity`. */
  of(identity: string): readonly C[] {
    return [...(this.#byIdentity.get(identity)?.values() ?? [])];
  }

  /** Whether some replica of `identity` is connected. */
  connected(identity: string): boolean {
    return this.#byIdentity.has(identity);
  }

  /** Authenticated connections over all identities. */
  get size(): number {
    return this.#count;
  }

  /**
   * The replica names an envelope for `identity` in `session` goes to: the one the session is bound
   * to (connected or not), else every connected replica; none when the session is unbound and no
   * replica of `identity` is connected.
   */
  route(identity: string, session: string, now: number): readonly string[] {
    const key = `${identity} ${session}`;
    const bound = this.#bindings.get(key);
    if (bound !== undefined) {
      this.#bind(key, bound.replica, now);
      return [bound.replica];
    }
    return [...(this.#byIdentity.get(identity)?.keys() ?? [])];
  }

  /** The replica name a session of `identity` is bound to, if any. */
  boundTo(identity: string, session: string): string | undefined {
    return this.#bindings.get(`${identity} ${session}`)?.replica;
  }

  /** `conn` sent an envelope of `session`: the session runs there (remembered while its identity has several replicas). */
  spoke(conn: C, session: string, now: number): void {
    if ((this.#byIdentity.get(conn.identity)?.size ?? 0) >= 2) this.#bind(`${conn.identity} ${session}`, conn.replica, now);
  }

  /** Forgets bindings idle for longer than BINDING_IDLE_MS. */
  sweep(now: number): void {
    for (const [key, b] of this.#bindings) {
      if (now - b.at <= BINDING_IDLE_MS) return;
      this.#bindings.delete(key);
    }
  }

  #bind(key: string, replica: string, now: number): void {
    this.#bindings.delete(key); // re-inserted last: the map stays in idle order
    this.#bindings.set(key, { replica, at: now });
    if (this.#bindings.size > MAX_BINDINGS) this.#bindings.delete(this.#bindings.keys().next().value!);
  }
}
