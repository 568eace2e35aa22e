/** Where every benchmark leaves its numbers: one JSON file per run in bench/results/, named by bench and time. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const RESULTS_DIR = join(root, 'bench/results');

/** Writes `data` (with the date) as `<bench>-<ISO time>.json` in `dir`; returns its path from the repository. */
export function writeResults(bench: string, data: object, dir: string = RESULTS_DIR): string {
  mkdirSync(dir, { recursive: true });
  const date = new Date().toISOString();
  const path = join(dir, `${bench}-${date.replace(/[:.]/gu, '-')}.json`);
  writeFileSync(path, `${JSON.stringify({ date, ...data }, null, 2)}\n`);
  return relative(root, path);
}
