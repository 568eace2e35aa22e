/**
 * The read-only data folder of the training scripts: `../shared` beside the repository, or wherever the
 * LEXLET_SHARED environment variable points (as in the Python pipeline's `lexlet_mt.config.shared_root`).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

export function sharedData(relative: string): string {
  const root = process.env.LEXLET_SHARED ?? resolve(repositoryRoot, '..', 'shared');
  return resolve(root, 'data', relative);
}
