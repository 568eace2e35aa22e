import { describe, expect, it } from 'vitest';
import { clauseMark, ENDS_UNSPACED, spacesSentences, writesLatinNames } from './script';

describe('script', () => {
  it('knows which languages space their sentences and write names in Latin letters', () => {
    expect(spacesSentences('zh')).toBe(false);
    expect(spacesSentences('ja-JP')).toBe(false);
    expect(spacesSentences('en')).toBe(true);
    expect(spacesSentences(undefined)).toBe(true);
    expect(writesLatinNames('zh_TW')).toBe(false);
    expect(writesLatinNames('ru')).toBe(false);
    expect(writesLatinNames('fr')).toBe(true);
  });

  it('writes clause marks full width for Chinese only', () => {
    expect(clauseMark(',', 'zh')).toBe('，');
    expect(clauseMark(';', 'zh')).toBe('；');
    expect(clauseMark(',', 'es')).toBe(',');
    expect(clauseMark('，', 'en')).toBe(',');
    expect(clauseMark('：', 'zh')).toBe('：');
  });

  it('tells text ending in Chinese or full-width punctuation from the rest', () => {
    expect(ENDS_UNSPACED.test('你好。')).toBe(true);
    expect(ENDS_UNSPACED.test('北京')).toBe(true);
    expect(ENDS_UNSPACED.test('Hello.')).toBe(false);
    expect(ENDS_UNSPACED.test('3.5')).toBe(false);
  });
});
