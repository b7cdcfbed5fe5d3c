/**
 * What every coordinator-side command shares: its options (relay, home, peers file, round
 * timeout, JSON output) and a Coordinator connected to the relay with the home's identity for the
 * length of one command.
 * @module
 */
import { Coordinator } from '../node/coordinator.js';
import { CliError } from './cli-error.js';
import type { CoordinatorHome } from './coordinator-home.js';

export const coordinatorOptions = {
  relay: { type: 'string' },
  home: { type: 'string' },
  peers: { type: 'string' },
  'round-timeout': { type: 'string' },
  json: { type: 'boolean' },
} as const;

export async function withCoordinator<T>(relay: string | undefined, home: CoordinatorHome, run: (c: Coordinator) => Promise<T>): Promise<T> {
  if (relay === undefined) throw new CliError('--relay <url> is required');
  const coordinator = await Coordinator.connect({ relay, identity: home.identity() }).catch((e: Error) => {
    throw new CliError(e.message);
  });
  try {
    return await run(coordinator);
  } finally {
    await coordinator.close();
  }
}
