/**
 * Where verified model files live between sessions. Keys are the files' absolute URLs, so a file shared by two
 * catalog entries is stored once and a changed catalog URL never serves stale bytes under a new name.
 */
import { LexletError } from '../errors';
import type { StorageInfo } from '../types';

/**
 * What the loader learned about a file the catalog does not pin (a remote file without size or SHA-256): its size
 * and digest when first downloaded, so a later damaged or truncated copy is caught as for pinned files.
 */
export interface FileRecord {
  size: number;
  sha256: string;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The record when it is well formed, else null (a damaged record must not vouch for anything). */
export function validRecord(value: unknown): FileRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const { size, sha256 } = value as Record<string, unknown>;
  return typeof size === 'number' && Number.isSafeInteger(size) && size >= 0 && typeof sha256 === 'string'
    ? SHA256_HEX.test(sha256)
      ? { size, sha256 }
      : null
    : null;
}

export interface ModelStore {
  /** Stored bytes, or null when absent. */
  get(key: string): Promise<Uint8Array | null>;
  /** Stored byte length without reading the bytes, or null when absent. */
  size(key: string): Promise<number | null>;
  /** Stores the bytes with `record` beside them; without one, any earlier record of the key goes. */
  put(key: string, bytes: Uint8Array, record?: FileRecord): Promise<void>;
  /** The record stored with the key's bytes, or null when there is none. */
  record(key: string): Promise<FileRecord | null>;
  /** True when something was removed (the record goes with the bytes). */
  delete(key: string): Promise<boolean>;
  /** Stored keys, optionally only those starting with `prefix`. */
  keys(prefix?: string): Promise<string[]>;
  storage(): Promise<StorageInfo>;
  /** Asks the platform not to evict the store under storage pressure; true when granted. */
  persist?(): Promise<boolean>;
  /**
   * True for keys the store reads in place from a source it must never modify or delete (bundled files on disk):
   * they are verified like cached files but cannot be downloaded again.
   */
  readsInPlace?(key: string): boolean;
}

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${UNITS[unit]}`;
}

/** The last path segment of a key, as users know the file. */
export function fileNameOf(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1) || key;
}

/** Free bytes the store reports, or null when it cannot tell. */
export function availableBytes(info: StorageInfo | null): number | null {
  return info?.quota != null && info.usage != null ? Math.max(0, info.quota - info.usage) : null;
}

/** LexletError('quota') that tells the user how much room `what` needs against what is left. */
export function quotaError(
  what: string,
  needed: number,
  info: StorageInfo | null,
  cause?: unknown,
): LexletError {
  const free = availableBytes(info);
  const available =
    free !== null && info?.quota != null && info.usage != null
      ? `only ${formatBytes(free)} is available (${formatBytes(info.usage)} used of ${formatBytes(info.quota)})`
      : 'the free space is unknown';
  return new LexletError(
    'quota',
    `Not enough storage to save ${what}: it needs ${formatBytes(needed)} but ${available}. Delete a model or free up disk space, then try again.`,
    { cause },
  );
}
