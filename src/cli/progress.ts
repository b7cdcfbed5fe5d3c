/**
 * Progress lines of long commands (README "CLI", docs/operations.md "Progress"): the cluster
 * start of `tessera demo`, and every coordinator command's sessions (keygen, sign, presign,
 * refresh, reshare, repair, drill, …: "keygen: proposed to alice, bob, carol", "keygen: bob
 * answered (1/3)"). Written to stderr as `tessera: <step>…` only when stderr is a terminal, so
 * scripts and pipes read the same output as before; the global `--quiet` flag (src/cli/main.ts)
 * silences them.
 * @module
 */

let quiet = false;

/** `--quiet`: no progress lines in this process. */
export function silenceProgress(): void {
  quiet = true;
}

/** Whether `--quiet` was given. */
export function progressSilenced(): boolean {
  return quiet;
}

/** Writes `step` as a progress line, when stderr is a terminal and `--quiet` was not given. */
export function progress(step: string): void {
  if (!quiet && process.stderr.isTTY === true) process.stderr.write(`tessera: ${step}…\n`);
}
