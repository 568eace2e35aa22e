import { describe, expect, it } from 'vitest';
import { traditionalConverter, traditionalStandard } from './traditional-chinese';

describe('Traditional Chinese targets', () => {
  it.each([
    ['zh-TW', 'twp'],
    ['zh-Hant-TW', 'twp'],
    ['zh_tw', 'twp'],
    ['zh-HK', 'hk'],
    ['zh-MO', 'hk'],
    ['zh-Hant', 't'],
  ])('%s is written as OpenCC writes %s', (locale, standard) => {
    expect(traditionalStandard(locale)).toBe(standard);
  });

  it.each(['zh', 'zh-CN', 'zh-SG', 'zh-Hans', 'zh-Hans-HK', 'en-TW', 'es', undefined])(
    '%s is not a Traditional target',
    (locale) => {
      expect(traditionalStandard(locale)).toBeUndefined();
    },
  );

  it("rewrites Simplified text in each standard's characters, and Taiwan's words for Taiwan", async () => {
    expect((await traditionalConverter('zh-TW'))?.('我们安装了软件。')).toBe('我們安裝了軟體。');
    expect((await traditionalConverter('zh-HK'))?.('我们安装了软件。')).toBe('我們安裝了軟件。');
    expect((await traditionalConverter('zh-Hant'))?.('我们安装了软件。')).toBe('我們安裝了軟件。');
    expect(await traditionalConverter('zh')).toBeUndefined();
  });
});
