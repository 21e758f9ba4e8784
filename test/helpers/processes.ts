/** Linux /proc helpers for the tests that watch parse workers come and go. */
import { readdirSync, readFileSync } from 'node:fs';

/**
 * The fields of `/proc/<pid>/stat` after the command name, from field 3 (state) on, or null when the process
 * is gone. The name is cut at its last ")", as it may hold spaces and brackets itself.
 */
function statFields(pid: number | string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** Pids of the processes whose parent is `parent`; with `command`, only those whose command line contains it. */
export function childrenOf(parent: number, command?: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      if (Number(statFields(pid)?.[1]) !== parent) return false;
      try {
        return command === undefined || readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(command);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Whether `pid` runs: a zombie still has a /proc entry, and does not count. */
export function alive(pid: number): boolean {
  const state = statFields(pid)?.[0];
  return state !== undefined && state !== 'Z' && state !== 'X';
}

/** Resident set size of `pid` in MB, 0 when it is gone. */
export function residentMb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** CPU time `pid` has used (user + system), in ms; 0 when it is gone. /proc counts in clock ticks of 10 ms. */
export function cpuMs(pid: number): number {
  const fields = statFields(pid);
  // utime and stime are fields 14 and 15 of the stat line; `fields` starts at field 3.
  return fields === null ? 0 : (Number(fields[11]) + Number(fields[12])) * 10;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
