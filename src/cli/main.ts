#!/usr/bin/env node
/**
 * The `tessera` command (the package's bin; from a clone also `npm run --silent tessera --
 * <command>`): dispatches to the commands and turns every expected failure into one line on
 * stderr and a non-zero exit, never a stack trace (a failed session: a headline, then each
 * party's refusal or error on a line of its own; a misspelt command or flag gets the closest
 * known one: suggest.ts, args.ts). The global flag `--quiet` (anywhere before a `--`) silences
 * the progress lines (progress.ts). A command's module is loaded only when it
 * runs, so `tessera help` starts fast. Under `npm run`, which starts scripts in the package's
 * root, relative paths resolve against the directory the user typed the command in (INIT_CWD).
 * @module
 */
import { EncodingError } from '../math/bytes.js';
import { TssError } from '../mpc/errors.js';
import type { PartyFailure } from '../node/coordinator.js';
import { CliError } from './cli-error.js';
import { loadPrebuiltCores } from '../node/prebuilt-cores.js';
import { silenceProgress } from './progress.js';
import { didYouMean } from './suggest.js';

const USAGE = `usage: tessera <command> [options]

commands:
  demo [--json]                a relay and three signer nodes as processes on 127.0.0.1: DKG and
                               2-of-3 signing, every signature verified independently
  simulate --scheme <id> --threshold <t> --parties <n> [--signers 1,3] [--message <hex>]
           [--keygen dkg|dealer] [--count <k>] [--json] [--reveal-shares]
           [--hash sha256|sha256d|keccak256]  (ecdsa-secp256k1 only; default sha256)
           [--derive m/0/5 [--network mainnet|testnet|regtest]]  (secp256k1 schemes, frost-ed25519)
                               keygen and signing with every party in one process
  relay --port <p> [--host 127.0.0.1] --allow <file> [--tls-cert <file> --tls-key <file>]
        [--log-format json|text]
                               the WebSocket relay that routes envelopes between nodes
  node --config <file> [--log-format json|text]
                               run a signer node (JSON log lines on stderr; level: config
                               "logLevel" or env TESSERA_LOG_LEVEL)
  init --dir <d> --parties alice,bob,carol [--relay-port 7000] [--host 127.0.0.1]
                               write a local deployment: node configs, passphrase files, sealed
                               stores, the coordinator's home, the relay's allow file
  identity --config <file>     print a node's identity key (creating its encrypted store)
  identity --home <dir> [--passphrase-file <f>]
                               print the coordinator's identity key (creating it, sealed)
  audit --config <file> [--since <ISO time|30m|24h|7d>] [--limit <n>] [--json]
                               the node's audit log, newest first (no passphrase needed)
  keys --config <file> [--json]
                               list the key shares a node holds (public data only)
  keygen --relay <url> --scheme <id> --threshold <t> --parties <names or identity keys>
         [--home <dir>] [--peers <file>] [--round-timeout <ms>] [--json]
                               run a DKG on signer nodes; prints the key id and public key
  sign --relay <url> --key <id> --message <hex> [--signers <names or keys>] [--home <dir>]
       [--hash sha256|sha256d|keccak256 | --prehashed] [--path m/0/1] [--taproot]
       [--presignature <id> | --no-pool] [--robust] [--peers <file>] [--round-timeout <ms>] [--json]
                               threshold-sign a message (ECDSA: hashed by every node with --hash,
                               or a 32-byte digest with --prehashed; --path signs with a BIP32
                               child, --taproot under the BIP86 output key, or the recovery
                               plan's); prints the verified
                               signature (and, with --json, the ECDSA recovery id). ECDSA takes a
                               pooled presignature for the signers and path if there is one
                               (--no-pool: never). --robust (ECDSA): on failure, retry with t of
                               the key's parties, leaving out the blamed, silent and refusing
                               ones; every attempt on stderr (and in --json)
  presign --relay <url> --key <id> [--signers <names or keys>] [--path m/0/1] [--count <k>]
          [--home <dir>] [--json]
                               ecdsa-secp256k1: make k presignatures ahead (default 1; stored
                               sealed on each signer, each usable once with the same signers and
                               path), pooled in the home's keys.json for sign, sign-eth and
                               sign-psbt (24 h); prints each id as it is made
  refresh --relay <url> --key <id> [--parties <names>] [--home <dir>] [--json]
                               new shares of the key for the same threshold (members left out of
                               --parties are removed); the key, xpub and addresses are unchanged
  reshare --relay <url> --key <id> --threshold <t'> --parties <names or keys> [--dealers <names>]
          [--home <dir>] [--json]
                               move the key to a new group and threshold (members added, kept or
                               removed); the key, xpub and addresses are unchanged
  repair --relay <url> --key <id> --party <name> --helpers <names> [--home <dir>] [--json]
                               rebuild a member's lost share from t helpers
                               (each: the session, a test signature with the new shares, then
                               activation; prints key id, public key, generation, t and parties)
  address --key <id> --type p2tr|p2wpkh|eth|sol [--path m/0/0] [--network <n>]
          [--home <dir> | --config <node.json>] [--json]
                               the key's address at a non-hardened path
  backup --key <id> [--network <n>] [--count <k>] [--out <file>] [--home <dir> | --config <node.json>]
                               the key's public metadata as JSON (scheme, t, n, identity keys,
                               xpub, descriptors, first addresses) for recovery
  recovery-plan --key <id> --policy <template|@file> [--network <n>] [--home <dir>] [--json]
                               give a -tr key a Taproot recovery plan, tr(@threshold/0/*,TREE) with
                               tapscript Miniscript leaves; addresses, backup and sign-psbt follow
                               it; prints the descriptors (the nodes need it in "recoveryPlans")
  recover --backup <file> --psbt <base64|@file> --leaf <n> --signer <xprv|WIF|@file> [--signer …]
          [--height <h> [--median-time <t>] [--funding-height <h> [--funding-median-time <t>]]] [--json]
                               spend by a recovery plan leaf from the backup alone (no nodes):
                               BIP341 script-path witnesses signed by the leaf's keys, nSequence
                               or nLockTime set as its older()/after() needs; with --height, a
                               spend the lock does not allow yet is refused; prints the final tx
  sign-psbt --relay <url> --key <id> [--key <id> …] --psbt <base64|@file> [--signers <names>] [--path m/0/1 …]
            [--network <n>] [--no-pool] [--robust] [--home <dir>] [--json]
                               sign every input of the PSBT the key controls (P2TR key path with
                               -tr keys, under the recovery plan's tree if any; P2WPKH with ecdsa
                               keys; paths from the inputs' BIP32 key origins, else scanned
                               m/0/0-19, m/1/0-19 unless given; change outputs get the key's
                               origin); prints the final transaction (hex) or the PSBT
                               (--no-pool and --robust as for sign, per input)
  sign-eth --relay <url> --key <id> --tx <json|0x-hex|@file> [--path m/0/0] [--signers <names>]
           [--no-pool] [--robust] [--home <dir>] [--json]
                               sign an EIP-1559 or EIP-155 transaction; prints the raw signed tx
                               (--no-pool and --robust as for sign)
  sign-sol --relay <url> --key <id> --tx <base64 message|@file> [--path m/0/0] [--signers <names>]
           [--cluster mainnet-beta|devnet|testnet|localnet] [--robust] [--home <dir>] [--json]
                               sign a Solana message (legacy or v0) paid by the frost-ed25519
                               key's address at the path; prints the signed transaction (base64);
                               --json adds the signature, txid and transfer summary
  drill --relay <url> --key <id> [--home <dir>] [--peers <file>] [--json]
                               sign a test message with every t-subset of the key's parties and
                               report which work (exit 1 if any fails)
  drill --recovery --backup <file> --signer <xprv|WIF|@file> [--signer …] [--rpc <url>
        [--rpc-cookie <file>] [--advance]] [--json]
                               build and check every recovery leaf's spend from the backup; with
                               --rpc ask Bitcoin Core (testmempoolaccept) leaf by leaf; --advance
                               (regtest) mines to each leaf's height (exit 1 if a leaf fails)
  export-key --key <id> --config <node.json> (t times) --i-understand [--network <n>] [--json]
                               EMERGENCY EXIT: rebuild the whole private key from t nodes' stores
                               (xprv and WIF for secp256k1 keys); ends threshold protection
  help                         this text

Global flag: --quiet  no progress lines on stderr (they are shown only when stderr is a terminal).

The coordinator commands (keygen, sign, presign, refresh, reshare, repair, sign-psbt, sign-eth, sign-sol, drill) open the home's
identity, sealed under a passphrase: --passphrase-file <file>, or the environment variable
TESSERA_COORDINATOR_PASSPHRASE. --relay takes several relays separated by commas: each message goes
over all of them, and a session completes while one of them works.`;

