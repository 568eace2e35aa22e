/**
 * Written Cantonese (Hong Kong's everyday written form) as Standard Written Chinese, for a Chinese model trained on
 * Mandarin text only: its pronouns, particles and common verbs are characters that model has rarely or never seen
 * (佢, 嘅, 咗, 喺, 冇...). A word-for-word table, written by hand because no maintained library converts between
 * the two; it maps the grammatical words and the everyday vocabulary that differ, which is most of what keeps a
 * Cantonese sentence from reading as Mandarin, and leaves word order alone. Output is in Traditional characters,
 * as Hong Kong writes; the Simplified pass that follows converts them for the model.
 */

/**
 * Characters and words that Standard Written Chinese does not use but written Cantonese uses constantly. 唔 counts
 * except in 泰唔士 (the Thames, as some Mandarin texts write it), 邊度 except where 邊 ends a word before 度假 (海邊度假).
 */
const CANTONESE_MARK =
  /[佢嘅咗冇喺啲嗰哋嘢噉嚟㗎瞓諗谂啱睇搵揾攞畀嘥攰嗌]|唔(?!士)|邊度(?![假過过日])|邊個|乜嘢|係咪|琴日/u;

/** Words and their Standard Written Chinese forms; longer words win over the characters they contain. */
const WORDS: Record<string, string> = {
  // pronouns and demonstratives
  佢哋: '他們',
  佢地: '他們',
  我哋: '我們',
  你哋: '你們',
  哋: '們',
  佢: '他',
  呢度: '這裡',
  呢處: '這裡',
  嗰度: '那裡',
  嗰處: '那裡',
  呢排: '最近',
  呢陣: '現在',
  嗰陣時: '那時候',
  嗰陣: '那時',
  嗰: '那',
  // questions
  係咪: '是不是',
  係咩: '是嗎',
  乜嘢: '甚麼',
  咩嘢: '甚麼',
  做咩: '做甚麼',
  為乜: '為甚麼',
  冇乜嘢: '沒甚麼',
  點解: '為甚麼',
  點樣: '怎樣',
  點算: '怎麼辦',
  點知: '誰知',
  邊個: '誰',
  邊處: '哪裡',
  邊間: '哪間',
  邊隻: '哪隻',
  邊本: '哪本',
  邊一: '哪一',
  幾多: '多少',
  幾時: '甚麼時候',
  乜: '甚麼',
  咩: '甚麼',
  // negation
  唔係: '不是',
  唔好: '不要',
  唔使: '不用',
  唔緊要: '沒關係',
  唔該: '謝謝',
  泰唔士: '泰晤士',
  唔: '不',
  冇: '沒有',
  // time
  而家: '現在',
  今日: '今天',
  琴日: '昨天',
  尋日: '昨天',
  聽日: '明天',
  前日: '前天',
  後日: '後天',
  今朝: '今天早上',
  朝早: '早上',
  夜晚: '晚上',
  晏晝: '下午',
  成日: '總是',
  // everyday words
  多謝: '謝謝',
  鍾意: '喜歡',
  中意: '喜歡',
  屋企: '家',
  返工: '上班',
  放工: '下班',
  返學: '上學',
  好似: '好像',
  啱啱: '剛剛',
  起身: '起床',
  傾偈: '聊天',
  得閒: '有空',
  做嘢: '工作',
  嘢食: '食物',
  食嘢: '吃東西',
  食飯: '吃飯',
  揸車: '開車',
  老豆: '爸爸',
  老竇: '爸爸',
  細路: '小孩',
  嘢: '東西',
  // grammatical words
  嘅: '的',
  咗: '了',
  喺: '在',
  啲: '些',
  咁樣: '這樣',
  噉: '這樣',
  咁: '這麼',
  嚟: '來',
  仲: '還',
  畀: '給',
  俾: '給',
  // verbs and adjectives
  睇: '看',
  搵: '找',
  揾: '找',
  攞: '拿',
  瞓: '睡',
  諗: '想',
  谂: '想',
  講: '說',
  嘥: '浪費',
  攰: '累',
  嗌: '叫',
  啱: '對',
  靚: '漂亮',
  // sentence-final particles: those with a Mandarin counterpart take it, the others have none and are dropped
  喇: '了',
  嘞: '了',
  囉: '了',
  咋: '而已',
  㗎: '',
  喎: '',
  啫: '',
  唧: '',
  吖: '',
};

const WORD_PATTERN = new RegExp(
  Object.keys(WORDS)
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'gu',
);

/**
 * Characters whose Cantonese sense needs its neighbours: each is rewritten only where the Mandarin word it could
 * belong to is ruled out (關係 "relation", 食物 "food", a question's 呢, 電話 "telephone", 返回 "return",
 * 海邊度假 "a holiday by the sea").
 */
const IN_CONTEXT: readonly [RegExp, string][] = [
  [/(?<![關联聯干維维])係(?![數数統统])/gu, '是'],
  [/(?<![飲饮零素美主伙夥肉草月日糧粮])食(?![物品堂譜谱材糧粮用])/gu, '吃'],
  [/(?<![冷熱热])飲(?![料食品用])/gu, '喝'],
  [/呢(?=[個个些度排次本間间隻只件位種种樣样張张條条架部對对份套首句])/gu, '這'],
  [/(?<=[我你他她們们])話/gu, '說'],
  [/邊度(?![假過过日])/gu, '哪裡'],
  [/返(?!回)/gu, '回'],
];

/** Whether `text` is written Cantonese: it holds a character that Standard Written Chinese does not use. */
export function isWrittenCantonese(text: string): boolean {
  return CANTONESE_MARK.test(text);
}

/** `text` in Standard Written Chinese when it is written Cantonese; any other text comes back as it is. */
export function cantoneseAsStandardChinese(text: string): string {
  if (!isWrittenCantonese(text)) return text;
  let standard = text.replace(WORD_PATTERN, (word) => WORDS[word] ?? word);
  for (const [pattern, replacement] of IN_CONTEXT) standard = standard.replace(pattern, replacement);
  return standard;
}
