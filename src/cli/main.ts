/**
 * The `tessera` command (`npm run --silent tessera -- <command>`): dispatches to the commands and
 * turns every expected failure into one line on stderr and a non-zero exit, never a stack trace.
 * @module
 */
import { EncodingError } from '../math/bytes.js';
import { TssError } from '../mpc/errors.js';
import { CliError } from './cli-error.js';
import { runDemo } from './demo.js';
import { runSimulate } from './simulate.js';

const USAGE = `usage: tessera <command> [options]

commands:
  demo                         2-of-3 keygen and signing for every scheme, in one process
  simulate --scheme <id> --threshold <t> --parties <n> [--signers 1,3] [--message <hex>]
           [--keygen dkg|dealer] [--count <k>] [--json] [--reveal-shares]
                               keygen and signing with every party in one process
  help                         this text`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const out = (line: string) => process.stdout.write(line + '\n');
  switch (command) {
    case 'simulate':
      await runSimulate(rest, out);
      return 0;
    case 'demo':
      return (await runDemo(out)) ? 0 : 1;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      out(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new CliError(`unknown command "${command}" (try "tessera help")`);
  }
}

/** Errors a user can cause: printed as one line. Anything else is a bug and keeps its stack. */
function isExpected(e: unknown): e is Error {
  return e instanceof CliError || e instanceof TssError || e instanceof EncodingError || (e as { code?: string })?.code?.startsWith?.('ERR_PARSE_ARGS') === true;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (isExpected(e)) {
      process.stderr.write(`tessera: ${e.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`tessera: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
