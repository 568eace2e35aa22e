import { describe, expect, it } from 'vitest';
import { translateWithPhrasebook } from './phrasebook-model.test-support';
import { sentencePasses } from './index';
import { simplifiedChinesePass } from './simplified-chinese-pass';

describe('the Simplified Chinese pass', () => {
  it('sends a Traditional sentence to the model in Simplified characters and shows the source as written', async () => {
    const { calls, text, segment } = await translateWithPhrasebook(
      '我們在這裡等你。',
      { locale: 'zh', targetLocale: 'en' },
      { '我们在这里等你。': 'We are waiting for you here.' },
    );
    expect(calls).toEqual([['我们在这里等你。']]);
    expect(text).toBe('We are waiting for you here.');
    expect(segment).toMatchObject({
      source: '我們在這裡等你。',
      translation: 'We are waiting for you here.',
    });
  });

  it('leaves Simplified text byte for byte as it is', async () => {
    const pass = simplifiedChinesePass('zh');
    for (const sentence of ['我们在这里等你。', '著名作家乾隆说了么？', '汤姆有 3 只猫。'])
      expect(await pass?.prepare(sentence, { attempt: 0 })).toBeUndefined();
    const { calls } = await translateWithPhrasebook('他的头发很长。这本书是谁写的？', {
      locale: 'zh',
      targetLocale: 'en',
    });
    expect(calls).toEqual([['他的头发很长。', '这本书是谁写的？']]);
  });

  it('converts the Traditional characters of mixed text and keeps the rest', async () => {
    const pass = simplifiedChinesePass('zh-TW');
    const prepared = await pass?.prepare('Tom 說 hello 12 次，我们聽到了。', { attempt: 0 });
    expect(prepared?.text).toBe('Tom 说 hello 12 次，我们听到了。');
    expect(prepared?.restore('Tom said hello 12 times.')).toBe('Tom said hello 12 times.');
  });

  it('is not used for sources in other languages', async () => {
    expect(simplifiedChinesePass('ja')).toBeUndefined();
    expect(simplifiedChinesePass(undefined)).toBeUndefined();
    expect(sentencePasses({ locale: 'en', targetLocale: 'zh' }).map((pass) => pass.name)).not.toContain(
      'simplified-chinese',
    );
    const { calls } = await translateWithPhrasebook('學校に行く。', { locale: 'ja', targetLocale: 'en' });
    expect(calls).toEqual([['學校に行く。']]);
  });

  it('runs after the glossary, so a term written in Traditional characters still matches', async () => {
    const { calls, text } = await translateWithPhrasebook('許可方簽署了。', {
      locale: 'zh',
      targetLocale: 'en',
      glossary: [{ source: '許可方', target: 'Licensor' }],
    });
    expect(calls[0]?.[0]).not.toContain('許可方');
    expect(calls[0]?.[0]).toMatch(/签署了。$/u);
    expect(text).toContain('Licensor');
  });
});
