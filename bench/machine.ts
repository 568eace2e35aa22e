import { availableParallelism, cpus } from 'node:os';
import type { Spread } from './rounds';

/** The machine a bench ran on, with its load average (1, 5, 15 min) before and after: the cores are shared. */
export function machineInfo(loadBefore: readonly number[], loadAfter: readonly number[]) {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    loadAverageBefore: loadBefore.map((load) => Number(load.toFixed(2))),
    loadAverageAfter: loadAfter.map((load) => Number(load.toFixed(2))),
    node: process.version,
  };
}

/** "median (min–max)" with `digits` decimals. */
export const range = (value: Spread, digits: number) =>
  `${value.median.toFixed(digits)} (${value.min.toFixed(digits)}–${value.max.toFixed(digits)})`;
