import { describe, expect, it, vi } from 'vitest';
import { yieldIfBusy, yieldThroughChannel, yieldToEventLoop } from './event-loop';

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

  it('yieldToEventLoop lets messages from other ports in', async () => {
    let received = false;
    const other = new MessageChannel();
    other.port1.onmessage = () => {
      received = true;
      other.port1.close();
    };
    other.port2.postMessage(null);
    // Node orders messages per port, not across ports: allow a few yields, far fewer than a job makes.
    let yields = 0;
    while (!received && yields < 5) {
      await yieldToEventLoop();
      yields += 1;
    }
    expect(received).toBe(true);
  });

  it("the browsers' channel resumes many yields in the order they were made", async () => {
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3, 4].map((n) => yieldThroughChannel().then(() => order.push(n))));
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it("the browsers' channel resumes even when its message is lost, rather than waiting forever", async () => {
    const drop = vi.spyOn(MessagePort.prototype, 'postMessage').mockImplementationOnce(() => {});
    const started = performance.now();
    await yieldThroughChannel();
    expect(drop).toHaveBeenCalledTimes(1);
    expect(performance.now() - started).toBeGreaterThanOrEqual(200);
    drop.mockRestore();
    // The channel still works afterwards, and promptly.
    const again = performance.now();
    await yieldThroughChannel();
    expect(performance.now() - again).toBeLessThan(200);
  });
});
