import { describe, expect, it } from 'vitest';
import { cantoneseAsStandardChinese, isWrittenCantonese } from './written-cantonese';

describe('written Cantonese', () => {
  it.each([
    ['佢哋聽日會嚟。', '他們明天會來。'],
    ['我唔係學生。', '我不是學生。'],
    ['我今日冇時間。', '我今天沒有時間。'],
    ['你去邊度呀？', '你去哪裡呀？'],
    ['呢個係乜嘢？', '這個是甚麼？'],
    ['我鍾意睇書。', '我喜歡看書。'],
    ['你而家喺邊度？', '你現在在哪裡？'],
  ])('reads %s as %s', (cantonese, standard) => {
    expect(cantoneseAsStandardChinese(cantonese)).toBe(standard);
  });

  it.each([
    ['佢係我嘅朋友，我哋關係好好。', '他是我的朋友，我們關係好好。'],
    ['佢買咗好多食物，我哋食咗啲。', '他買了好多食物，我們吃了些。'],
    ['佢打咗電話畀我，佢話佢唔嚟。', '他打了電話給我，他說他不來。'],
    ['佢呢？佢返咗屋企。', '他呢？他回了家。'],
    ['佢喺海邊度假，你喺邊度？', '他在海邊度假，你在哪裡？'],
  ])('rewrites a word only where its Cantonese sense fits: %s', (cantonese, standard) => {
    expect(cantoneseAsStandardChinese(cantonese)).toBe(standard);
  });

  it('drops sentence-final particles Mandarin has no counterpart for and maps the others', () => {
    expect(cantoneseAsStandardChinese('佢好靚㗎。')).toBe('他好漂亮。');
    expect(cantoneseAsStandardChinese('佢走喇。')).toBe('他走了。');
  });

  it.each([
    '我今天很忙，你呢？',
    '我们的关系很好。',
    '他买了很多食物，打电话给我，然后返回了家。',
    '伦敦在泰唔士河旁。',
    '我在海邊度假。',
    '本法自公布之日起施行。',
    'Tom 说 hello 12 次。',
  ])('leaves Standard Written Chinese byte for byte as it is: %s', (standard) => {
    expect(isWrittenCantonese(standard)).toBe(false);
    expect(cantoneseAsStandardChinese(standard)).toBe(standard);
  });
});
