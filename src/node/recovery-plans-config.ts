/**
 * The recovery plans a signer node holds for its Taproot keys (config "recoveryPlans"; README
 * "Running signer nodes"; wallet/recovery-template.ts for the template language):
 *
 *   "recoveryPlans": { "<key id>": "tr(@threshold/0/*,{and_v(v:pk(xpub…/0/*),older(52560)),…})" }
 *
 * The node derives a planned key's merkle root at every path itself, from this config, and signs
 * that key's P2TR key path under it only (taproot-tweak-check.ts); a key without a plan is signed
 * as BIP86 only. So the node never takes a merkle root from a coordinator. Each template is
 * parsed and every leaf compiled at load, for the key's Bitcoin network ("chains"/"keyChains"),
 * so an insane leaf or a foreign network's xpub stops the node from starting, naming the key.
 * @module
 */
import { TssError } from '../mpc/errors.js';
import { checkRecoveryTemplate } from '../wallet/recovery-plan.js';
import type { RecoveryTemplate } from '../wallet/recovery-template.js';
import { chainsOf, KEY_ID, type NodeChains } from './chains-config.js';
import { ConfigError } from './config-error.js';
import { configRecord } from './config-object.js';

/** Key id → its plan, parsed for the key's network. */
export type NodeRecoveryPlans = ReadonlyMap<string, RecoveryTemplate>;

/** The config's "recoveryPlans" (undefined: none). */
export function parseRecoveryPlans(raw: unknown, chains: NodeChains): NodeRecoveryPlans {
  if (raw === undefined) return new Map();
  return new Map(
    Object.entries(configRecord(raw, 'recoveryPlans')).map(([keyId, text]) => {
      if (!KEY_ID.test(keyId)) throw new ConfigError(`config: "recoveryPlans" has field "${keyId}", which is not a key id (32 lowercase hex digits, as "tessera keys" lists them)`);
      if (typeof text !== 'string') throw new ConfigError(`config: "recoveryPlans.${keyId}" must be a template string, tr(@threshold/0/*,…)`);
      try {
        return [keyId, checkRecoveryTemplate(text, chainsOf(chains, keyId).bitcoin)] as const;
      } catch (e) {
        if (e instanceof TssError) throw new ConfigError(`config: "recoveryPlans.${keyId}": ${e.message}`);
        throw e;
      }
    }),
  );
}
