/**
 * The relay's Prometheus metrics, in a prom-client Registry owned by one relay instance (never
 * the global registry, so several relays in one process do not collide). Gauges read the relay's
 * live state when scraped; counters are moved by the relay as frames are routed or refused.
 * @module
 */
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { QueueDropReason } from './relay-queue.js';

/** Why an incoming or queued frame was not delivered, or a TCP connection refused at once. */
export type RejectReason =
  | 'too_many_connections'
  | 'too_many_from_address'
  | 'text_frame'
  | 'bad_frame'
  | 'unexpected_frame'
  | 'bad_envelope'
  | 'spoofed_sender'
  | 'unknown_recipient'
  | 'rate_limited'
  | 'byte_rate_limited'
  | 'oversized'
  | QueueDropReason;

/** Why the relay ended a connection (`client`: the peer closed it). */
export type DisconnectReason =
  | 'client'
  | 'replaced'
  | 'auth_timeout'
  | 'auth_rejected'
  | 'garbage'
  | 'rate_abuse'
  | 'oversized'
  | 'protocol_error'
  | 'half_open'
  | 'internal_error'
  | 'shutdown';

/** The live numbers the gauges report. */
export interface RelayState {
  sockets(): number;
  connections(): number;
  authenticated(): number;
  queuedFrames(): number;
}

export class RelayMetrics {
  readonly registry = new Registry();
  private readonly routedTotal: Counter;
  private readonly routedBytesTotal: Counter;
  private readonly queuedTotal: Counter;
  private readonly rejectedTotal: Counter<'reason'>;
  private readonly rejectedBytesTotal: Counter<'reason'>;
  private readonly authFailuresTotal: Counter;
  private readonly disconnectsTotal: Counter<'reason'>;

  constructor(state: RelayState, defaultMetrics: boolean) {
    const registers = [this.registry];
    const gauge = (name: string, help: string, read: () => number) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          this.set(read());
        },
      });
    gauge('tessera_relay_tcp_connections', 'Open TCP connections: WebSockets, HTTP requests and connections that have not sent their request yet.', () => state.sockets());
    gauge('tessera_relay_connections', 'Open WebSocket connections, authenticated or not.', () => state.connections());
    gauge('tessera_relay_authenticated_connections', 'Connections that completed the identity challenge.', () => state.authenticated());
    gauge('tessera_relay_queued_frames', 'Frames held for recipients that are not connected.', () => state.queuedFrames());
    this.routedTotal = new Counter({ name: 'tessera_relay_frames_routed_total', help: 'Envelope frames delivered to their recipient.', registers });
    this.routedBytesTotal = new Counter({ name: 'tessera_relay_bytes_routed_total', help: 'Bytes of envelope frames delivered to their recipient.', registers });
    this.queuedTotal = new Counter({ name: 'tessera_relay_frames_queued_total', help: 'Envelope frames queued for a recipient that was not connected or whose send buffer was full.', registers });
    this.rejectedTotal = new Counter({ name: 'tessera_relay_frames_rejected_total', help: 'Frames refused or dropped (and TCP connections refused), by reason.', labelNames: ['reason'], registers });
    this.rejectedBytesTotal = new Counter({ name: 'tessera_relay_bytes_rejected_total', help: 'Bytes of the frames refused or dropped, by reason.', labelNames: ['reason'], registers });
    this.authFailuresTotal = new Counter({ name: 'tessera_relay_auth_failures_total', help: 'Refused authentications (bad signature or identity not allowed).', registers });
    this.disconnectsTotal = new Counter({ name: 'tessera_relay_disconnects_total', help: 'Connections ended, by reason.', labelNames: ['reason'], registers });
    if (defaultMetrics) collectDefaultMetrics({ register: this.registry });
  }

  routed(bytes: number): void {
    this.routedTotal.inc();
    this.routedBytesTotal.inc(bytes);
  }

  queued(): void {
    this.queuedTotal.inc();
  }

  rejected(reason: RejectReason, frames: number, bytes: number): void {
    this.rejectedTotal.inc({ reason }, frames);
    this.rejectedBytesTotal.inc({ reason }, bytes);
  }

  authFailure(): void {
    this.authFailuresTotal.inc();
  }

  disconnected(reason: DisconnectReason): void {
    this.disconnectsTotal.inc({ reason });
  }

  /** The Prometheus text exposition and its content type. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
