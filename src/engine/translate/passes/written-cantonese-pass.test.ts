import { describe, expect, it } from 'vitest';
import type { TranslateEvent } from '../../types';
import { translateDocument } from '../document';
import { phrasebookModel } from './phrasebook-model.test-support';
import { sentencePasses } from './index';
import { writtenCantonesePass } from './written-cantonese-pass';

describe('the written Cantonese pass', () => {
  it('sends a Cantonese sentence to the model in Simplified Mandarin and shows the source as written', async () => {
    const { calls, translate } = phrasebookModel({ '他们明天会来。': 'They will come tomorrow.' });
    const events: TranslateEvent[] = [];
    const result = await translateDocument('佢哋聽日會嚟。', {
      locale: 'zh-HK',
      targetLocale: 'en',
      translateSentences: translate,
      onEvent: (event) => events.push(event),
    });
    expect(calls).toEqual([['他们明天会来。']]);
    expect(result.text).toBe('They will come tomorrow.');
    expect(events.find((event) => event.type === 'segment')).toMatchObject({
      source: '佢哋聽日會嚟。',
      translation: 'They will come tomorrow.',
    });
  });

  it('leaves Mandarin sentences to the passes after it', async () => {
    const pass = writtenCantonesePass('zh');
    expect(pass?.prepare('我们的关系很好。', { attempt: 0 })).toBeUndefined();
    const { calls, translate } = phrasebookModel();
    await translateDocument('我們的關係很好。佢唔喺度。', {
      locale: 'zh',
      targetLocale: 'en',
      translateSentences: translate,
    });
    expect(calls).toEqual([['我们的关系很好。', '他不在度。']]);
  });

  it('runs after the glossary, so a term written in Cantonese still matches', async () => {
    const { calls, translate } = phrasebookModel();
    const result = await translateDocument('佢哋係業主。', {
      locale: 'zh',
      targetLocale: 'en',
      glossary: [{ source: '業主', target: 'Landlord' }],
      translateSentences: translate,
    });
    expect(calls[0]?.[0]).not.toContain('業主');
    expect(calls[0]?.[0]).toMatch(/^他们是/u);
    expect(result.text).toContain('Landlord');
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
