import { describe, expect, it } from 'vitest';
import { detectLanguage, detectParagraphs, wordCount } from './detect';
import { shippedModel } from './test-model.test-support';

describe('detectLanguage', () => {
  const model = shippedModel();

  it.each([
    ['Ayer compré un libro y después fui al parque con mis amigos.', 'es'],
    ['Yesterday I bought a book and then went to the park with my friends.', 'en'],
    ['Gestern habe ich ein Buch gekauft und bin dann mit Freunden in den Park gegangen.', 'de'],
    ["Hier j'ai acheté un livre, puis je suis allé au parc avec mes amis.", 'fr'],
    ['我昨天买了一本书，然后和朋友去了公园。', 'zh'],
  ])('names the language of %s', (text, language) => {
    const guess = detectLanguage(model, text);
    expect(guess).toMatchObject({ language, best: language });
    expect(guess.confidence).toBeGreaterThanOrEqual(model.threshold);
  });

  it('calls a word several languages share ambiguous rather than guessing', () => {
    const guess = detectLanguage(model, 'hotel');
    expect(guess.language).toBeNull();
    expect(guess.best).not.toBeNull();
    expect(guess.confidence).toBeLessThan(model.threshold);
  });

  it('has no answer for text in a script none of its languages uses', () => {
    for (const text of ['Вчера я купил книгу.', '昨日、私はほんをかいました。', 'أمس اشتريت كتابا.']) {
      expect(detectLanguage(model, text), text).toEqual({
        language: null,
        best: null,
        confidence: 0,
        otherScript: true,
      });
    }
  });

  it('has no answer for text without letters', () => {
    expect(detectLanguage(model, '  12 + 30 = 42 😀 ')).toEqual({
      language: null,
      best: null,
      confidence: 0,
    });
  });
});

describe('detectParagraphs', () => {
  it('gives each paragraph of a mixed document its own language and offsets', () => {
    const text =
      'The contract starts today.\n\nEl contrato empieza hoy y dura dos años.\r\nDer Vertrag beginnt heute.\n';
    const paragraphs = detectParagraphs(shippedModel(), text);
    expect(paragraphs.map((p) => p.language)).toEqual(['en', 'es', 'de']);
    expect(paragraphs.map((p) => p.long)).toEqual([true, true, true]);
    expect(detectParagraphs(shippedModel(), 'Hans Müller\n')).toMatchObject([
      { language: 'de', long: false },
    ]);
    expect(paragraphs.map((p) => text.slice(p.start, p.end))).toEqual([
      'The contract starts today.',
      'El contrato empieza hoy y dura dos años.',
      'Der Vertrag beginnt heute.',
    ]);
  });
});

describe('wordCount', () => {
  it('counts words, and each Chinese character as one', () => {
    expect(wordCount('Ayer compré un libro.')).toBe(4);
    expect(wordCount('我昨天买了一本书。')).toBe(8);
    expect(wordCount('Use Excel打开文件 — now')).toBe(7);
    expect(wordCount('  ')).toBe(0);
  });
});
