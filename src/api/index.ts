/**
 * `tessera`: the package's main entry, a threshold-signature engine whose signatures are
 * ordinary single-key ones. The networked API (tessera/node) at the top level, and each part
 * under its own name: `frost`, `ecdsa`, `wallet` (also importable as tessera/frost, …).
 * @module
 */
export * from './node.js';
export * as frost from './frost.js';
export * as ecdsa from './ecdsa.js';
export * as wallet from './wallet.js';
