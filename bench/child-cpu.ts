/**
 * CPU time of the child processes this process has waited for (Linux's cutime and cstime in /proc/self/stat), so
 * that a bench timing a command counts the command's CPU time, not only its own. Elsewhere it stays 0.
 */
import { readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc reports CPU times in ticks of 1/100 s on every architecture Node runs on. */
const TICKS_PER_SECOND = 100;

/** Milliseconds of user and system CPU time of the waited-for children, from the text of /proc/<pid>/stat. */
export function childrenCpuMsFromStat(stat: string): number {
  // The command name (2nd field) is in parentheses and may hold spaces: count fields after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // cutime and cstime are fields 16 and 17 of the whole line; fields[0] here is field 3.
  const ticks = Number(fields[13]) + Number(fields[14]);
  if (!Number.isFinite(ticks)) throw new Error(`Unexpected /proc stat line: ${stat.slice(0, 80)}`);
  return (ticks * 1000) / TICKS_PER_SECOND;
}

export function childrenCpuMs(): number {
  let stat: string;
  try {
    stat = readFileSync('/proc/self/stat', 'utf8');
  } catch {
    return 0;
  }
  return childrenCpuMsFromStat(stat);
}
