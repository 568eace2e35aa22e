/**
 * A/B measurement on a noisy machine: every runner translates the same sentences once per round, in an order that
 * rotates from round to round, so that load from elsewhere falls on all runners alike; ratios are taken within a
 * round, where the runners shared the same conditions.
 */
import { childrenCpuMs } from './child-cpu';
import { median } from './measure';

/** What one pass of a runner gives back: its translations, in input order, and the tokens it generated. */
export interface PassOutput {
  texts: string[];
  tokens: number;
}

export interface Runner {
  name: string;
  /** Untimed work before each pass (e.g. forgetting translations remembered from the previous pass). */
  prepare?: () => Promise<void>;
  pass: () => Promise<PassOutput>;
}

export interface PassTiming {
  wallMs: number;
  /**
   * CPU time of the whole process (every thread) during the pass, with that of the child processes it ran:
   * steadier than wall time under load.
   */
  cpuMs: number;
  tokens: number;
}

export interface RunnerRecord {
  name: string;
  /** One per round, in round order. */
  passes: PassTiming[];
  /** The translations of the unmeasured warm-up pass. */
  texts: string[];
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(values: readonly number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/** The order of the runners in round `round`: rotated by one each round. */
export function roundOrder(runners: number, round: number): number[] {
  return Array.from({ length: runners }, (_, index) => (index + round) % runners);
}

async function timedPass(runner: Runner): Promise<{ timing: PassTiming; output: PassOutput }> {
  await runner.prepare?.();
  const cpuBefore = process.cpuUsage();
  const childrenBefore = childrenCpuMs();
  const started = performance.now();
  const output = await runner.pass();
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000 + childrenCpuMs() - childrenBefore;
  return { timing: { wallMs, cpuMs, tokens: output.tokens }, output };
}

/**
 * One warm-up pass per runner (its translations are kept), then `rounds` timed rounds. `onPass` hears of each
 * timed pass as it ends.
 */
export async function alternatedRounds(
  runners: readonly Runner[],
  rounds: number,
  onPass: (runner: string, round: number, timing: PassTiming) => void = () => undefined,
): Promise<RunnerRecord[]> {
  const records: RunnerRecord[] = [];
  for (const runner of runners) {
    const { output } = await timedPass(runner);
    records.push({ name: runner.name, passes: [], texts: output.texts });
  }
  for (let round = 0; round < rounds; round++) {
    for (const index of roundOrder(runners.length, round)) {
      const { timing } = await timedPass(runners[index] as Runner);
      (records[index] as RunnerRecord).passes.push(timing);
      onPass((runners[index] as Runner).name, round, timing);
    }
  }
  return records;
}

/** `a`'s rate over `b`'s, round by round (both measured in the same rounds). */
export function roundRatios(a: readonly PassTiming[], b: readonly PassTiming[]): number[] {
  return a.map((pass, round) => (b[round] as PassTiming).wallMs / pass.wallMs);
}

/** How many of `texts` are exactly `reference` at the same position. */
export function identicalCount(texts: readonly string[], reference: readonly string[]): number {
  return texts.filter((text, index) => text === reference[index]).length;
}
