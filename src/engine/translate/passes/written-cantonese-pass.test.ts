import { describe, expect, it } from 'vitest';
import { translateWithPhrasebook } from './phrasebook-model.test-support';
import { sentencePasses } from './index';
import { writtenCantonesePass } from './written-cantonese-pass';

describe('the written Cantonese pass', () => {
  it('sends a Cantonese sentence to the model in Simplified Mandarin and shows the source as written', async () => {
    const { calls, text, segment } = await translateWithPhrasebook(
      '佢哋聽日會嚟。',
      { locale: 'zh-HK', targetLocale: 'en' },
      { '他们明天会来。': 'They will come tomorrow.' },
    );
    expect(calls).toEqual([['他们明天会来。']]);
    expect(text).toBe('They will come tomorrow.');
    expect(segment).toMatchObject({ source: '佢哋聽日會嚟。', translation: 'They will come tomorrow.' });
  });

  it('leaves Mandarin sentences to the passes after it', async () => {
    const pass = writtenCantonesePass('zh');
    expect(pass?.prepare('我们的关系很好。', { attempt: 0 })).toBeUndefined();
    const { calls } = await translateWithPhrasebook('我們的關係很好。佢唔喺度。', {
      locale: 'zh',
      targetLocale: 'en',
    });
    expect(calls).toEqual([['我们的关系很好。', '他不在度。']]);
  });

  it('runs after the glossary, so a term written in Cantonese still matches', async () => {
    const { calls, text } = await translateWithPhrasebook('佢哋係業主。', {
      locale: 'zh',
      targetLocale: 'en',
      glossary: [{ source: '業主', target: 'Landlord' }],
    });
    expect(calls[0]?.[0]).not.toContain('業主');
    expect(calls[0]?.[0]).toMatch(/^他们是/u);
    expect(text).toContain('Landlord');
  });

  it('is not used for sources in other languages', () => {
    expect(writtenCantonesePass('en')).toBeUndefined();
    expect(writtenCantonesePass(undefined)).toBeUndefined();
    expect(sentencePasses({ locale: 'zh', targetLocale: 'en' }).map((pass) => pass.name)).toEqual(
      expect.arrayContaining(['written-cantonese', 'simplified-chinese']),
    );
    expect(sentencePasses({ locale: 'en', targetLocale: 'zh' }).map((pass) => pass.name)).not.toContain(
      'written-cantonese',
    );
  });
});
