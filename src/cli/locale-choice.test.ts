import { describe, expect, it } from 'vitest';
import { LexletError } from '../engine/errors';
import { chooseLocales } from './locale-choice';

describe('chooseLocales', () => {
  it('reads a source of any region or script as its language', () => {
    expect(chooseLocales('zh-TW', 'en')).toEqual({ from: 'zh', to: 'en' });
    expect(chooseLocales('es-MX', 'en')).toEqual({ from: 'es', to: 'en' });
    expect(chooseLocales('en', 'es')).toEqual({ from: 'en', to: 'es' });
  });

  it('keeps a Chinese target written in Traditional characters, and reads the Simplified ones as Chinese', () => {
    expect(chooseLocales('en', 'zh-TW')).toEqual({ from: 'en', to: 'zh', targetLocale: 'zh-TW' });
    expect(chooseLocales('es', 'zh-Hant')).toEqual({ from: 'es', to: 'zh', targetLocale: 'zh-Hant' });
    expect(chooseLocales('en', 'zh-CN')).toEqual({ from: 'en', to: 'zh' });
  });

  it('refuses another regional target rather than answer in the plain language', () => {
    expect(() => chooseLocales('en', 'es-MX')).toThrow(LexletError);
    expect(() => chooseLocales('en', 'es-MX')).toThrow('use --to es instead of --to es-MX');
  });
});
