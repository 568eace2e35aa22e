import { describe, expect, it } from 'vitest';
import { splitParagraphs } from './paragraphs';
import { translatedFileName, translationText } from './export-file';

describe('translatedFileName', () => {
  it('puts the target language before the new extension', () => {
    expect(translatedFileName('contract.pdf', 'es', 'docx')).toBe('contract.es.docx');
    expect(translatedFileName('notes.v2.txt', 'en', 'txt')).toBe('notes.v2.en.txt');
    expect(translatedFileName('README', 'es', 'txt')).toBe('README.es.txt');
    expect(translatedFileName('.pdf', 'es', 'txt')).toBe('.pdf.es.txt');
    expect(translatedFileName(' .docx', 'es', 'txt')).toBe('document.es.txt');
  });
});

describe('translationText', () => {
  it('separates paragraphs by blank lines so the text reader finds the same paragraphs', () => {
    const paragraphs = ['Uno.', 'Dos,\ntodavía dos.', 'Tres.'];
    const text = translationText(paragraphs);
    expect(text).toBe('Uno.\n\nDos,\ntodavía dos.\n\nTres.\n');
    expect(splitParagraphs(text)).toEqual(paragraphs);
  });
});
