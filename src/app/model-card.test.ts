import { describe, expect, it } from 'vitest';
import type { CatalogModel } from '../engine/types';
import { modelCardUrl, readModelCard } from './model-card';

const bundled = {
  id: 'lexlet-en-es',
  name: 'English → Spanish',
  baseUrl: 'http://127.0.0.1:4173/models/lexlet-en-es/',
  description: 'Small Transformer. See MODEL_CARD.md.',
} as CatalogModel;

describe('model cards', () => {
  it('finds the card beside a bundled model that refers to one', () => {
    expect(modelCardUrl(bundled)).toBe('http://127.0.0.1:4173/models/lexlet-en-es/MODEL_CARD.md');
  });

  it('offers none for a model that does not refer to one, or whose files are on another host', () => {
    expect(modelCardUrl({ ...bundled, description: 'A test fixture.' })).toBeNull();
    expect(modelCardUrl({ ...bundled, description: undefined })).toBeNull();
    expect(modelCardUrl({ ...bundled, remote: true })).toBeNull();
  });

  it('reads the text, and says why when it cannot', async () => {
    const ok = () => Promise.resolve(new Response('# Card\n<b>x</b>'));
    expect(await readModelCard('u', ok)).toEqual({ text: '# Card\n<b>x</b>' });
    const missing = () => Promise.resolve(new Response('', { status: 404 }));
    expect(await readModelCard('u', missing)).toEqual({
      error: 'The model card could not be loaded (HTTP 404).',
    });
    const offline = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await readModelCard('u', offline)).toEqual({
      error: 'The model card could not be loaded. Check your connection and try again.',
    });
  });
});
