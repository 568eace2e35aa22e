/**
 * Alternated rounds inside the page (wall time only: a worker has no process CPU clock): one unmeasured warm-up
 * pass per runner, whose outputs are kept, then `rounds` timed passes per runner in an order that rotates from
 * round to round, so that load from elsewhere on the machine falls on every runner alike.
 */

export interface PageRunner {
  name: string;
  /** One pass over the inputs; returns its outputs in input order. */
  pass: () => Promise<string[]>;
}

export interface PageRunnerRecord {
  name: string;
  /** Wall time of each timed pass, in round order. */
  wallMs: number[];
  /** The outputs of the warm-up pass. */
  outputs: string[];
  /** Wall time of the warm-up pass: the first run after the model was opened. */
  warmUpMs: number;
}

/** The order of the runners in round `round`: rotated by one each round. */
export function rotation(runners: number, round: number): number[] {
  return Array.from({ length: runners }, (_, index) => (index + round) % runners);
}

export async function pageRounds(
  runners: readonly PageRunner[],
  rounds: number,
  onPass: (runner: string, round: number, ms: number) => void = () => undefined,
  clock: () => number = () => performance.now(),
): Promise<PageRunnerRecord[]> {
  const records: PageRunnerRecord[] = [];
  for (const runner of runners) {
    const started = clock();
    const outputs = await runner.pass();
    records.push({ name: runner.name, wallMs: [], outputs, warmUpMs: clock() - started });
  }
  for (let round = 0; round < rounds; round++) {
    for (const index of rotation(runners.length, round)) {
      const runner = runners[index] as PageRunner;
      const started = clock();
      await runner.pass();
      const ms = clock() - started;
      (records[index] as PageRunnerRecord).wallMs.push(ms);
      onPass(runner.name, round, ms);
    }
  }
  return records;
}
