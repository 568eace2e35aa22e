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
  return (event) => {
    if (quiet) return;
    if (event.status === 'progress') {
      const percent = event.total ? Math.floor((event.loaded / event.total) * 100) : 0;
      if (stream.isTTY) {
        stream.write(`\r${verb} ${event.modelId}: ${percent}% of ${megabytes(event.total)}   `);
      } else if (percent >= lastPercent + 25) {
        stream.write(`${verb} ${event.modelId}: ${percent}% of ${megabytes(event.total)}\n`);
      }
      lastPercent = Math.max(lastPercent, percent);
    } else if (event.status === 'retry') {
      stream.write(`\nRetrying ${event.file} (attempt ${event.attempt}): ${event.reason}\n`);
    } else if (event.status === 'ready' && lastPercent >= 0 && stream.isTTY) {
      stream.write('\n');
    }
  };
}
