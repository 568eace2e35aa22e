/**
 * Cardinal number words ("sixty", "sesenta", "sechzig", "soixante", "六十") for the languages contracts write them
 * in beside their digits: "sixty (60) days". Each value has the spelling written here and every spelling accepted
 * as right (with or without English "and", German "ein-", Chinese 两, Spanish feminine hundreds), compared by
 * their letters alone, so hyphens, spaces and case never count.
 */

import { language } from './script';

/** Values below this have words here: contracts write larger amounts in digits alone. */
export const MAX_WORDED = 1_000_000;

export interface Cardinal {
  /**
   * The value as written here, or undefined where the form depends on the noun's gender (Spanish "un"/"una",
   * French "un"/"une", German "ein"/"eine"/"einen"): nothing in the sentence tells which one is right.
   */
  written?: string;
  /** Every spelling accepted for the value, `written` first, as `compact` gives them. */
  forms: string[];
}

/** Letters only, lower case, ß as ss: how two spellings of a number word are compared. */
export function compact(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase()
    .replace(/ß/gu, 'ss')
    .replace(/[^\p{L}\p{M}]/gu, '');
}

// English.
const EN_ONES = (
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen ' +
  'seventeen eighteen nineteen'
).split(' ');
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

function enBelow100(n: number): string {
  if (n < 20) return EN_ONES[n] as string;
  return (EN_TENS[Math.floor(n / 10)] as string) + (n % 10 ? `-${EN_ONES[n % 10]}` : '');
}

function enBelow1000(n: number, and: boolean): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (!hundreds) return enBelow100(rest);
  return `${EN_ONES[hundreds]} hundred` + (rest ? `${and ? ' and' : ''} ${enBelow100(rest)}` : '');
}

/** American contracts write "one hundred eighty", British ones "one hundred and eighty". */
function english(n: number, and: boolean): string {
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  if (!thousands) return enBelow1000(rest, and);
  const joint = rest && rest < 100 && and ? ' and ' : ' ';
  return `${enBelow1000(thousands, and)} thousand` + (rest ? joint + enBelow1000(rest, and) : '');
}

// Spanish.
const ES_UNITS = (
  'cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis ' +
  'diecisiete dieciocho diecinueve veinte veintiuno veintidós veintitrés veinticuatro veinticinco veintiséis ' +
  'veintisiete veintiocho veintinueve'
).split(' ');
const ES_TENS = ['', '', '', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa'];
const ES_HUNDREDS =
  ' ciento doscientos trescientos cuatrocientos quinientos seiscientos setecientos ochocientos novecientos'.split(
    ' ',
  );

function esBelow100(n: number): string {
  if (n < 30) return ES_UNITS[n] as string;
  return (ES_TENS[Math.floor(n / 10)] as string) + (n % 10 ? ` y ${ES_UNITS[n % 10]}` : '');
}

function esBelow1000(n: number): string {
  if (n === 100) return 'cien';
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (!hundreds) return esBelow100(rest);
  return (ES_HUNDREDS[hundreds] as string) + (rest ? ` ${esBelow100(rest)}` : '');
}

/** Masculine: "veintiún mil", "doscientos"; a final "uno" is left for `cardinal` to decline. */
function spanish(n: number): string {
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  if (!thousands) return esBelow1000(rest);
  const multiplier =
    thousands === 1
      ? 'mil'
      : `${esBelow1000(thousands)
          .replace(/veintiuno$/u, 'veintiún')
          .replace(/uno$/u, 'un')} mil`;
  return multiplier + (rest ? ` ${esBelow1000(rest)}` : '');
}

// French (the spelling before the 1990 reform; the reform only adds hyphens, which `compact` drops).
const FR_UNITS =
  'zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize'.split(' ');
const FR_TENS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];

function frBelow100(n: number): string {
  if (n < 17) return FR_UNITS[n] as string;
  if (n < 20) return `dix-${FR_UNITS[n - 10]}`;
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  if (tens === 7) return unit === 1 ? 'soixante et onze' : `soixante-${frBelow100(10 + unit)}`;
  if (tens === 8) return unit ? `quatre-vingt-${FR_UNITS[unit]}` : 'quatre-vingts';
  if (tens === 9) return `quatre-vingt-${frBelow100(10 + unit)}`;
  const base = FR_TENS[tens] as string;
  if (!unit) return base;
  return unit === 1 ? `${base} et un` : `${base}-${FR_UNITS[unit]}`;
}

