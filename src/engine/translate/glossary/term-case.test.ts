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

describe('opensSentence', () => {
  it('sees only punctuation, symbols and spaces before a sentence-opening word', () => {
    expect(opensSentence('¿Tom paga?', 1)).toBe(true);
    expect(opensSentence('« Tom »', 2)).toBe(true);
    expect(opensSentence('El Tom paga.', 3)).toBe(false);
  });
});
