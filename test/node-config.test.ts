/**
 * The signer node's config (src/node/config.ts, chains-config.ts, config-object.ts): a field the
 * reader does not know, at any level, is a ConfigError naming its path and the known fields (a
 * misspelt "polcy" must not leave a node without its policy); "chains" and "keyChains" fix where
 * each key signs, with the documented default; "http" is loopback unless told otherwise;
 * "recoveryPlans" are parsed and compiled at load for each key's network.
 * @module
 */
import { describe, expect, it } from 'vitest';
import { chainsOf, DEFAULT_CHAINS } from '../src/node/chains-config.js';
import { ConfigError, parseNodeConfig } from '../src/node/config.js';
import { DEFAULT_LIMITS, DEFAULT_POOLS } from '../src/node/config-limits.js';
import { HDKey } from '@scure/bip32';

const KEY_A = 'a'.repeat(64);
const KEY_B = 'b'.repeat(64);
const KEY_ID = '0123456789abcdef0123456789abcdef';

const BASE = {
  name: 'alice',
  relay: 'ws://127.0.0.1:7000',
  dataDir: './alice',
  passphraseEnv: 'TESSERA_PASSPHRASE',
  peers: [
    { name: 'bob', identityKey: KEY_A },
    { name: 'carol', identityKey: KEY_B },
  ],
  coordinators: [KEY_A],
};

const parse = (extra: Record<string, unknown>) => parseNodeConfig({ ...BASE, ...extra }, '/etc/tessera');

describe('strict node configs', () => {
  it('reads the documented fields', () => {
    const c = parse({ maxRoundTimeoutMs: 5000, relayCa: 'ca.pem', http: { port: 9101 }, policy: { allowRawMessages: false } });
    expect(c.dataDir).toBe('/etc/tessera/alice');
    expect(c.relayCa).toBe('/etc/tessera/ca.pem');
    expect(c.peers.map((p) => p.name)).toEqual(['bob', 'carol']);
    expect(c.http).toEqual({ host: '127.0.0.1', port: 9101 });
    expect(c.policy.allowRawMessages).toBe(false);
    expect(c.chains).toEqual({ chains: DEFAULT_CHAINS, byKey: new Map() });
    expect(parse({}).http).toBeUndefined();
  });

  it.each([
    ['a misspelt top-level field', { polcy: {} }, 'config has unknown field "polcy" (known: name, relay, replica, dataDir, storage, passphraseEnv, passphraseFile, peers, coordinators, maxRoundTimeoutMs, relayCa, chains, keyChains, http, console, stateFile, limits, pools, policy, recoveryPlans, logLevel)'],
    ['a wrong-case top-level field', { relayCA: 'ca.pem' }, 'config has unknown field "relayCA"'],
    ['a field in a peer', { peers: [BASE.peers[0], { name: 'carol', identitykey: KEY_B }] }, 'config: "peers[1]" has unknown field "identitykey" (known: name, identityKey)'],
    ['a peer that is no object', { peers: ['bob'] }, 'config: "peers[0]" must be an object'],
    ['a field in chains', { chains: { bitcoin: 'mainnet', etherium: ['1'] } }, 'config: "chains" has unknown field "etherium" (known: bitcoin, ethereum, solana)'],
    ['a field in a key\'s chains', { keyChains: { [KEY_ID]: { network: 'regtest' } } }, `config: "keyChains.${KEY_ID}" has unknown field "network" (known: bitcoin, ethereum, solana)`],
    ['a field in http', { http: { port: 1, address: '0.0.0.0' } }, 'config: "http" has unknown field "address" (known: host, port)'],
    ['a field in the policy', { policy: { maxAmountPerTxx: {} } }, 'config: "policy" has unknown field "maxAmountPerTxx"'],
    ['a field in a policy sub-object', { policy: { allowedHours: { from: 1, to: 2, zone: 'UTC' } } }, 'config: "policy.allowedHours" has unknown field "zone" (known: from, to, timezone)'],
  ])('refuses %s with its path', (_what, extra, message) => {
    expect(() => parse(extra)).toThrow(ConfigError);
    expect(() => parse(extra)).toThrow(message);
  });

  it('reads "logLevel" and refuses an unknown one; a relay URL without a WebSocket scheme gets the fix', () => {
    expect(parse({ logLevel: 'debug' }).logLevel).toBe('debug');
    expect(parse({}).logLevel).toBeUndefined();
    expect(() => parse({ logLevel: 'verbose' })).toThrow('config: "logLevel" must be one of trace, debug, info, warn, error, fatal, silent, got "verbose"');
    expect(() => parse({ relay: 'relay.example:7000' })).toThrow('config: "relay" "relay.example:7000" has no scheme; did you mean ws://relay.example:7000?');
    expect(() => parse({ relay: 'https://relay.example' })).toThrow('did you mean wss://relay.example?');
    expect(() => parse({ relay: 'ftp://relay.example' })).toThrow('must be a ws:// or wss:// URL');
  });

  it('"relay" takes one URL or a list of distinct ones; "replica" a short name', () => {
    expect(parse({})).toMatchObject({ relays: ['ws://127.0.0.1:7000'], replica: '' });
    const pg = { storage: 'postgres://alice@db.internal/tessera_alice' };
    expect(parse({ ...pg, relay: ['wss://r1.example', 'wss://r2.example'], replica: 'host-b.2' })).toMatchObject({ relays: ['wss://r1.example', 'wss://r2.example'], replica: 'host-b.2', stateFile: `${parse({}).dataDir}-host-b.2.state` });
    expect(() => parse({ replica: 'host-b' })).toThrow('config: "replica" needs "storage"');
    expect(() => parse({ relay: [] })).toThrow('config: "relay" must name at least one relay');
    expect(() => parse({ relay: ['wss://r1.example', 'wss://r1.example'] })).toThrow('config: "relay" lists a relay twice');
    expect(() => parse({ relay: ['wss://r1.example', 'r2.example:7000'] })).toThrow('config: "relay[1]" "r2.example:7000" has no scheme');
    expect(() => parse({ relay: ['wss://r1.example', 7] })).toThrow('config: "relay[1]" must be a non-empty string');
    for (const replica of ['a b', 'x'.repeat(65), 3]) expect(() => parse({ ...pg, replica })).toThrow('config: "replica" must be at most 64 letters');
  });

  it('reads "storage" (the party\'s PostgreSQL database) and refuses anything but a postgres:// URL', () => {
    expect(parse({}).storage).toBeUndefined();
    expect(parse({ storage: 'postgres://alice@db.internal/tessera_alice' }).storage).toBe('postgres://alice@db.internal/tessera_alice');
    expect(parse({ storage: 'postgresql://alice@db.internal:5433/a' }).storage).toBe('postgresql://alice@db.internal:5433/a');
    expect(() => parse({ storage: 'sqlite:///var/lib/tessera.db' })).toThrow('config: "storage" must be a postgres:// (or postgresql://) URL; leave it out for SQLite in the data directory');
    expect(() => parse({ storage: '' })).toThrow(ConfigError);
  });

  it('refuses a config that is no object, and a peer name that is empty', () => {
    expect(() => parseNodeConfig([], '/')).toThrow('config must be an object');
    expect(() => parse({ peers: [{ name: '', identityKey: KEY_A }] })).toThrow('config: "peers[0].name" must be a non-empty string');
  });
});

