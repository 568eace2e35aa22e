import { describe, expect, it } from 'vitest';
import { fitTermCase, opensSentence } from './term-case';

describe('fitTermCase', () => {
  it('capitalises a term that opens its sentence', () => {
    expect(fitTermCase('licenciatario', { opens: true, sourceText: 'licensee', mirrorCase: true })).toBe(
      'Licenciatario',
    );
  });

  it('follows the case of the source occurrence mid-sentence, where the source language capitalises by meaning', () => {
    expect(fitTermCase('Licenciatario', { opens: false, sourceText: 'licensee', mirrorCase: true })).toBe(
      'licenciatario',
    );
    expect(fitTermCase('licenciatario', { opens: false, sourceText: 'Licensee', mirrorCase: true })).toBe(
      'Licenciatario',
    );
    // German capitalises every noun: its capital says nothing about the target term.
    expect(
      fitTermCase('licenciatario', { opens: false, sourceText: 'Lizenznehmer', mirrorCase: false }),
    ).toBe('licenciatario');
  });

  it('keeps acronyms and terms whose source occurrence opened the source sentence as written', () => {
    expect(fitTermCase('UE', { opens: false, sourceText: 'eu', mirrorCase: true })).toBe('UE');
    expect(fitTermCase('Licenciatario', { opens: false, mirrorCase: true })).toBe('Licenciatario');
  });
});

describe('fitTermCase with articles', () => {
  const es = ['el', 'la'];
  const fr = ['le', "l'"];
  it("follows the source's case on the word after an article, and keeps the article as written", () => {
    const place = { opens: false, mirrorCase: true, targetArticles: es };
    expect(fitTermCase('el licenciante', { ...place, sourceText: 'Licensor' })).toBe('el Licenciante');
    expect(fitTermCase('el Licenciante', { ...place, sourceText: 'licensor' })).toBe('el licenciante');
    expect(fitTermCase("l'acheteur", { ...place, sourceText: 'Buyer', targetArticles: fr })).toBe(
      "l'Acheteur",
    );
    expect(
      fitTermCase('Licenciante', { ...place, sourceText: 'the Licensor', sourceArticles: ['the'] }),
    ).toBe('Licenciante');
    expect(fitTermCase('el Licenciante', { ...place, opens: true, sourceText: 'Licensor' })).toBe(
      'El Licenciante',
    );
    // A word that only starts like an article is no article.
    expect(fitTermCase('elemento', { ...place, sourceText: 'Item' })).toBe('Elemento');
  });
});

describe('opensSentence', () => {
  it('sees only punctuation, symbols and spaces before a sentence-opening word', () => {
    expect(opensSentence('¿Tom paga?', 1)).toBe(true);
    expect(opensSentence('« Tom »', 2)).toBe(true);
    expect(opensSentence('El Tom paga.', 3)).toBe(false);
  });
});