type Command = (argv: string[], out: (line: string) => void) => Promise<boolean | void> | boolean | void;

const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  simulate: async () => (await import('./simulate.js')).runSimulate,
  demo: async () => (await import('./demo.js')).runDemo,
  relay: async () => (await import('./relay.js')).runRelay,
  node: async () => (await import('./cluster-commands.js')).runNode,
  init: async () => (await import('./init-command.js')).runInit,
  identity: async () => (await import('./cluster-commands.js')).runIdentity,
  keys: async () => (await import('./cluster-commands.js')).runKeys,
  audit: async () => (await import('./audit-command.js')).runAudit,
  keygen: async () => (await import('./cluster-commands.js')).runKeygen,
  sign: async () => (await import('./cluster-commands.js')).runSign,
  presign: async () => (await import('./cluster-commands.js')).runPresignCommand,
  refresh: async () => (await import('./lifecycle-commands.js')).runRefreshCommand,
  reshare: async () => (await import('./lifecycle-commands.js')).runReshareCommand,
  repair: async () => (await import('./lifecycle-commands.js')).runRepairCommand,
  address: async () => (await import('./wallet-commands.js')).runAddress,
  backup: async () => (await import('./wallet-commands.js')).runBackup,
  'sign-psbt': async () => (await import('./wallet-commands.js')).runSignPsbt,
  'sign-eth': async () => (await import('./wallet-commands.js')).runSignEth,
  'sign-sol': async () => (await import('./solana-commands.js')).runSignSol,
  drill: async () => (await import('./recovery-commands.js')).runDrill,
  'recovery-plan': async () => (await import('./recovery-plan-command.js')).runRecoveryPlan,
  recover: async () => (await import('./recover-command.js')).runRecover,
  'export-key': async () => {
    const { runExportKey } = await import('./recovery-commands.js');
    return (argv, out) => runExportKey(argv, out, (line) => process.stderr.write(line + '\n'));
  },
};
const HELP = ['help', '--help', '-h'];

