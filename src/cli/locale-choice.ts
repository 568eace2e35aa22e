import { LexletError } from '../engine/errors';
import { language } from '../engine/translate/script';
import { traditionalStandard } from '../engine/translate/traditional-chinese';

export interface LocaleChoice {
  /** The languages whose models translate the request (the catalog names languages without regions). */
  from?: string;
  to?: string;
  /** The written form of the target when it is not the model's own (zh-TW: Traditional characters). */
  targetLocale?: string;
}

const hasSubtags = (locale: string) => /[-_]/u.test(locale);

/**
 * `--from` and `--to` as the catalog's languages. A source's region or script changes nothing (zh-TW text is read
 * as Chinese); a target's region is kept only where Lexlet writes it differently, Chinese in Traditional
 * characters (zh-TW, zh-HK, zh-MO, zh-Hant), and a Chinese region that writes Simplified (zh-CN, zh-SG) is plain
 * Chinese. Any other regional target is refused rather than answered in the plain language.
 */
export function chooseLocales(from: string | undefined, to: string | undefined): LocaleChoice {
  const source = from && hasSubtags(from) ? language(from) : from;
  if (!to || !hasSubtags(to)) return { from: source, to };
  const target = language(to);
  if (target === 'zh')
    return { from: source, to: target, ...(traditionalStandard(to) ? { targetLocale: to } : {}) };
  throw new LexletError(
    'unsupported-pair',
    `Translations are written in ${target}, not in a regional form of it: use --to ${target} instead of --to ${to}.`,
  );
}
