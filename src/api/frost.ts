/**
 * `tessera/frost`: FROST threshold Schnorr (RFC 9591) for every suite, the DKG with its
 * chain code (PROTOCOLS.md §3), signing over any `Party`, one-round signing with commitments
 * made ahead, batches, and the in-process simulation the CLI's `simulate` runs.
 * @module
 */
export { getSuite, isSchemeId, SCHEME_IDS, type AnySuite, type SchemeId, type Suite } from '../suites/index.js';
export { runDkg, type RunDkgOptions } from '../dkg/dkg.js';
export { dealerKeygen, type DealerOptions } from '../dkg/dealer.js';
export { keyIdOf, publishedPublicKey, type KeyPackage, type PublicKeyPackage } from '../dkg/key-package.js';
export { runFrostSign, type RunFrostOptions } from '../signing/frost/frost.js';
export { runFrostSignBatch, type RunFrostBatchOptions } from '../signing/frost/sign-batch.js';
export { OneRoundAggregator, signOneRound, type OneRoundItem } from '../signing/frost/one-round.js';
export { simulateDkg, simulateKeygen, simulateSign, unwrapAll, type SimulationOptions } from '../signing/simulation.js';
export { InMemoryNetwork } from '../mpc/network.js';
export type { Party } from '../mpc/party.js';
export { verifyIndependently } from '../cli/independent-verify.js';