/** `argv` without the global `--quiet` (before any `--`), and whether it was there. */
function withoutQuiet(argv: readonly string[]): { args: string[]; quiet: boolean } {
  const end = argv.includes('--') ? argv.indexOf('--') : argv.length;
  const args = argv.filter((a, i) => i >= end || a !== '--quiet');
  return { args, quiet: args.length !== argv.length };
}

export async function main(argv: string[]): Promise<number> {
  const { args, quiet } = withoutQuiet(argv);
  if (quiet) silenceProgress();
  const [command, ...rest] = args;
  const out = (line: string) => process.stdout.write(line + '\n');
  if (command === undefined || HELP.includes(command)) {
    out(USAGE);
    return command === undefined ? 2 : 0;
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (load === undefined) throw new CliError(`unknown command "${command}"${didYouMean(command, [...Object.keys(COMMANDS), 'help'])} (try "tessera help")`);
  const run = await load();
  // A command that reports success as a boolean (demo, drill) exits 1 when it is false.
  return (await run(rest, out)) === false ? 1 : 0;
}

/** The lines an expected error prints: one, or for a failed session one per party that reported. */
function errorLines(e: Error): string[] {
  const failures = (e as { failures?: readonly PartyFailure[] }).failures;
  if (!(e instanceof TssError) || failures === undefined || failures.length === 0) return [e.message];
  const blames = (f: PartyFailure) => (f.blamed.length > 0 ? ` (blames ${f.blamed.join(', ')})` : '');
  return [`session failed (${e.code}):`, ...failures.map((f) => `  ${f.name}: ${f.code}: ${f.reason}${blames(f)}`)];
}

/** File-system errors a user causes (a path that is missing, unreadable, a directory…): their message names the path. */
const USER_FS_ERRORS = ['ENOENT', 'EACCES', 'EISDIR', 'ENOTDIR', 'EPERM', 'ELOOP', 'ENAMETOOLONG'];

/** Errors a user can cause: printed as one line. Anything else is a bug and keeps its stack. */
async function isExpected(e: unknown): Promise<boolean> {
  if (e instanceof CliError || e instanceof TssError || e instanceof EncodingError) return true;
  const fs = e as { code?: unknown; syscall?: unknown; path?: unknown };
  if (typeof fs?.syscall === 'string' && typeof fs.path === 'string' && USER_FS_ERRORS.includes(String(fs.code))) return true;
  if ((e as { code?: string })?.code?.startsWith?.('ERR_PARSE_ARGS') === true) return true;
  const { ConfigError } = await import('../node/config.js');
  return e instanceof ConfigError;
}

// `npm run tessera -- …` runs in the package root; the user's paths are relative to INIT_CWD
const invokedFrom = process.env['INIT_CWD'];
if (process.env['npm_lifecycle_event'] === 'tessera' && invokedFrom !== undefined) process.chdir(invokedFrom);

loadPrebuiltCores();
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  async (e: unknown) => {
    if (await isExpected(e)) {
      for (const line of errorLines(e as Error)) process.stderr.write(`tessera: ${line}\n`);
      process.exit(2);
    }
    process.stderr.write(`tessera: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
