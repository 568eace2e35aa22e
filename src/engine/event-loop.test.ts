import { describe, expect, it } from 'vitest';
import { yieldIfBusy, yieldToEventLoop } from './event-loop';

function busyWait(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // Stands in for a synchronous model run.
  }
}

/** A loop of microtask-only "model runs", like WASM inference; returns how many steps ran before `timer` fired. */
async function runLoop(steps: number, stepMs: number, yieldBetween: boolean, fired: () => boolean) {
  let stepsBeforeTimer = -1;
  for (let step = 0; step < steps; step++) {
    await Promise.resolve(busyWait(stepMs));
    if (yieldBetween) await yieldIfBusy(20);
    if (fired() && stepsBeforeTimer < 0) stepsBeforeTimer = step + 1;
  }
  return stepsBeforeTimer;
}

describe('event loop yields', () => {
  it('lets a pending macrotask run before the loop ends', async () => {
    let timerFired = false;
    setTimeout(() => (timerFired = true), 0);
    const stepsBeforeTimer = await runLoop(20, 5, true, () => timerFired);
    // A 20 ms slice of 5 ms steps: the timer runs after about four steps, long before the twentieth.
    expect(stepsBeforeTimer).toBeGreaterThan(0);
    expect(stepsBeforeTimer).toBeLessThan(10);
  });

  it('is needed: without it the macrotask waits for the whole loop', async () => {
    let timerFired = false;
    setTimeout(() => (timerFired = true), 0);
    const stepsBeforeTimer = await runLoop(20, 5, false, () => timerFired);
    expect(stepsBeforeTimer).toBe(-1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(timerFired).toBe(true);
  });

  it('yieldToEventLoop resolves after pending messages are handled', async () => {
    const order: string[] = [];
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      order.push('message');
      channel.port1.close();
    };
    channel.port2.postMessage(null);
    await yieldToEventLoop();
    order.push('resumed');
    expect(order).toEqual(['message', 'resumed']);
  });
});
