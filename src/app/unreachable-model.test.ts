import { describe, expect, it } from 'vitest';
import { LexletError } from '../engine/errors';
import type { Catalog, CatalogModel } from '../engine/types';
import {
  bundledAlternative,
  fallbackNotice,
  isUnreachable,
  parseUnreachable,
  unreachableText,
} from './unreachable-model';

const model = (id: string, source: string, target: string, remote = false) =>
  ({
    id,
    name: `${id} model`,
    task: 'translation',
    source,
    target,
    baseUrl: remote ? `https://huggingface.co/${id}/resolve/main/` : `${id}/`,
    remote,
    files: [],
    license: '',
    attribution: '',
  }) as CatalogModel;

const bundled = model('ours-en-es', 'en', 'es');
const remote = model('opus-en-es', 'en', 'es', true);
const lonely = model('opus-en-ja', 'en', 'ja', true);
const catalog: Catalog = { version: 1, models: [model('ours-es-en', 'es', 'en'), bundled, remote, lonely] };

describe('unreachable remote models', () => {
  it('finds the bundled model of the same pair, and none for a bundled model or a pair without one', () => {
    expect(bundledAlternative(catalog, remote)).toBe(bundled);
    expect(bundledAlternative(catalog, bundled)).toBeNull();
    expect(bundledAlternative(catalog, lonely)).toBeNull();
  });

  it('tells a host that never answered from an HTTP error', () => {
    expect(isUnreachable(new LexletError('unreachable', 'x'))).toBe(true);
    expect(isUnreachable(new LexletError('network', 'HTTP 404'))).toBe(false);
    expect(isUnreachable(new TypeError('Failed to fetch'))).toBe(false);
  });

  it('says plainly which host and model, and offers the bundled model only where there is one', () => {
    expect(unreachableText(remote, bundled)).toBe(
      'Could not reach Hugging Face to download opus-en-es model. Check your connection, or use the bundled model.',
    );
    expect(unreachableText(lonely, null)).toBe(
      'Could not reach Hugging Face to download opus-en-ja model. Check your connection and try again.',
    );
    expect(unreachableText(remote, bundled)).not.toMatch(/attempts|config\.json|Failed to fetch/u);
  });

  it('says why the bundled model is used on the next visit', () => {
    expect(fallbackNotice(remote, bundled)).toBe(
      'Using the bundled model (ours-en-es model): Hugging Face could not be reached last time for opus-en-es model.',
    );
  });

  it('reads what was stored, and nothing from a damaged value', () => {
    expect(parseUnreachable('["a",2]')).toEqual(['a']);
    expect(parseUnreachable('{oops')).toEqual([]);
    expect(parseUnreachable(null)).toEqual([]);
  });
});
