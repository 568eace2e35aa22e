import { describe, expect, it, vi } from 'vitest';
import type { ModelStatus } from '../engine/types';
import { createPersistenceRequest } from './persistent-storage';

const model = (state: ModelStatus['state']): ModelStatus => ({
  id: 'en-es',
  state,
  cachedBytes: state === 'ready' ? 10 : 0,
  totalBytes: 10,
});
const notPersisted = { usage: 10, quota: 1000, persisted: false };

describe('createPersistenceRequest', () => {
  it('asks for persistent storage once, when the first model is stored', async () => {
    const persist = vi.fn(async () => true);
    const request = createPersistenceRequest({ persist });
    expect(await request([model('absent')], notPersisted)).toBe(false);
    expect(persist).not.toHaveBeenCalled();
    expect(await request([model('absent'), model('ready')], notPersisted)).toBe(true);
    expect(await request([model('ready')], notPersisted)).toBe(false);
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('does not ask when storage is already persistent, unknown, refused or missing', async () => {
    const persist = vi.fn(async () => false);
    const request = createPersistenceRequest({ persist });
    expect(await request([model('ready')], { ...notPersisted, persisted: true })).toBe(false);
    expect(await request([model('ready')], null)).toBe(false);
    expect(await request([model('ready')], { ...notPersisted, persisted: null })).toBe(false);
    expect(persist).not.toHaveBeenCalled();
    expect(await createPersistenceRequest(undefined)([model('ready')], notPersisted)).toBe(false);

    const refused = createPersistenceRequest({ persist: async () => Promise.reject(new Error('denied')) });
    expect(await refused([model('ready')], notPersisted)).toBe(true);
  });
});
