import { describe, expect, it } from 'vitest';
import { translateWithPhrasebook } from './phrasebook-model.test-support';
import { sentencePasses } from './index';

describe('the Traditional Chinese pass', () => {
  it('writes the Simplified translation in Traditional characters and shows the source as written', async () => {
    const { calls, text, segment } = await translateWithPhrasebook(
      'We installed the software.',
      { locale: 'en', targetLocale: 'zh-TW' },
      { 'We installed the software.': '我们安装了软件。' },
    );
    expect(calls).toEqual([['We installed the software.']]);
    expect(text).toBe('我們安裝了軟體。');
    expect(segment).toMatchObject({ source: 'We installed the software.', translation: '我們安裝了軟體。' });
  });

  it("finds the glossary's stand-ins as the model wrote them, and writes the term in the same script", async () => {
    const { calls, text } = await translateWithPhrasebook(
      'The Licensor signed.',
      { locale: 'en', targetLocale: 'zh-HK', glossary: [{ source: 'Licensor', target: '许可方' }] },
      { 'The Tom signed.': '汤姆签署了。' },
    );
    expect(calls).toEqual([['The Tom signed.']]);
    expect(text).toBe('許可方簽署了。');
  });

  it('is used only for Chinese targets written in Traditional characters', () => {
    const names = (targetLocale: string) =>
      sentencePasses({ locale: 'en', targetLocale }).map((pass) => pass.name);
    expect(names('zh-TW')[0]).toBe('traditional-chinese');
    expect(names('zh')).not.toContain('traditional-chinese');
    expect(names('zh-CN')).not.toContain('traditional-chinese');
    expect(names('es')).not.toContain('traditional-chinese');
  });
});
