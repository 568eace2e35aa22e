import { describe, expect, it } from 'vitest';
import { SharedTasks } from './shared-task';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe('SharedTasks', () => {
  it('runs one task for concurrent callers and gives each the events', async () => {
    const tasks = new SharedTasks<string, number>();
    const gate = deferred<undefined>();
    let starts = 0;
    const start = async (emit: (event: number) => void) => {
      starts++;
      await gate.promise;
      emit(1);
      return 'done';
    };
    const first: number[] = [];
    const second: number[] = [];
    const a = tasks.join('k', start, (event) => first.push(event));
    const b = tasks.join('k', start, (event) => second.push(event));
    expect(tasks.has('k')).toBe(true);
    gate.resolve(undefined);
    expect(await Promise.all([a, b])).toEqual(['done', 'done']);
    expect(starts).toBe(1);
    expect(first).toEqual([1]);
    expect(second).toEqual([1]);
    expect(tasks.has('k')).toBe(false);
  });

  it('lets one caller abort while the task goes on for the other', async () => {
    const tasks = new SharedTasks<string, never>();
    const gate = deferred<undefined>();
    let taskSignal: AbortSignal | undefined;
    const start = async (_emit: unknown, signal: AbortSignal) => {
      taskSignal = signal;
      await gate.promise;
      return 'done';
    };
    const leaving = new AbortController();
    const a = tasks.join('k', start, undefined, leaving.signal);
    const b = tasks.join('k', start);
    leaving.abort();
    await expect(a).rejects.toMatchObject({ code: 'aborted' });
    expect(taskSignal?.aborted).toBe(false);
    gate.resolve(undefined);
    expect(await b).toBe('done');
  });

  it('aborts the task when its last caller leaves, and a new caller starts afresh', async () => {
    const tasks = new SharedTasks<string, never>();
    const signals: AbortSignal[] = [];
    const start = (_emit: unknown, signal: AbortSignal) => {
      signals.push(signal);
      return new Promise<string>((resolve) => setTimeout(() => resolve(`run ${signals.length}`), 20));
    };
    const controller = new AbortController();
    const a = tasks.join('k', start, undefined, controller.signal);
    await Promise.resolve();
    controller.abort();
    await expect(a).rejects.toMatchObject({ code: 'aborted' });
    expect(signals[0]?.aborted).toBe(true);
    expect(await tasks.join('k', start)).toBe('run 2');
  });

  it('keeps delivering events to others when one listener throws', async () => {
    const tasks = new SharedTasks<void, number>();
    const seen: number[] = [];
    const start = async (emit: (event: number) => void) => emit(7);
    await Promise.all([
      tasks.join('k', start, () => {
        throw new Error('released proxy');
      }),
      tasks.join('k', start, (event) => seen.push(event)),
    ]);
    expect(seen).toEqual([7]);
  });
});