/** `last`: nothing follows, so "quatre-vingts" and "deux cents" keep their plural s (not before "mille"). */
function frBelow1000(n: number, last: boolean): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const tail = rest ? frBelow100(rest) : '';
  if (!hundreds) return last ? tail : tail.replace(/vingts$/u, 'vingt');
  const head = hundreds === 1 ? 'cent' : `${FR_UNITS[hundreds]} cent${!rest && last ? 's' : ''}`;
  return rest ? `${head} ${tail}` : head;
}

function french(n: number): string {
  if (n === 0) return 'zéro';
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  if (!thousands) return frBelow1000(rest, true);
  const multiplier = thousands === 1 ? 'mille' : `${frBelow1000(thousands, false)} mille`;
  return multiplier + (rest ? ` ${frBelow1000(rest, true)}` : '');
}

// German.
const DE_ONES = (
  'null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn ' +
  'siebzehn achtzehn neunzehn'
).split(' ');
const DE_TENS = [
  '',
  '',
  'zwanzig',
  'dreißig',
  'vierzig',
  'fünfzig',
  'sechzig',
  'siebzig',
  'achtzig',
  'neunzig',
];

function deBelow100(n: number): string {
  if (n < 20) return DE_ONES[n] as string;
  const unit = n % 10;
  const tens = DE_TENS[Math.floor(n / 10)] as string;
  if (!unit) return tens;
  return `${unit === 1 ? 'ein' : DE_ONES[unit]}und${tens}`;
}

/** `ein`: "einhundert", "eintausend" (as contracts spell them out) rather than "hundert", "tausend". */
function deBelow1000(n: number, ein: boolean): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const tail = rest ? deBelow100(rest) : '';
  if (!hundreds) return tail;
  return (hundreds === 1 ? (ein ? 'einhundert' : 'hundert') : `${DE_ONES[hundreds]}hundert`) + tail;
}

function german(n: number, ein: boolean): string {
  if (n === 0) return 'null';
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const tail = rest ? deBelow1000(rest, ein) : '';
  if (!thousands) return tail;
  const multiplier =
    thousands === 1
      ? ein
        ? 'eintausend'
        : 'tausend'
      : `${deBelow1000(thousands, ein).replace(/eins$/u, 'ein')}tausend`;
  return multiplier + tail;
}

// Chinese.
const ZH_DIGITS = [...'零一二三四五六七八九'];
const ZH_UNITS = ['千', '百', '十', ''];

/** 1–9999 with 零 for each run of missing places inside: 一百零五, 一千零五十. */
function zhBelow10000(n: number): string {
  const digits = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let out = '';
  let gap = false;
  digits.forEach((digit, i) => {
    if (!digit) {
      gap = out !== '';
      return;
    }
    if (gap) out += '零';
    gap = false;
    out += (ZH_DIGITS[digit] as string) + (ZH_UNITS[i] as string);
  });
  return out;
}

/** `short`: 十五 rather than 一十五 at the head of the number, as it is said and mostly written. */
function chinese(n: number, short: boolean): string {
  if (n === 0) return '零';
  const tenThousands = Math.floor(n / 10_000);
  const rest = n % 10_000;
  let out = tenThousands
    ? `${zhBelow10000(tenThousands)}万${rest && rest < 1000 ? '零' : ''}${rest ? zhBelow10000(rest) : ''}`
    : zhBelow10000(rest);
  if (short) out = out.replace(/^一十/u, '十');
  return out;
}

/** 两 for 二 before 千 and 万 (两千 is the common way to write 2000, 二千 is right too); before 百 either. */
const withLiang = (text: string, hundreds: boolean) =>
  text.replace(hundreds ? /二(?=[百千万])/gu : /二(?=[千万])/gu, '两');

/** Spanish, French and German words for values ending in one, in each gender they take. */
const GENDERED: Record<string, [RegExp, string[]]> = {
  // "veintiún" is "veinti" + "ún".
  es: [/uno$/u, ['uno', 'un', 'una', 'ún']],
  fr: [/un$/u, ['un', 'une']],
  de: [/eins$/u, ['eins', 'ein', 'eine', 'einen', 'einem', 'einer', 'eines']],
};

