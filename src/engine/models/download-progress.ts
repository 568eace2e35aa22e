/**
 * Turns one model download's byte counts into LoadProgress events: totals over all files, a rate over the recent
 * window, throttled, and never moving backwards when a transfer restarts from byte 0.
 */
import type { LoadProgress } from '../types';
import { TransferMeter, Throttle, type Clock } from './progress';

export interface FileProgress {
  /** The file is coming from the network (announced once, whatever reports first). */
  start(): void;
  /** `held` bytes of the file are in hand, `arrived` of them just now. */
  bytes(held: number, arrived: number): void;
  retry(attempt: number, delayMs: number, reason: string): void;
  /** The file is verified and stored; its last progress event always goes out. */
  done(fromCache: boolean): void;
}

export class ModelProgress {
  private readonly meter: TransferMeter;
  private readonly throttle: Throttle;
  /** Bytes of the files already finished. */
  private completed = 0;

  constructor(
    private readonly modelId: string,
    private readonly total: number,
    private readonly emit: (event: LoadProgress) => void,
    intervalMs: number,
    clock: Clock,
  ) {
    this.meter = new TransferMeter(clock);
    this.throttle = new Throttle(intervalMs, clock);
  }

  /** Reporting for the next file; files are reported one after the other. */
  file(path: string, size: number): FileProgress {
    const { modelId, total, emit } = this;
    let initiated = false;
    // Highest count shown, and the count last sent.
    let shown = 0;
    let sent = -1;
    const initiate = () => {
      if (!initiated) emit({ status: 'initiate', modelId, file: path, total: size });
      initiated = true;
    };
    const show = (held: number, last: boolean) => {
      shown = Math.max(shown, held);
      if (shown === sent || !this.throttle.take(last)) return;
      sent = shown;
      const loaded = this.completed + shown;
      const rate = this.meter.rate();
      const etaSeconds = this.meter.etaSeconds(total - loaded);
      emit({
        status: 'progress',
        modelId,
        file: path,
        fileLoaded: shown,
        fileTotal: size,
        loaded,
        total,
        rate,
        etaSeconds,
      });
    };
    return {
      start: initiate,
      bytes: (held, arrived) => {
        initiate();
        this.meter.record(arrived);
        show(held, false);
      },
      retry: (attempt, delayMs, reason) => {
        initiate();
        emit({ status: 'retry', modelId, file: path, attempt, delayMs, reason });
      },
      done: (fromCache) => {
        show(size, true);
        this.completed += size;
        emit({ status: 'done', modelId, file: path, fromCache });
      },
    };
  }

  ready(): void {
    this.emit({ status: 'ready', modelId: this.modelId });
  }
}
