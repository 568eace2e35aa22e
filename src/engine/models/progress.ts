/**
 * Transfer rate over a sliding window and an event throttle. A whole-download average would hide a connection
 * that just slowed down, and per-chunk rates jump around too much to show; a few seconds of history does neither.
 */
export type Clock = () => number;

export const defaultClock: Clock = () => performance.now();

interface Sample {
  at: number;
  bytes: number;
}

export class TransferMeter {
  private readonly samples: Sample[] = [];
  private received = 0;

  constructor(
    private readonly now: Clock = defaultClock,
    private readonly windowMs = 3000,
  ) {}

  /** Counts bytes that just arrived from the network. */
  record(bytes: number): void {
    this.received += bytes;
    const at = this.now();
    this.samples.push({ at, bytes: this.received });
    // Keep one sample older than the window so the rate spans the whole window.
    while (this.samples.length > 2 && (this.samples[1] as Sample).at <= at - this.windowMs)
      this.samples.shift();
  }

  /** Bytes per second over the recent window; 0 until two samples some time apart exist. */
  rate(): number {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.at <= first.at) return 0;
    return ((last.bytes - first.bytes) * 1000) / (last.at - first.at);
  }

  /** Seconds until `remaining` more bytes arrive at the current rate, or null when the rate is unknown. */
  etaSeconds(remaining: number): number | null {
    if (remaining <= 0) return 0;
    const rate = this.rate();
    return rate > 0 ? remaining / rate : null;
  }
}

/**
 * Time left that is worth showing. The first rates of a download are measured over a fraction of a second and can
 * be off by a factor of a hundred, so nothing is guessed until the download has run a while and moved a share of
 * its bytes; after that the rate is smoothed so the guess does not jump with every chunk.
 */
export class StableEta {
  private readonly startedAt: number;
  private smoothedRate: number | null = null;
  private lastAt: number;

  constructor(
    private readonly now: Clock = defaultClock,
    private readonly minElapsedMs = 2000,
    private readonly minShare = 0.05,
    private readonly smoothingMs = 3000,
  ) {
    this.startedAt = this.lastAt = now();
  }

  /** Seconds left for `total - loaded` bytes at about `rate` bytes per second; null while too early to tell. */
  seconds(loaded: number, total: number, rate: number): number | null {
    if (loaded >= total) return 0;
    const at = this.now();
    if (!(rate > 0)) return null;
    const previous = this.smoothedRate;
    const weight = previous === null ? 1 : 1 - Math.exp(-(at - this.lastAt) / this.smoothingMs);
    this.smoothedRate = previous === null ? rate : previous + weight * (rate - previous);
    this.lastAt = at;
    if (at - this.startedAt < this.minElapsedMs || loaded < this.minShare * total) return null;
    return (total - loaded) / this.smoothedRate;
  }
}

/** Lets an event through at most once per interval; `force` is for events a UI must not miss (a file's last). */
export class Throttle {
  private last = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly intervalMs = 100,
    private readonly now: Clock = defaultClock,
  ) {}

  take(force = false): boolean {
    const at = this.now();
    if (!force && at - this.last < this.intervalMs) return false;
    this.last = at;
    return true;
  }
}