describe('chains and keyChains', () => {
  it('defaults to bitcoin mainnet, Ethereum chain id 1 and Solana mainnet-beta', () => {
    expect(DEFAULT_CHAINS).toEqual({ bitcoin: 'mainnet', ethereum: new Set([1n]), solana: new Set(['mainnet-beta']) });
    expect(chainsOf(parse({}).chains, KEY_ID)).toBe(DEFAULT_CHAINS);
  });

  it('a key\'s entry replaces the fields it gives; the others come from "chains"', () => {
    const c = parse({ chains: { bitcoin: 'testnet', ethereum: ['11155111', '1'], solana: ['devnet'] }, keyChains: { [KEY_ID]: { bitcoin: 'regtest', solana: ['testnet', 'localnet'] } } }).chains;
    expect(c.chains).toEqual({ bitcoin: 'testnet', ethereum: new Set([11155111n, 1n]), solana: new Set(['devnet']) });
    expect(chainsOf(c, KEY_ID)).toEqual({ bitcoin: 'regtest', ethereum: new Set([11155111n, 1n]), solana: new Set(['testnet', 'localnet']) });
    expect(chainsOf(c, 'f'.repeat(32))).toEqual(c.chains);
    expect(chainsOf(parse({ keyChains: { [KEY_ID]: { ethereum: [], solana: [] } } }).chains, KEY_ID)).toEqual({ bitcoin: 'mainnet', ethereum: new Set(), solana: new Set() });
  });

  it.each([
    ['an unknown network', { chains: { bitcoin: 'signet' } }, 'config: "chains.bitcoin" must be one of mainnet, testnet, regtest'],
    ['chain ids that are no list', { chains: { ethereum: '1' } }, 'config: "chains.ethereum" must be a list of decimal chain ids as strings'],
    ['a number as chain id', { chains: { ethereum: [1] } }, 'config: "chains.ethereum[0]" must be a decimal chain id string from 1 to 2^64−1'],
    ['chain id 0', { chains: { ethereum: ['0'] } }, 'config: "chains.ethereum[0]"'],
    ['a chain id above 2^64−1', { chains: { ethereum: ['18446744073709551616'] } }, 'config: "chains.ethereum[0]"'],
    ['keyChains not an object', { keyChains: [] }, 'config: "keyChains" must be an object'],
    ['a key id that is not one', { keyChains: { mykey: {} } }, 'config: "keyChains" has field "mykey", which is not a key id'],
    ['clusters that are no list', { chains: { solana: 'devnet' } }, 'config: "chains.solana" must be a list of Solana clusters'],
    ['an unknown cluster', { chains: { solana: ['mainnet'] } }, 'config: "chains.solana[0]" must be one of mainnet-beta, devnet, testnet, localnet'],
    ['a bad network for a key', { keyChains: { [KEY_ID]: { bitcoin: 'main' } } }, `config: "keyChains.${KEY_ID}.bitcoin" must be one of`],
  ])('refuses %s', (_what, extra, message) => {
    expect(() => parse(extra)).toThrow(message);
  });
});

