import type { StorageInfo } from '../types';
import type { FileRecord, ModelStore } from './model-store';

/** Keeps files in memory: for tests and for hosts without persistent storage. */
export class MemoryStore implements ModelStore {
  private readonly files = new Map<string, Uint8Array>();
  private readonly records = new Map<string, FileRecord>();

  async get(key: string): Promise<Uint8Array | null> {
    const bytes = this.files.get(key);
    // A copy, so a caller that transfers or edits its bytes cannot corrupt the stored file.
    return bytes ? bytes.slice() : null;
  }

  async size(key: string): Promise<number | null> {
    return this.files.get(key)?.byteLength ?? null;
  }

  async put(key: string, bytes: Uint8Array, record?: FileRecord): Promise<void> {
    this.files.set(key, bytes.slice());
    if (record) this.records.set(key, { ...record });
    else this.records.delete(key);
  }

  async record(key: string): Promise<FileRecord | null> {
    const record = this.records.get(key);
    return record ? { ...record } : null;
  }

  async delete(key: string): Promise<boolean> {
    this.records.delete(key);
    return this.files.delete(key);
  }

  async keys(prefix = ''): Promise<string[]> {
    return [...this.files.keys()].filter((key) => key.startsWith(prefix));
  }

  async storage(): Promise<StorageInfo> {
    let usage = 0;
    for (const bytes of this.files.values()) usage += bytes.byteLength;
    return { usage, quota: null, persisted: false };
  }
}
