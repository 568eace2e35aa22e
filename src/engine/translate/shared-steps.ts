import type { DecoderStep, Hypothesis, StepModel } from './search';

/** One member's hypotheses in a shared run. */
export interface MemberStep<S> {
  member: number;
  hypotheses: readonly Hypothesis<S>[];
}

/** Runs the members' hypotheses as one decoder run; returns each member's steps, in the order given. */
export type SharedRun<S> = (steps: readonly MemberStep<S>[]) => Promise<DecoderStep<S>[][]>;

interface Waiting<S> {
  hypotheses: readonly Hypothesis<S>[];
  resolve: (steps: DecoderStep<S>[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Lets several searches (one per sentence) share decoder runs. Each search sees an ordinary `StepModel`; its
 * step waits until every search still running has asked for its own, then one run advances them all. The
 * searches' choices are exactly what they would be alone; only the runs are shared, and a run costs little more
 * for many rows than for one.
 */
export class SharedSteps<S> {
  private readonly running = new Set<number>();
  private waiting = new Map<number, Waiting<S>>();

  constructor(
    members: number,
    private readonly run: SharedRun<S>,
    private readonly release: (state: S) => void,
  ) {
    for (let member = 0; member < members; member++) this.running.add(member);
  }

  /** The step model member `member`'s search uses. */
  member(member: number): StepModel<S> {
    return {
      step: (hypotheses) =>
        new Promise<DecoderStep<S>[]>((resolve, reject) => {
          this.waiting.set(member, { hypotheses, resolve, reject });
          this.flushWhenAllWait();
        }),
      release: (state) => this.release(state),
    };
  }

  /** Member `member`'s search has ended (finished, failed or cancelled): runs no longer wait for it. */
  leave(member: number): void {
    this.running.delete(member);
    this.flushWhenAllWait();
  }

  private flushWhenAllWait(): void {
    if (this.waiting.size === 0 || this.waiting.size < this.running.size) return;
    const batch = [...this.waiting.entries()].sort(([a], [b]) => a - b);
    this.waiting = new Map();
    this.run(batch.map(([member, { hypotheses }]) => ({ member, hypotheses }))).then(
      (results) => batch.forEach(([, waiting], index) => waiting.resolve(results[index] ?? [])),
      (error: unknown) => batch.forEach(([, waiting]) => waiting.reject(error)),
    );
  }
}
