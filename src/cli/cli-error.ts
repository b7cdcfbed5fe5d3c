/**
 * The error the CLI prints as one line on stderr (no stack trace) before exiting non-zero.
 * @module
 */
export class CliError extends Error {
  override readonly name: string = 'CliError';
}
