/**
 * The commands' flag parser: node:util parseArgs (strict), its errors turned into CliErrors with
 * one-line messages: an unknown flag names the command's closest flag within edit distance 2
 * (suggest.ts), "unknown flag --tresholds; did you mean --threshold?"; a flag without its value
 * says so. Every command imports `parseArgs` from here instead of node:util.
 * @module
 */
import { parseArgs as parseNodeArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cli-error.js';
import { didYouMean } from './suggest.js';

export function parseArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseNodeArgs<T>> {
  try {
    return parseNodeArgs(config);
  } catch (e) {
    throw argsError(e, Object.keys(config.options ?? {}));
  }
}

/** A parseArgs error as a CliError (anything else unchanged). */
function argsError(e: unknown, known: readonly string[]): unknown {
  const code = (e as { code?: unknown }).code;
  const message = (e as Error).message;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /'([^']+)'/.exec(message)?.[1] ?? message;
    return new CliError(`unknown flag ${flag}${didYouMean(flag, known.map((k) => `--${k}`))}`);
  }
  const missing = /^Option '(--\S+)(?: <value>)?' argument missing/.exec(message);
  if (missing) return new CliError(`${missing[1]} needs a value`);
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) return new CliError(message.charAt(0).toLowerCase() + message.slice(1));
  return e;
}
