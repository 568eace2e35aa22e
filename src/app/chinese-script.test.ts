import { describe, expect, it } from 'vitest';
import {
  chineseTargetLocale,
  isChineseScript,
  targetLanguage,
  targetName,
  withChineseScripts,
} from './chinese-script';

describe('Chinese scripts', () => {
  it('asks the engine for Traditional characters only when chosen for Chinese', () => {
    expect(chineseTargetLocale('zh', 'zh-TW')).toBe('zh-TW');
    expect(chineseTargetLocale('zh', 'zh-HK')).toBe('zh-HK');
    expect(chineseTargetLocale('zh', 'zh')).toBeUndefined();
    expect(chineseTargetLocale('zh', null)).toBeUndefined();
    expect(chineseTargetLocale('zh', 'zh-XX')).toBeUndefined();
    expect(chineseTargetLocale('es', 'zh-TW')).toBeUndefined();
  });

  it('offers Chinese once per script, where Chinese was offered', () => {
    expect(withChineseScripts(['es', 'zh', 'de'])).toEqual(['es', 'zh', 'zh-TW', 'zh-HK', 'de']);
    expect(withChineseScripts(['es'])).toEqual(['es']);
  });

  it('names each target, and tells a script from its language', () => {
    expect(targetName('zh')).toBe('Chinese (Simplified)');
    expect(targetName('zh-TW')).toBe('Chinese (Traditional, Taiwan)');
    expect(targetName('zh-HK')).toBe('Chinese (Traditional, Hong Kong)');
    expect(targetName('es')).toBe('Spanish');
    expect(targetLanguage('zh-HK')).toBe('zh');
    expect(targetLanguage('es')).toBe('es');
    expect(isChineseScript('zh-TW')).toBe(true);
    expect(isChineseScript('es')).toBe(false);
  });
});