describe('http', () => {
  it.each([
    ['no port', { http: {} }, 'config: "http.port" must be an integer from 0 to 65535'],
    ['a port too large', { http: { port: 65_536 } }, 'config: "http.port"'],
    ['an empty host', { http: { host: '', port: 1 } }, 'config: "http.host" must be a non-empty string'],
    ['http not an object', { http: 9101 }, 'config: "http" must be an object'],
  ])('refuses %s', (_what, extra, message) => {
    expect(() => parse(extra)).toThrow(message);
  });

  it('takes another host when given', () => {
    expect(parse({ http: { host: '::1', port: 0 } }).http).toEqual({ host: '::1', port: 0 });
  });
});

describe('the limits block and the state record', () => {
  const base = { name: 'alice', relay: 'ws://127.0.0.1:1', dataDir: './data', passphraseEnv: 'P', peers: [], coordinators: [] };

  it('defaults, overrides, and refuses unknown fields and non-positive values with the path', () => {
    expect(parseNodeConfig(base, '/srv/tessera').limits).toEqual(DEFAULT_LIMITS);
    expect(parseNodeConfig({ ...base, limits: { ecdsaSessionsPerPeer: 2 } }, '/srv').limits).toEqual({ ...DEFAULT_LIMITS, ecdsaSessionsPerPeer: 2 });
    expect(() => parseNodeConfig({ ...base, limits: { ecdsaSessionPerPeer: 2 } }, '/srv')).toThrow('config: "limits" has unknown field "ecdsaSessionPerPeer"');
    expect(() => parseNodeConfig({ ...base, limits: { presignatureTtlMs: 0 } }, '/srv')).toThrow('config: "limits.presignatureTtlMs" must be a positive integer');
  });

  it('reads pool targets: defaults, overrides, bounds and unknown fields', () => {
    expect(parseNodeConfig(base, '/srv').pools).toEqual(DEFAULT_POOLS);
    expect(parseNodeConfig({ ...base, pools: { frostCommitments: 0, presignatures: 8 } }, '/srv').pools).toEqual({ frostCommitments: 0, presignatures: 8 });
    expect(() => parseNodeConfig({ ...base, pools: { frostCommitments: 1025 } }, '/srv')).toThrow('config: "pools.frostCommitments" must be an integer from 0 to 1024');
    expect(() => parseNodeConfig({ ...base, pools: { frostCommitment: 1 } }, '/srv')).toThrow('config: "pools" has unknown field "frostCommitment"');
  });

  it('keeps the state record beside the data directory unless told otherwise', () => {
    expect(parseNodeConfig(base, '/srv/tessera').stateFile).toBe('/srv/tessera/data.state');
    expect(parseNodeConfig({ ...base, stateFile: '../elsewhere/alice.state' }, '/srv/tessera').stateFile).toBe('/srv/elsewhere/alice.state');
  });
});

describe('recoveryPlans', () => {
  const tpub = HDKey.fromMasterSeed(new Uint8Array(32).fill(1), { private: 0x04358394, public: 0x043587cf }).publicExtendedKey;
  const plan = `tr(@threshold/0/*,and_v(v:pk(${tpub}/0/*),older(144)))`;

  it('parses each key\'s template for the key\'s network, none by default', () => {
    expect(parse({}).recoveryPlans.size).toBe(0);
    const c = parse({ keyChains: { [KEY_ID]: { bitcoin: 'regtest' } }, recoveryPlans: { [KEY_ID]: plan } });
    expect(c.recoveryPlans.get(KEY_ID)).toMatchObject({ network: 'regtest', text: plan });
    expect(c.recoveryPlans.get(KEY_ID)!.leaves[0]!.lock).toEqual({ sequence: 144 });
  });

  it.each([
    ['a field that is no key id', { recoveryPlans: { alice: plan } }, 'config: "recoveryPlans" has field "alice", which is not a key id'],
    ['a plan that is no string', { recoveryPlans: { [KEY_ID]: { template: plan } } }, `config: "recoveryPlans.${KEY_ID}" must be a template string`],
    ['a testnet xpub for a mainnet key', { recoveryPlans: { [KEY_ID]: plan } }, 'is not an extended public key of mainnet'],
    ['an insane leaf', { keyChains: { [KEY_ID]: { bitcoin: 'regtest' } }, recoveryPlans: { [KEY_ID]: `tr(@threshold/0/*,multi(1,${tpub}/0/*))` } }, `config: "recoveryPlans.${KEY_ID}": leaf 0`],
    ['recoveryPlans that is no object', { recoveryPlans: [plan] }, 'config: "recoveryPlans" must be an object'],
  ])('refuses %s', (_what, extra, message) => {
    expect(() => parse(extra)).toThrow(ConfigError);
    expect(() => parse(extra)).toThrow(message);
  });
});
