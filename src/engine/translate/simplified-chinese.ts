/**
 * Traditional Chinese characters as mainland Simplified ones, by OpenCC's Traditional → mainland tables
 * (opencc-js, `t2cn`: the generic Traditional set, so Taiwan and Hong Kong text both convert and Simplified text
 * keeps its characters). The tables (about 100 kB) load on the first text that holds a Chinese character, so
 * the app's first load does not carry them.
 */

import { loadOnce } from './load-once';

/** A CJK ideograph (the unified blocks and the compatibility ones): text without one has nothing to convert. */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;

const loadConverter = loadOnce(() =>
  import('opencc-js/t2cn').then(({ Converter }) => Converter({ from: 't', to: 'cn' })),
);

/** `text` with its Traditional characters in their mainland Simplified forms; Simplified text comes back as is. */
export async function toSimplifiedChinese(text: string): Promise<string> {
  if (!HAN.test(text)) return text;
  return (await loadConverter())(text);
}
