import { describe, expect, it } from 'vitest';
import type { CatalogModel } from '../engine/types';
import { chooseModel, parseChosenModels } from './chosen-models';

const model = (id: string, source: string, target: string) =>
  ({
    id,
    name: id,
    task: 'translation',
    source,
    target,
    baseUrl: '',
    files: [],
    license: '',
    attribution: '',
  }) as CatalogModel;

describe('chosen models', () => {
  it('reads what was stored, and nothing from a damaged value', () => {
    expect(parseChosenModels('["a","b"]')).toEqual(['a', 'b']);
    expect(parseChosenModels('[1,"b"]')).toEqual(['b']);
    expect(parseChosenModels('{oops')).toEqual([]);
    expect(parseChosenModels(null)).toEqual([]);
  });

  it('keeps one pick per pair and the picks of other pairs', () => {
    const enEs = [model('ours', 'en', 'es'), model('opus', 'en', 'es')];
    const picks = chooseModel(['opus-es-en', 'ours'], enEs, 'opus');
    expect(picks).toEqual(['opus-es-en', 'opus']);
    expect(chooseModel(picks, enEs, 'ours')).toEqual(['opus-es-en', 'ours']);
  });
});
