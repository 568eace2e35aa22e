/**
 * The highest resident memory of this process while some work runs. onnxruntime-node runs the model off the main
 * thread, so a timer keeps sampling during a decode; the process's own high-water mark (maxRSS) never goes down,
 * which is why work after the first needs its own samples.
 */
const MIB = 1024 * 1024;

export function rssMiB(): number {
  return process.memoryUsage.rss() / MIB;
}

/** The process's resident high-water mark since it started (MiB). */
export function maxRssMiB(): number {
  // resourceUsage reports maxRSS in kibibytes.
  return process.resourceUsage().maxRSS / 1024;
}

/** Runs `work`, sampling resident memory every `everyMs`; gives its result and the highest sample (MiB). */
export async function withPeakRss<T>(
  work: () => Promise<T>,
  everyMs = 5,
): Promise<{ result: T; peakMiB: number }> {
  let peak = rssMiB();
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMiB());
  }, everyMs);
  try {
    const result = await work();
    peak = Math.max(peak, rssMiB());
    return { result, peakMiB: peak };
  } finally {
    clearInterval(timer);
  }
}
