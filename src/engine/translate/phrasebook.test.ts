import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LexletError } from '../errors';
import { phrasebookModel } from './passes/phrasebook-model.test-support';
import { Phrasebook, phrasebookKey, withPhrasebook } from './phrasebook';
import cases from './phrasebook-keys.test-cases.json';

const doc = (entries: unknown, source = 'en', target = 'es') => ({
  format: 'lexlet-phrasebook/1',
  source,
  target,
  entries,
});
const book = Phrasebook.parse(
  doc([
    ['hello', 'Hola.'],
    ['good morning', 'Buenos días.'],
    ['run', '¡Corre!'],
    ['how are you?', '¿Cómo estás?'],
  ]),
);

describe('phrasebookKey', () => {
  it.each(cases as [string, string][])('keys %j as %j, as the training pipeline does', (text, key) => {
    expect(phrasebookKey(text)).toBe(key);
  });
});

describe('Phrasebook', () => {
  it('answers a sentence however its case, spacing and final mark were typed', () => {
    expect(book.translation('Hello.')).toBe('Hola.');
    expect(book.translation('Hello!')).toBe('¡Hola!');
    expect(book.translation('  good morning. ')).toBe('Buenos días.');
    expect(book.translation('How are you?')).toBe('¿Cómo estás?');
  });

  it('leaves the final mark out of the translation of a sentence typed without one', () => {
    expect(book.translation('Hello')).toBe('Hola');
    expect(book.translation('Run')).toBe('Corre');
    expect(book.translation('Run!')).toBe('¡Corre!');
  });

  it('keeps an exclamation as each language writes it', () => {
    const say = (target: string, translation: string, sentence = 'Hello!') =>
      Phrasebook.parse({ ...doc([['hello', translation]]), target }).translation(sentence);
    expect(say('en', 'Hi.')).toBe('Hi!');
    expect(say('de', 'Hallo.')).toBe('Hallo!');
    expect(say('fr', 'Salut.')).toBe('Salut !');
    expect(say('zh', '你好。')).toBe('你好！');
    expect(say('es', 'Hola.', 'Hello！')).toBe('¡Hola!');
    expect(say('en', 'Hi?')).toBe('Hi?');
    expect(say('en', 'Hi.', 'Hello.')).toBe('Hi.');
  });

  it('does not take a question for the statement, or a longer sentence for a short one', () => {
    expect(book.translation('Hello?')).toBeUndefined();
    expect(book.translation('How are you.')).toBeUndefined();
    expect(book.translation('Hello, Tom.')).toBeUndefined();
  });

  it('reads its gzip-compressed file', async () => {
    const bytes = gzipSync(JSON.stringify(doc([['hello', 'Hola.']])));
    const read = await Phrasebook.fromFile(new Uint8Array(bytes));
    expect(read.size).toBe(1);
    expect(read.translation('hello')).toBe('Hola');
  });

  it('says which file is broken when it is not a phrasebook', async () => {
    const notGzip = Phrasebook.fromFile(new TextEncoder().encode('{}'), 'lexlet-en-es/phrasebook.bin');
    await expect(notGzip).rejects.toThrow('lexlet-en-es/phrasebook.bin is not gzip-compressed JSON.');
    await expect(notGzip).rejects.toBeInstanceOf(LexletError);
    expect(() => Phrasebook.parse({ format: 'other', entries: [] })).toThrow('is not a phrasebook');
    expect(() => Phrasebook.parse(doc([['hello', 3]]))).toThrow('not [sentence, translation]');
  });
});

describe('Phrasebook openings', () => {
  it('takes a phrase of one or two words before a comma, with a clause or a name after it', () => {
    expect(book.opening('Hello, how are you today?')).toEqual({
      translation: 'Hola',
      rest: 'how are you today?',
    });
    expect(book.opening('Good morning, Mary Smith.')).toEqual({
      translation: 'Buenos días',
      rest: 'Mary Smith.',
    });
    expect(book.opening('Hello, you too.')).toBeUndefined();
    expect(book.opening('Hello there, how are you?')).toBeUndefined();
    expect(book.opening('Hello how are you?')).toBeUndefined();
    expect(book.opening('Hello, and welcome to the show.')).toBeUndefined();
  });

  it('leaves German alone, either way', () => {
    const german = Phrasebook.parse(doc([['hör auf', 'Stop it.']], 'de', 'en'));
    expect(german.opening('Hör auf, sie zu ärgern, bitte!')).toBeUndefined();
    const intoGerman = Phrasebook.parse(doc([['hello', 'Hallo.']], 'en', 'de'));
    expect(intoGerman.opening('Hello, how are you today?')).toBeUndefined();
  });

  it('joins the two translations as one sentence, in the case and marks of the target', () => {
    expect(book.joinOpening('Hola', 'how are you?', '¿Cómo estás?')).toBe('Hola, ¿cómo estás?');
    expect(book.joinOpening('Gracias', 'Mary!', 'Mary!')).toBe('¡Gracias, Mary!');
    expect(book.joinOpening('Hola', 'I think so.', 'Creo que sí.')).toBe('Hola, creo que sí.');
    const english = Phrasebook.parse(doc([], 'es', 'en'));
    expect(english.joinOpening('Hi', 'creo que sí.', 'I think so.')).toBe('Hi, I think so.');
    const chinese = Phrasebook.parse(doc([], 'en', 'zh'));
    expect(chinese.joinOpening('你好', 'how are you?', '你好吗？')).toBe('你好，你好吗？');
    expect(chinese.namesOnly('Tom.')).toBeUndefined();
  });
});

describe('withPhrasebook', () => {
  it('sends the model only the sentences the phrasebook does not know, and keeps their order', async () => {
    const model = phrasebookModel({ 'I plowed as much as I could.': 'Aré lo que pude.' });
    const partials: [number, string][] = [];
    const translate = withPhrasebook(async () => book, model.translate);
    const results = await translate(
      ['Hello.', 'I plowed as much as I could.', 'Good morning'],
      (index, text) => partials.push([index, text]),
    );
    expect(model.calls).toEqual([['I plowed as much as I could.']]);
    expect(results.map((result) => result.text)).toEqual(['Hola.', 'Aré lo que pude.', 'Buenos días']);
    expect(results.map((result) => result.tokens)).toEqual([0, 1, 0]);
    expect(partials).toEqual([
      [0, 'Hola.'],
      [2, 'Buenos días'],
      [1, 'Aré'],
    ]);
  });

  it('sends the model the rest of a sentence that opens with a phrase it knows, as a sentence', async () => {
    const model = phrasebookModel({ 'How are you today?': '¿Cómo estás hoy?' });
    const partials: string[] = [];
    const translate = withPhrasebook(async () => book, model.translate);
    const results = await translate(['Hello, how are you today?', 'Hello, Tom.'], (_, text) =>
      partials.push(text),
    );
    expect(model.calls).toEqual([['How are you today?']]);
    expect(results.map((result) => result.text)).toEqual(['Hola, ¿cómo estás hoy?', 'Hola, Tom.']);
    expect(partials).toContain('Hola, ¿cómo');
  });

  it('runs no model when the phrasebook knows every sentence, and every sentence through it without one', async () => {
    const model = phrasebookModel();
    await withPhrasebook(async () => book, model.translate)(['Hello!'], () => undefined);
    expect(model.calls).toEqual([]);
    const results = await withPhrasebook(async () => undefined, model.translate)(['Hello!'], () => undefined);
    expect(model.calls).toEqual([['Hello!']]);
    expect(results[0]?.text).toBe('Hello!');
  });
});
