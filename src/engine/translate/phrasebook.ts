import { LexletError } from '../errors';
import type { SentenceTranslation, TranslateSentences } from './document';
import { startsWithClauseOpener } from './conjunctions';
import { language } from './script';

/**
 * A translation model's phrasebook, when its folder has one (written by training/lexlet_mt/phrasebook.py):
 * gzip-compressed JSON, not named .gz because static servers would send it with Content-Encoding: gzip.
 */
export const PHRASEBOOK_FILE = 'phrasebook.bin';
const FORMAT = 'lexlet-phrasebook/1';

const PLAIN_MARKS: Record<string, string> = {
  '\u2019': "'",
  '\u2018': "'",
  '\uff1f': '?',
  '\uff01': '!',
  '\u3002': '.',
};
const STATEMENT_END = /[\s.!\u2026]+$/u;
const QUESTION_END = /\s*\?[\s?!.]*$/u;
const OPENING_MARKS = /^[\u00a1\u00bf]+/u;
/** A sentence that ends in none of these was typed without its final mark ("hello"). */
const ENDS_IN_A_MARK = /[.!?\u2026\u3002\uff01\uff1f]["'\u201d\u2019)\]]*$/u;
const FINAL_STATEMENT_MARKS = /[\s\u00a0\u202f]*[.!\u2026\u3002\uff01]+$/u;
/** A sentence's opening phrase: its words before its first comma ("Hello, how are you?"). */
const OPENING = /^([^,\uff0c]+?)\s*[,\uff0c]\s*(\S.*)$/su;
const MAX_OPENING_WORDS = 2;
/** A rest shorter than this ("…, too.") means little alone: the whole sentence goes to the model. */
const MIN_REST_WORDS = 3;
/** A rest of nothing but a name or two ("Hello, Tom."): written as it is, not translated. */
const NAMES_ONLY = /^\p{Lu}[\p{L}'\u2019-]*(?:\s+\p{Lu}[\p{L}'\u2019-]*){0,2}\s*[.!]?$/u;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/gu;
/** A text's first letter, after any opening mark or quote. */
const FIRST_LETTER = /^([\s\u00a1\u00bf"'\u201c\u2018\u00ab]*)(\p{L})/u;
/** English "I", "I'm", "I've": capitalised anywhere in a sentence. */
const ENGLISH_I = /^[\s"'\u201c\u2018]*I(?![\p{L}])/u;
const EXCLAIMED = /[!\uff01]["'\u201d\u2019)\]]*$/u;

/** Words, or for Chinese text half its Han characters (as training/lexlet_mt/phrasebook.py counts them). */
function wordCount(text: string): number {
  const han = text.match(HAN)?.length ?? 0;
  return han > 0 ? Math.ceil(han / 2) : text.split(/\s+/u).filter(Boolean).length;
}

function withFirstLetter(text: string, change: (letter: string) => string): string {
  return text.replace(FIRST_LETTER, (_, marks: string, letter: string) => marks + change(letter));
}

/** `translation` ending in an exclamation mark as written in `target`, where it ended in a full stop. */
function exclaimed(translation: string, target: string | undefined): string {
  if (!/[.\u3002]$/u.test(translation)) return translation;
  const body = translation.slice(0, -1);
  switch (language(target)) {
    case 'zh':
      return `${body}\uff01`;
    case 'fr':
      return `${body.trimEnd()} !`;
    case 'es':
      return body.startsWith('\u00a1') ? `${body}!` : `\u00a1${body}!`;
    default:
      return `${body}!`;
  }
}

/**
 * What a sentence is looked up by: apostrophes and full-width marks made plain, Spanish opening marks and a
 * statement's final . ! … dropped, a question's final ? kept (a question is not the statement), spaces
 * collapsed, the first letter in lower case. training/lexlet_mt/phrasebook.py keys the corpus the same way
 * (both are tested on phrasebook-keys.test-cases.json).
 */
export function phrasebookKey(text: string): string {
  let key = text
    .normalize('NFC')
    .replace(/[\u2019\u2018\uff1f\uff01\u3002]/gu, (mark) => PLAIN_MARKS[mark] ?? mark)
    .split(/\s+/u)
    .filter(Boolean)
    .join(' ')
    .replace(OPENING_MARKS, '');
  key = QUESTION_END.test(key) ? `${key.replace(QUESTION_END, '')}?` : key.replace(STATEMENT_END, '');
  return key.slice(0, 1).toLowerCase() + key.slice(1);
}

/**
 * Short everyday sentences of a model's training corpus with their human translations. A small model garbles
 * some of the very sentences it was trained on ("Hello." → "Élolla."): those are the first a user types, so a
 * sentence found here is answered with the corpus's translation, as a translation memory's exact matches come
 * before machine translation, and everything else goes to the model.
 */
export class Phrasebook {
  private constructor(
    private readonly entries: ReadonlyMap<string, string>,
    /** The language of the sentences, and of their translations. */
    private readonly source: string | undefined,
    private readonly target: string | undefined,
  ) {}

  /** A phrasebook from its file's JSON; a file of another shape is a broken model folder. */
  static parse(json: unknown, label = PHRASEBOOK_FILE): Phrasebook {
    const doc = json as { format?: unknown; source?: unknown; target?: unknown; entries?: unknown } | null;
    if (typeof doc !== 'object' || doc === null || doc.format !== FORMAT || !Array.isArray(doc.entries)) {
      throw new LexletError('model-invalid', `${label} is not a phrasebook (${FORMAT}).`);
    }
    const entries = new Map<string, string>();
    for (const entry of doc.entries as unknown[]) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') {
        throw new LexletError(
          'model-invalid',
          `${label} holds an entry that is not [sentence, translation].`,
        );
      }
      if (!entries.has(entry[0])) entries.set(entry[0], entry[1]);
    }
    const language = (value: unknown) => (typeof value === 'string' ? value : undefined);
    return new Phrasebook(entries, language(doc.source), language(doc.target));
  }

  /** A phrasebook from its gzip-compressed file. */
  static async fromFile(bytes: Uint8Array, label = PHRASEBOOK_FILE): Promise<Phrasebook> {
    let json: unknown;
    try {
      const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
        .stream()
        .pipeThrough(new DecompressionStream('gzip'));
      json = JSON.parse(await new Response(stream).text());
    } catch (error) {
      throw new LexletError('model-invalid', `${label} is not gzip-compressed JSON.`, { cause: error });
    }
    return Phrasebook.parse(json, label);
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The corpus's translation of `sentence`, or undefined when it has none. A sentence typed without its final
   * mark ("Good morning") gets a translation without one ("Buenos días"); one exclaimed, an exclaimed one.
   */
  translation(sentence: string): string | undefined {
    const found = this.entries.get(phrasebookKey(sentence));
    if (found === undefined) return undefined;
    if (EXCLAIMED.test(sentence.trim())) return exclaimed(found, this.target);
    if (ENDS_IN_A_MARK.test(sentence.trim())) return found;
    const bare = found.replace(FINAL_STATEMENT_MARKS, '');
    return found.startsWith('\u00a1') && found.endsWith('!') ? bare.slice(1) : bare;
  }

  /**
   * A sentence that opens with a phrase of one or two words found here and a comma ("Hello, how are you?"), and
   * goes on for a clause of its own (not one opened by "and", "but"…) or a name: the phrase's translation, and the
   * rest of the sentence. Undefined otherwise, and for German either way: its commas open subordinate clauses
   * ("Hör auf, … zu …"), and its nouns keep their capital after one, which a model's sentence-initial capital
   * could not be told from.
   */
  opening(sentence: string): { translation: string; rest: string } | undefined {
    if (language(this.source) === 'de' || language(this.target) === 'de') return undefined;
    const [, head = '', rest = ''] = OPENING.exec(sentence.trim()) ?? [];
    if (!head || wordCount(head) > MAX_OPENING_WORDS) return undefined;
    if (wordCount(rest) < MIN_REST_WORDS && this.namesOnly(rest) === undefined) return undefined;
    if (startsWithClauseOpener(rest, this.source)) return undefined;
    const translation = this.translation(head);
    return translation === undefined ? undefined : { translation, rest };
  }

  /**
   * A rest that is only a name or two ("Tom.", "Mary!"), as it is written in the translation: names pass through
   * unchanged into a Latin-script language; undefined for anything else, and for Chinese, which writes names in its
   * own script.
   */
  namesOnly(rest: string): string | undefined {
    if (language(this.target) === 'zh' || !NAMES_ONLY.test(rest.trim())) return undefined;
    return rest.trim();
  }

  /**
   * The rest of a sentence after its opening phrase, as the model is given it: a sentence of its own, starting
   * with a capital.
   */
  static restAsSentence(rest: string): string {
    return withFirstLetter(rest, (letter) => letter.toUpperCase());
  }

  /**
   * An opening phrase's translation and the rest's as one sentence ("Hola, ¿cómo estás?"): the capital the model
   * starts the rest with lowered, unless the source's rest starts with a capital of its own (a name) or the
   * translation with English "I".
   */
  joinOpening(opening: string, rest: string, restTranslation: string): string {
    // A capital of the source's own (a name) stays; English "I" and a caseless source's rest say nothing.
    const sourceCapital = /^\P{L}*\p{Lu}/u.test(rest) && !ENGLISH_I.test(rest);
    const lower = !sourceCapital && !ENGLISH_I.test(restTranslation);
    const written = lower
      ? withFirstLetter(restTranslation, (letter) => letter.toLowerCase())
      : restTranslation;
    // Spanish opens an exclamation where the sentence starts: "¡Gracias, Mary!".
    const exclaims = language(this.target) === 'es' && /!$/u.test(written) && !written.includes('\u00a1');
    const opened = exclaims && !opening.startsWith('\u00a1') ? `\u00a1${opening}` : opening;
    return `${opened}${language(this.target) === 'zh' ? '\uff0c' : ', '}${written}`;
  }
}

/**
 * `translate` with the sentences the phrasebook knows answered from it (each streamed whole at once, no tokens
 * generated), the opening phrase of a sentence that starts with one ("Hello, how are you?") answered from it and
 * only the rest sent to the model, and every other sentence sent to the model, in one run as before.
 */
export function withPhrasebook(
  phrasebook: () => Promise<Phrasebook | undefined>,
  translate: TranslateSentences,
): TranslateSentences {
  return async (sentences, onPartial) => {
    const book = await phrasebook();
    if (!book) return translate(sentences, onPartial);
    const results: (SentenceTranslation | undefined)[] = new Array(sentences.length);
    const toModel: { index: number; text: string; opening?: { translation: string; rest: string } }[] = [];
    sentences.forEach((sentence, index) => {
      const whole = book.translation(sentence);
      const opening = whole === undefined ? book.opening(sentence) : undefined;
      const rest = opening && (book.translation(opening.rest) ?? book.namesOnly(opening.rest));
      if (whole !== undefined) results[index] = { text: whole, tokens: 0 };
      else if (opening && rest !== undefined)
        results[index] = { text: book.joinOpening(opening.translation, opening.rest, rest), tokens: 0 };
      else if (opening) toModel.push({ index, text: Phrasebook.restAsSentence(opening.rest), opening });
      else toModel.push({ index, text: sentence });
    });
    results.forEach((result, index) => result && onPartial(index, result.text));
    if (toModel.length === 0) return results as SentenceTranslation[];
    const written = (row: number, text: string) => {
      const opening = toModel[row]?.opening;
      return opening ? book.joinOpening(opening.translation, opening.rest, text) : text;
    };
    const translated = await translate(
      toModel.map(({ text }) => text),
      (row, text) => onPartial(toModel[row]?.index as number, written(row, text)),
    );
    toModel.forEach(({ index }, row) => {
      const result = translated[row] as SentenceTranslation;
      results[index] = { ...result, text: written(row, result.text) };
    });
    return results as SentenceTranslation[];
  };
}
