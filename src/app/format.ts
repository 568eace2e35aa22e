const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];

/** Decimal units, as storage and downloads are usually shown: 1 MB = 1,000,000 bytes. Unknown (null): "—". */
export function formatBytes(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}

/** "3.1 of 10.4 MB": both counts in the total's unit, so the two read side by side. */
export function formatBytesOf(loaded: number, total: number): string {
  if (!(total > 0) || !Number.isFinite(total)) return formatBytes(loaded);
  let unit = 0;
  let scale = 1;
  while (total / scale >= 1000 && unit < UNITS.length - 1) {
    scale *= 1000;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : 1;
  const part = Math.min(Math.max(loaded, 0), total);
  return `${(part / scale).toFixed(digits)} of ${(total / scale).toFixed(digits)} ${UNITS[unit]}`;
}

export function formatRate(bytesPerSecond: number): string {
  return `${formatBytes(bytesPerSecond)}/s`;
}

/** "45 s", "3 min 5 s", "1 h 2 min"; null when unknown. */
export function formatDuration(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return null;
  const total = Math.round(seconds);
  if (total < 60) return `${total} s`;
  const minutes = Math.floor(total / 60);
  if (minutes < 60) return `${minutes} min ${total % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Whole percent, clamped to 0–100; 0 when the total is unknown. */
export function percent(loaded: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.min(100, Math.max(0, Math.floor((loaded / total) * 100)));
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** "es" → "Spanish"; unknown codes come back as given. */
export function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}
