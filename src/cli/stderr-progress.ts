import type { LoadProgress } from '../engine/types';

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Download progress on stderr: a live line on a terminal, a few plain lines otherwise. */
export function progressReporter(
  stream: NodeJS.WriteStream,
  quiet: boolean,
  verb = 'Downloading',
): (event: LoadProgress) => void {
  let lastPercent = -1;
  // What a plain (non-terminal) stream was last told: every 25% of a known total, every 10 MB of an unknown one.
  let printedPercent = -25;
  let printedMegabytes = -10;
  return (event) => {
    if (quiet) return;
    if (event.status === 'progress') {
      // A total of 0 means the size is not known yet (a remote file whose catalog entry has no size).
      if (!event.total) {
        const received = Math.floor(event.loaded / 1e6);
        if (stream.isTTY) stream.write(`\r${verb} ${event.modelId}: ${megabytes(event.loaded)} so far   `);
        else if (received >= printedMegabytes + 10) {
          stream.write(`${verb} ${event.modelId}: ${megabytes(event.loaded)} so far\n`);
          printedMegabytes = received;
        }
        lastPercent = Math.max(lastPercent, 0);
        return;
      }
      const percent = Math.floor((event.loaded / event.total) * 100);
      if (stream.isTTY) {
        stream.write(`\r${verb} ${event.modelId}: ${percent}% of ${megabytes(event.total)}   `);
      } else if (percent >= printedPercent + 25) {
        stream.write(`${verb} ${event.modelId}: ${percent}% of ${megabytes(event.total)}\n`);
        printedPercent = percent;
      }
      lastPercent = Math.max(lastPercent, percent);
    } else if (event.status === 'retry') {
      stream.write(`\nRetrying ${event.file} (attempt ${event.attempt}): ${event.reason}\n`);
    } else if (event.status === 'ready' && lastPercent >= 0 && stream.isTTY) {
      stream.write('\n');
    }
  };
}
