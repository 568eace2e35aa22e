import type { CatalogModel } from '../../engine/types';
import type { DownloadProgress } from '../engine-context';
import { formatBytes, formatDuration, formatRate, percent } from '../format';

export function modelSize(model: CatalogModel): number {
  return model.files.reduce((sum, file) => sum + file.size, 0);
}

/** "Downloading 42% · 1.20 MB/s · 10 s left". */
export function downloadText(progress: DownloadProgress): string {
  const parts = [`Downloading ${percent(progress.loaded, progress.total)}%`];
  if (progress.rate > 0) parts.push(formatRate(progress.rate));
  const eta = formatDuration(progress.etaSeconds);
  if (eta) parts.push(`${eta} left`);
  return parts.join(' · ');
}

export function downloadOfferText(model: CatalogModel): string {
  return `Download ${model.name} (${formatBytes(modelSize(model))})`;
}
