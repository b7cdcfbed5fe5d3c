/**
 * Where a cluster benchmark's time goes, by process (bench/cluster.bench.ts): CPU seconds (user +
 * system, from /proc/<pid>/stat fields 14 and 15, in clock ticks of 1/100 s as Linux reports
 * them) of the signer-node processes, the relay, the PostgreSQL server (every process named
 * `postgres`) and this process (the coordinator and the verification), between two samples. On a
 * system without /proc every count is 0 and the report says so.
 * @module
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc reports CPU time in these ticks. */
const TICKS_PER_SECOND = 100;

export interface CpuSample {
  readonly nodes: number;
  readonly relays: number;
  readonly postgres: number;
  readonly coordinator: number;
}

/** The CPU seconds `pid` has used so far; 0 if it is gone. */
function cpuOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // after "pid (comm) ": field 3 is index 0
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Every running process named `postgres` (the server and its backends). */
function postgresPids(): number[] {
  if (!existsSync('/proc')) return [];
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/comm`, 'utf8').trim() === 'postgres';
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** A sample of the CPU used so far by the processes named. */
export function sampleCpu(processes: { readonly nodes: readonly number[]; readonly relays: readonly number[] }): CpuSample {
  const sum = (pids: readonly number[]) => pids.reduce((s, pid) => s + cpuOf(pid), 0);
  const own = process.cpuUsage();
  return { nodes: sum(processes.nodes), relays: sum(processes.relays), postgres: sum(postgresPids()), coordinator: (own.user + own.system) / 1e6 };
}

/** The CPU seconds each part used between `before` and `after`. */
export function cpuBetween(before: CpuSample, after: CpuSample): CpuSample {
  return { nodes: after.nodes - before.nodes, relays: after.relays - before.relays, postgres: after.postgres - before.postgres, coordinator: after.coordinator - before.coordinator };
}
