import type { CatalogModel, ModelStatus } from '../../engine/types';
import type { DownloadProgress } from '../engine-context';
import { formatBytes, formatBytesOf, formatDuration, formatRate, percent } from '../format';

/** Shown instead of a size the catalog does not pin (a remote model whose host tells it at download time). */
export const SIZE_UNKNOWN_TEXT = 'size shown when the download starts';

/** Bytes of all the model's files, or null when the catalog leaves a size out (an unpinned remote model). */
export function modelSize(model: CatalogModel): number | null {
  let total = 0;
  for (const file of model.files) {
    if (file.size === null) return null;
    total += file.size;
  }
  return total;
}

/**
 * The model's size as the user can best know it: the catalog's, else what the engine learned from an earlier or
 * running download, else a note that the download will tell.
 */
export function modelSizeText(
  model: CatalogModel,
  status?: Pick<ModelStatus, 'totalBytes'>,
  progress?: DownloadProgress,
): string {
  const size =
    modelSize(model) ?? status?.totalBytes ?? (progress && progress.total > 0 ? progress.total : null);
  return size === null ? SIZE_UNKNOWN_TEXT : formatBytes(size);
}

/**
 * "Downloading 42% · 4.4 of 10.4 MB · 1.20 MB/s · 10 s left". A total of 0 means it is not known yet (an unpinned remote file
 * whose size comes with its response): the bytes received so far are shown instead of a percentage.
 */
export function downloadText(progress: DownloadProgress): string {
  const known = progress.total > 0;
  const parts = known
    ? [
        `Downloading ${percent(progress.loaded, progress.total)}%`,
        formatBytesOf(progress.loaded, progress.total),
      ]
    : [progress.loaded > 0 ? `Downloading… ${formatBytes(progress.loaded)} so far` : 'Downloading…'];
  if (progress.rate > 0) parts.push(formatRate(progress.rate));
  const eta = known ? formatDuration(progress.etaSeconds) : null;
  if (eta) parts.push(`${eta} left`);
  return parts.join(' · ');
}

/** "Download English → Spanish (76.5 MB)"; a remote model of unknown size says it needs the internet instead. */
export function downloadOfferText(model: CatalogModel): string {
  const size = modelSize(model);
  if (size !== null) return `Download ${model.name} (${formatBytes(size)})`;
  return `Download ${model.name} — from the internet, ${SIZE_UNKNOWN_TEXT}`;
}

/** Where a remote model's files come from, by name where the host is well known. */
export function remoteSourceName(model: CatalogModel): string {
  const host = hostOf(model.baseUrl);
  return host === 'huggingface.co' ? 'Hugging Face' : host;
}

/** The badge of a model whose files come from another host. */
export function remoteSourceText(model: CatalogModel): string {
  return `Downloads from ${remoteSourceName(model)} — needs internet the first time`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
