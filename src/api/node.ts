/**
 * `tessera/node`: the networked parts (DESIGN.md "Sessions and the wire", "Trust"): the relay,
 * signer nodes with their sealed stores, the coordinator, robust (ROAST) and batch signing,
 * transaction signing through the nodes, and a local cluster of real processes; the logger
 * interface a node writes to (node-logger.ts).
 * @module
 */
export { RelayServer, type RelayServerOptions } from '../transport/relay-server.js';
export { SignerNode, type SignerNodeOptions } from '../node/signer-node.js';
export { LOG_LEVELS, lineLogger, type LogFields, type LogLevel, type NodeLogger } from '../node/node-logger.js';
export type { SessionOutcome } from '../node/node-metrics.js';
export { loadNodeConfig, parseNodeConfig, ConfigError, type NodeConfig } from '../node/config.js';
export { NodeStorage } from '../storage/index.js';
export { Coordinator, SessionFailedError, type CoordinatorOptions, type SignOutcome, type SignRequest } from '../node/coordinator.js';
export { signBatch, type BatchItem, type BatchSignRequest } from '../node/batch-signing.js';
export { RobustSignFailedError, signRobust, type RobustSignOutcome, type RobustSignRequest } from '../node/roast.js';
export { RetryExhaustedError, signWithRetry } from '../node/ecdsa-retry.js';
export { coordinatorSigner, signEthTransaction, signPsbt, type SessionSigner, type WalletKey } from '../node/wallet-signing.js';
export { LocalCluster, type LocalClusterOptions } from '../node/local-cluster.js';