function spellings(n: number, lang: string): string[] | undefined {
  switch (lang) {
    case 'en':
      return [english(n, false), english(n, true)];
    // Feminine too: "doscientas horas", "veintiuna mil personas", "vingt et une mille pages".
    case 'es': {
      const masculine = spanish(n);
      const feminine = masculine
        .replace(/ientos/gu, 'ientas')
        .replace(/ún mil/gu, 'una mil')
        .replace(/(^|\s)un mil/gu, '$1una mil');
      return [masculine, feminine];
    }
    case 'fr': {
      const masculine = french(n);
      return [masculine, masculine.replace(/(^|[\s-])un mille/gu, '$1une mille')];
    }
    case 'de':
      return [german(n, true), german(n, false)];
    case 'zh': {
      const short = chinese(n, true);
      const long = chinese(n, false);
      return [
        withLiang(short, false),
        short,
        withLiang(short, true),
        long,
        withLiang(long, false),
        withLiang(long, true),
      ];
    }
    default:
      return undefined;
  }
}

/** The words for `value` in the locale's language; undefined for a language or value not covered here. */
export function cardinal(value: number, locale: string | undefined): Cardinal | undefined {
  const lang = language(locale);
  if (!Number.isInteger(value) || value < 0 || value >= MAX_WORDED) return undefined;
  const written = spellings(value, lang);
  if (!written) return undefined;
  const gendered = GENDERED[lang];
  const first = written[0] as string;
  if (!gendered || !gendered[0].test(first)) {
    return { written: first, forms: [...new Set(written.map(compact))] };
  }
  const [ending, endings] = gendered;
  const forms = written.flatMap((text) => endings.map((end) => text.replace(ending, end)));
  return { forms: [...new Set(forms.map(compact))] };
}

/** Number words of a language that a wrong one in a translation may be made of, as `compact` gives them. */
const VOCABULARY = new Map<string, Set<string>>();

function vocabulary(lang: string): Set<string> {
  let words = VOCABULARY.get(lang);
  if (!words) {
    words = new Set<string>();
    const values = [...Array(1000).keys(), 1000, 2000, 21_000];
    for (const value of values)
      for (const form of spellings(value, lang) ?? [])
        for (const word of form.split(/[\s-]+/u)) words.add(compact(word));
    for (const extra of GENDERED[lang]?.[1] ?? []) words.add(compact(extra));
    VOCABULARY.set(lang, words);
  }
  return words;
}

/** German writes numbers as one word: "einhundertachtzig", "dreiundzwanzig"; a model's ordinal ("neunten") too. */
const GERMAN_NUMBER =
  /^(?:null|eins|eine[mnrs]?|ein|zwei|drei|vier|fünf|sechs|sech|sieben|sieb|acht|neun|zehn|elf|zwölf|zwanzig|dreissig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig|hundert|tausend|und)+(?:s?te[nmrs]?)?$/u;
const CHINESE_NUMBER = /^[零〇一二两三四五六七八九十百千万]+$/u;

/** Whether a word (any case) is a number word of the language or part of one ("hundred"), not a joint ("and"). */
export function isNumberWord(word: string, locale: string | undefined): boolean {
  const lang = language(locale);
  const letters = compact(word);
  if (!letters) return false;
  if (lang === 'de') return GERMAN_NUMBER.test(letters) && letters !== 'und';
  if (lang === 'zh') return CHINESE_NUMBER.test(letters);
  return vocabulary(lang).has(letters) && !CONNECTORS[lang]?.has(letters);
}

/** Words that join a number's parts but are no number alone. */
const CONNECTORS: Record<string, Set<string>> = {
  en: new Set(['and']),
  es: new Set(['y']),
  fr: new Set(['et']),
};

/** Whether a word only joins the parts of a number in the locale's language ("and", "y", "et"). */
export function isNumberConnector(word: string, locale: string | undefined): boolean {
  return CONNECTORS[language(locale)]?.has(compact(word)) ?? false;
}

/** The languages with number words here. */
export const NUMBER_WORD_LANGUAGES = ['en', 'es', 'fr', 'de', 'zh'] as const;
