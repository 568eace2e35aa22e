/**
 * Model runs on WASM resolve as microtasks, so a long translation or tagging job can hold a worker's event loop
 * for seconds: the page's pings (the watchdog) and aborts (Cancel) would wait until the job ends. Long loops call
 * `yieldIfBusy()` between steps to let pending messages in.
 */

/** How long a loop may run before it lets pending messages in; short enough for a Cancel to feel immediate. */
export const BUSY_SLICE_MS = 50;

/**
 * If a yield's message has not arrived by then, the yield resolves anyway: a lost message must cost a pause,
 * never a job that waits forever.
 */
const YIELD_FALLBACK_MS = 250;

type Timer = ReturnType<typeof setTimeout>;
interface PendingYield {
  resume: () => void;
  fallback: Timer;
}

/**
 * One channel for the module's lifetime, held here, as schedulers do: a fresh channel per yield is reachable
 * only through its own listener and may be collected with its message still pending.
 */
let channel: MessageChannel | null = null;
const pending: PendingYield[] = [];

function yieldChannel(): MessageChannel {
  if (channel) return channel;
  const created = new MessageChannel();
  // One message per yield, delivered in order: each message resumes the oldest waiting yield.
  created.port1.onmessage = () => {
    const next = pending.shift();
    if (!next) return;
    clearTimeout(next.fallback);
    next.resume();
  };
  channel = created;
  return created;
}

/**
 * Resolves on a fresh macrotask, after timers and messages already due. Browsers get a MessageChannel rather
 * than setTimeout, which they clamp to 4 ms once nested. Node (the CLI; it alone has setImmediate) gets a zero
 * timeout: it does not clamp it, a MessageChannel there would keep the process alive and be drained ahead of
 * other ports, and setImmediate may run before timers that are already due.
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof setImmediate === 'function' || typeof MessageChannel === 'undefined') {
    return new Promise((resolve) => setTimeout(resolve, 0));
  }
  return yieldThroughChannel();
}

/** The browsers' yield: exported for its tests, which run on Node. */
export function yieldThroughChannel(): Promise<void> {
  const port = yieldChannel().port2;
  return new Promise((resolve) => {
    const entry: PendingYield = {
      resume: () => resolve(),
      fallback: setTimeout(() => {
        const index = pending.indexOf(entry);
        if (index >= 0) pending.splice(index, 1);
        resolve();
      }, YIELD_FALLBACK_MS),
    };
    pending.push(entry);
    port.postMessage(null);
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
