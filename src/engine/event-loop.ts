/**
 * Model runs on WASM resolve as microtasks, so a long translation or tagging job can hold a worker's event loop
 * for seconds: the page's pings (the watchdog) and aborts (Cancel) would wait until the job ends. Long loops call
 * `yieldIfBusy()` between steps to let pending messages in.
 */

/** How long a loop may run before it lets pending messages in; short enough for a Cancel to feel immediate. */
export const BUSY_SLICE_MS = 50;

/**
 * Resolves on a fresh macrotask. A MessageChannel is used rather than setTimeout, which browsers clamp to
 * 4 ms once nested.
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

let sliceStart = typeof performance === 'undefined' ? 0 : performance.now();

/** Yields when the current slice has run for `BUSY_SLICE_MS` or more; otherwise returns at once. */
export async function yieldIfBusy(sliceMs = BUSY_SLICE_MS): Promise<void> {
  const now = performance.now();
  if (now - sliceStart < sliceMs) return;
  await yieldToEventLoop();
  sliceStart = performance.now();
}
