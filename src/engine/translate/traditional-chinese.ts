/**
 * Chinese written in Traditional characters, for translations into zh-TW, zh-HK, zh-MO or zh-Hant: the Chinese
 * models here write mainland Simplified text (their training pairs), and OpenCC's tables (opencc-js, `cn2t`)
 * rewrite it as Taiwan writes it (with Taiwan's own words: 软件 → 軟體), as Hong Kong writes it, or in plain
 * Traditional characters. The tables load on the first translation that needs them.
 */
import { LexletError } from '../errors';
import { loadOnce } from './load-once';
import { language } from './script';

type Convert = (text: string) => string;
/** OpenCC's names of the Traditional standards. */
type Standard = 'twp' | 'hk' | 't';

/** The Traditional standard a locale asks for, or undefined for Simplified (zh, zh-CN, zh-SG, zh-Hans) and non-Chinese. */
export function traditionalStandard(locale: string | undefined): Standard | undefined {
  if (language(locale) !== 'zh') return undefined;
  const subtags = (locale ?? '').toLowerCase().split(/[-_]/u).slice(1);
  if (subtags.includes('hans')) return undefined;
  if (subtags.includes('tw')) return 'twp';
  if (subtags.includes('hk') || subtags.includes('mo')) return 'hk';
  return subtags.includes('hant') ? 't' : undefined;
}

/** One converter per standard; the tables come once, on first use, and are kept for offline use. */
const converterFor = (standard: Standard) =>
  loadOnce<Convert>(() =>
    import('opencc-js/cn2t').then(
      ({ Converter }) => Converter({ from: 'cn', to: standard }),
      (cause: unknown) => {
        throw new LexletError(
          'network',
          'Writing Chinese in Traditional characters needs its tables, downloaded once while online: connect ' +
            'and translate again, or choose Simplified.',
          { cause },
        );
      },
    ),
  );
const converters: Record<Standard, () => Promise<Convert>> = {
  twp: converterFor('twp'),
  hk: converterFor('hk'),
  t: converterFor('t'),
};

/** The converter from Simplified text to the Traditional standard `locale` asks for; undefined when it asks for none. */
export async function traditionalConverter(locale: string | undefined): Promise<Convert | undefined> {
  const standard = traditionalStandard(locale);
  return standard ? converters[standard]() : undefined;
}
