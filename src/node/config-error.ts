/**
 * A node configuration that cannot be used (src/node/config.ts, the policy block in
 * signer-policy-config.ts): the message names the field and what it must be.
 * @module
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
