/**
 * Node store: downloaded files live under `$XDG_CACHE_HOME/lexlet/models` (default `~/.cache/lexlet/models`) in
 * a readable layout (`https/huggingface.co/Xenova/opus-mt-en-de/resolve/main/config.json`); `file:` URLs are
 * read in place (bundled models are verified, never copied, never deleted). A file's record lives beside it in
 * `<file>#record.json`: "#" never occurs in an encoded segment, so no cached file can have that name.
 *
 *   const store = new FsStore(); // or new FsStore({ root: '/tmp/lexlet-cache' })
 */
import { randomUUID } from 'node:crypto';
import {
  mkdir,
  readFile,
  readdir,
  rename,
  rm,
  rmdir,
  stat,
  statfs,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LexletError } from '../errors';
import type { StorageInfo } from '../types';
import { fileNameOf, quotaError, validRecord, type FileRecord, type ModelStore } from './model-store';

const PARTIAL_SUFFIX = '.partial';
const RECORD_SUFFIX = '#record.json';

export function defaultCacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  const base =
    env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'lexlet', 'models');
}

function isFileUrl(key: string): boolean {
  return key.startsWith('file:');
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/** Encoded segments cannot hold "/" and "." / ".." are escaped, so a key never escapes the root. */
function encodeSegment(segment: string): string {
  const encoded = encodeURIComponent(segment);
  return encoded === '.' || encoded === '..' ? encoded.replace(/\./g, '%2E') : encoded;
}

export interface FsStoreOptions {
  /** Folder for downloaded files; defaults to defaultCacheRoot(). */
  root?: string;
}

export class FsStore implements ModelStore {
  readonly root: string;

  constructor(options: FsStoreOptions = {}) {
    this.root = options.root ?? defaultCacheRoot();
  }

  /** Where a key lives on disk. */
  pathOf(key: string): string {
    if (isFileUrl(key)) return fileURLToPath(key);
    const url = new URL(key);
    if (url.search || url.hash || url.username || url.password) {
      throw new LexletError(
        'model-invalid',
        `Cannot cache ${key}: URLs with a query or credentials are not supported.`,
      );
    }
    // Segments keep their URL spelling (escaped once more), so keys() gives back exactly the keys that were put.
    const segments = url.pathname.split('/').filter(Boolean).map(encodeSegment);
    return join(this.root, url.protocol.slice(0, -1), encodeSegment(url.host), ...segments);
  }

  private keyOf(path: string): string | null {
    const [protocol, host, ...segments] = path
      .slice(this.root.length + 1)
      .split(sep)
      .map(decodeURIComponent);
    if (!protocol || !host || segments.length === 0) return null;
    return `${protocol}://${host}/${segments.join('/')}`;
  }

  readsInPlace(key: string): boolean {
    return isFileUrl(key);
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      const buffer = await readFile(this.pathOf(key));
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    } catch (error) {
      if (errorCode(error) === 'ENOENT' || errorCode(error) === 'EISDIR') return null;
      throw error;
    }
  }

  async size(key: string): Promise<number | null> {
    try {
      const info = await stat(this.pathOf(key));
      return info.isFile() ? info.size : null;
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
      throw error;
    }
  }

  async put(key: string, bytes: Uint8Array, record?: FileRecord): Promise<void> {
    if (isFileUrl(key))
      throw new LexletError('model-invalid', `Refusing to overwrite the local file ${key}.`);
    const path = this.pathOf(key);
    // The old record goes first and the new one comes last, so a crash in between leaves bytes without a record
    // (downloaded again) rather than a record vouching for other bytes.
    await rm(`${path}${RECORD_SUFFIX}`, { force: true });
    await this.writeAtomically(key, path, bytes);
    if (record) await this.writeAtomically(key, `${path}${RECORD_SUFFIX}`, JSON.stringify(record));
  }

  /** Write then rename, so an interrupted write never leaves a short file under the final name. */
  private async writeAtomically(key: string, path: string, data: Uint8Array | string): Promise<void> {
    const partial = `${path}.${randomUUID()}${PARTIAL_SUFFIX}`;
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(partial, data);
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true }).catch(() => undefined);
      if (errorCode(error) !== 'ENOSPC' && errorCode(error) !== 'EDQUOT') throw error;
      const needed = typeof data === 'string' ? data.length : data.byteLength;
      throw quotaError(fileNameOf(key), needed, await this.storage().catch(() => null), error);
    }
  }

  async record(key: string): Promise<FileRecord | null> {
    if (isFileUrl(key)) return null;
    let text: string;
    try {
      text = await readFile(`${this.pathOf(key)}${RECORD_SUFFIX}`, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
      throw error;
    }
    try {
      return validRecord(JSON.parse(text));
    } catch {
      return null;
    }
  }

  async delete(key: string): Promise<boolean> {
    if (isFileUrl(key)) return false;
    try {
      const path = this.pathOf(key);
      await rm(`${path}${RECORD_SUFFIX}`, { force: true });
      await unlink(path);
      await this.pruneEmptyFolders(dirname(path));
      return true;
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return false;
      throw error;
    }
  }

  async keys(prefix = ''): Promise<string[]> {
    const keys: string[] = [];
    for (const path of await this.files()) {
      const key = this.keyOf(path);
      if (key !== null && key.startsWith(prefix)) keys.push(key);
    }
    return keys;
  }

  private async files(): Promise<string[]> {
    try {
      const entries = await readdir(this.root, { recursive: true, withFileTypes: true });
      return entries
        .filter(
          (entry) =>
            entry.isFile() && !entry.name.endsWith(PARTIAL_SUFFIX) && !entry.name.endsWith(RECORD_SUFFIX),
        )
        .map((entry) => join(entry.parentPath, entry.name));
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      throw error;
    }
  }

  /** Usage is what the cache holds; quota is that plus the free space on its disk. */
  async storage(): Promise<StorageInfo> {
    let usage = 0;
    for (const path of await this.files()) usage += (await stat(path)).size;
    const free = await this.freeSpace();
    const quota = free === null ? null : usage + free;
    return { usage, quota, persisted: true };
  }

  /** Free bytes on the disk that holds (or will hold) the cache, or null when unknown. */
  private async freeSpace(): Promise<number | null> {
    for (let folder = this.root; ; folder = dirname(folder)) {
      try {
        const disk = await statfs(folder);
        return disk.bavail * disk.bsize;
      } catch (error) {
        if (errorCode(error) !== 'ENOENT' || dirname(folder) === folder) return null;
      }
    }
  }

  /** Removes folders left empty by a delete, up to (not including) the root. */
  private async pruneEmptyFolders(folder: string): Promise<void> {
    for (let current = folder; current.startsWith(this.root + sep); current = dirname(current)) {
      try {
        await rmdir(current);
      } catch {
        return;
      }
    }
  }
}
