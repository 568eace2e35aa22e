/**
 * Turns one model download's byte counts into LoadProgress events: totals over all files, a rate over the recent
 * window, throttled, and never moving backwards when a transfer restarts from byte 0.
 *
 * A file's size may be unknown until its response arrives (an unpinned remote file the HEAD probe could not
 * size). While any size is unknown the model's total is unknown: events then carry `total: 0` (and
 * `fileTotal: 0` for such a file) with no ETA, so a UI shows bytes received rather than a made-up percentage.
 */
import type { LoadProgress } from '../types';
import { StableEta, TransferMeter, Throttle, type Clock } from './progress';

export interface FileProgress {
  /** The file is coming from the network (announced once, whatever reports first). */
  start(): void;
  /** A response told the file's size, or null when the told size proved wrong. */
  size(size: number | null): void;
  /** `held` bytes of the file are in hand, `arrived` of them just now. */
  bytes(held: number, arrived: number): void;
  retry(attempt: number, delayMs: number, reason: string): void;
  /** The file (`size` bytes) is verified and stored; its last progress event always goes out. */
  done(fromCache: boolean, size: number): void;
}

export class ModelProgress {
  private readonly meter: TransferMeter;
  private readonly throttle: Throttle;
  private readonly eta: StableEta;
  /** Best known size of each file, by index; null while unknown. */
  private readonly sizes: (number | null)[];
  /** Bytes of the files already finished. */
  private completed = 0;

  constructor(
    private readonly modelId: string,
    sizes: readonly (number | null)[],
    private readonly emit: (event: LoadProgress) => void,
    intervalMs: number,
    clock: Clock,
  ) {
    this.sizes = [...sizes];
    this.meter = new TransferMeter(clock);
    this.throttle = new Throttle(intervalMs, clock);
    this.eta = new StableEta(clock);
  }

  /** Bytes of the whole model, counting `shown` bytes of file `index` in flight; null while a size is unknown. */
  private total(index: number, shown: number): number | null {
    let total = 0;
    for (const [other, size] of this.sizes.entries()) {
      if (size === null) return null;
      total += other === index ? Math.max(size, shown) : size;
    }
    return total;
  }

  /** Reporting for file `index` (of the sizes given); files are reported one after the other. */
  file(index: number, path: string): FileProgress {
    const { modelId, emit } = this;
    let initiated = false;
    // Highest count shown, and the count and model total last sent.
    let shown = 0;
    let sent = -1;
    let sentTotal: number | null = null;
    const initiate = () => {
      if (!initiated) emit({ status: 'initiate', modelId, file: path, total: this.sizes[index] ?? 0 });
      initiated = true;
    };
    const show = (held: number, last: boolean) => {
      shown = Math.max(shown, held);
      const total = this.total(index, shown);
      // A file's end may change nothing but the total (its size was unknown until it ended).
      if ((shown === sent && total === sentTotal) || !this.throttle.take(last)) return;
      sent = shown;
      sentTotal = total;
      const loaded = this.completed + shown;
      const size = this.sizes[index] ?? null;
      const rate = this.meter.rate();
      emit({
        status: 'progress',
        modelId,
        file: path,
        fileLoaded: shown,
        fileTotal: size === null ? 0 : Math.max(size, shown),
        loaded,
        total: total ?? 0,
        rate,
        etaSeconds: total === null ? null : this.eta.seconds(loaded, total, rate),
      });
    };
    return {
      start: initiate,
      size: (size) => {
        this.sizes[index] = size;
      },
      bytes: (held, arrived) => {
        initiate();
        this.meter.record(arrived);
        show(held, false);
      },
      retry: (attempt, delayMs, reason) => {
        initiate();
        emit({ status: 'retry', modelId, file: path, attempt, delayMs, reason });
      },
      done: (fromCache, size) => {
        // A transfer restarted on a smaller version may have shown more than the final size; counts never go back.
        const counted = Math.max(size, shown);
        this.sizes[index] = counted;
        show(counted, true);
        this.completed += counted;
        emit({ status: 'done', modelId, file: path, fromCache });
      },
    };
  }

  ready(): void {
    this.emit({ status: 'ready', modelId: this.modelId });
  }
}
