/**
 * The signer policy hook: asked before a node joins any session. For now every proposal that
 * passed the structural checks is accepted; the wallet issue adds amount limits, allow-lists,
 * chains and hours.
 * @module
 */
import type { SessionProposal } from '../wire/session-codec.js';

export type Policy = (proposal: SessionProposal) => boolean;

export const acceptAll: Policy = () => true;
