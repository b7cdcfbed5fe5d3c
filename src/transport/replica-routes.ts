/**
 * Which connection of an identity the relay (relay-server.ts) hands an envelope to, when several
 * processes of one party ("replicas": one identity, one database, docs/operations.md "Replicated
 * signers") are connected at once, each under its own replica name (relay.proto AuthResponse).
 *
 * A session runs on one replica, so every envelope of a session goes to the same one: the first
 * envelope for a (recipient, session) binds it to a connected replica, chosen in turn; an envelope
 * a replica sends binds its (identity, session) to that replica, since the one that speaks in a
 * session is the one running it (with several relays, each relay may have bound the session
 * elsewhere first; the replica that won the session's claim in the database corrects them all by
 * speaking). A bound session keeps its replica while that replica is away (a reconnect under the
 * same name resumes it; its envelopes wait in that replica's queue), and new sessions go to the
 * replicas still connected. A binding idle for BINDING_IDLE_MS is forgotten, and at most
 * MAX_BINDINGS are kept (the longest idle go first).
 *
 * Queue keys: `identity/replica` for the envelopes bound to a replica, `identity` for those that
 * arrived while no replica of their recipient was connected (bound when one connects).
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

/** The queue key of envelopes bound to `replica` of `identity`. */
export function replicaKey(identity: string, replica: string): string {
  return `${identity}/${replica}`;
}

export class ReplicaRoutes<C extends ReplicaConnection> {
  /** identity → replica name → its current connection. */
  readonly #byIdentity = new Map<string, Map<string, C>>();
  /** `identity session` → the replica name it is bound to and when it was last used (insertion order = idle order). */
  readonly #bindings = new Map<string, { readonly replica: string; readonly at: number }>();
  /** identity → turn counter, for choosing the replica of a new session. */
  readonly #turns = new Map<string, number>();
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
    if (replicas.size === 0) {
      this.#byIdentity.delete(conn.identity);
      this.#turns.delete(conn.identity);
    }
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
   * The replica name an envelope for `identity` in `session` goes to: the one the session is bound
   * to, else `prefer` or a connected replica chosen in turn (and bound); undefined when the session
   * is unbound and no replica of `identity` is connected.
   */
  route(identity: string, session: string, now: number, prefer?: string): string | undefined {
    const key = `${identity} ${session}`;
    const bound = this.#bindings.get(key);
    if (bound !== undefined) {
      this.#bind(key, bound.replica, now);
      return bound.replica;
    }
    if (prefer !== undefined) {
      this.#bind(key, prefer, now);
      return prefer;
    }
    const replicas = this.#byIdentity.get(identity);
    if (replicas === undefined) return undefined;
    const names = [...replicas.keys()];
    const turn = this.#turns.get(identity) ?? 0;
    this.#turns.set(identity, (turn + 1) % names.length);
    const replica = names[turn % names.length]!;
    this.#bind(key, replica, now);
    return replica;
  }

  /** `conn` sent an envelope of `session`: the session runs there. */
  spoke(conn: C, session: string, now: number): void {
    this.#bind(`${conn.identity} ${session}`, conn.replica, now);
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
