import { describe, expect, it } from 'vitest';
import { DETECT_LANGUAGE, chooseSource } from './detected-source';

const AVAILABLE = ['en', 'es', 'de', 'fr', 'zh'];
const spanish = { language: 'es', best: 'es', confidence: 0.9999 };

describe('chooseSource', () => {
  it('translates from the detected language and says which it is', () => {
    expect(chooseSource(DETECT_LANGUAGE, spanish, AVAILABLE)).toEqual({
      source: 'es',
      optionLabel: 'Detect language (Spanish)',
      note: 'Detected: Spanish',
      unsure: false,
    });
  });

  it('names every language of a mixed text, the main one first', () => {
    expect(chooseSource(DETECT_LANGUAGE, spanish, AVAILABLE, false, ['en', 'de'])).toEqual({
      source: 'es',
      optionLabel: 'Detect language (Spanish, English, German)',
      note: 'Detected: Spanish, English, and German, by paragraph',
      unsure: false,
    });
  });

  it('lets the user’s own choice win over detection', () => {
    expect(chooseSource('de', spanish, AVAILABLE)).toMatchObject({ source: 'de', note: null, unsure: false });
  });

  it('says an ambiguous text is ambiguous instead of guessing', () => {
    const choice = chooseSource(DETECT_LANGUAGE, { language: null, best: 'es', confidence: 0.6 }, AVAILABLE);
    expect(choice).toMatchObject({ source: 'en', optionLabel: 'Detect language (not sure)', unsure: true });
    expect(choice.note).toBe(
      'Not sure which language this is — translating from English; choose the language under From.',
    );
  });

  it('waits quietly while there is no text (or the detector is loading)', () => {
    expect(chooseSource(DETECT_LANGUAGE, null, AVAILABLE)).toMatchObject({ source: 'en', note: null });
    const empty = { language: null, best: null, confidence: 0 };
    expect(chooseSource(DETECT_LANGUAGE, empty, ['es', 'fr'])).toMatchObject({ source: 'es', note: null });
  });

  it('says when the detected language has no model, or the detector could not load', () => {
    expect(chooseSource(DETECT_LANGUAGE, spanish, ['en', 'fr']).note).toBe(
      'Detected: Spanish, which no model here translates — translating from English; choose the language under From.',
    );
    expect(chooseSource(DETECT_LANGUAGE, null, AVAILABLE, true)).toMatchObject({
      source: 'en',
      unsure: true,
    });
    const russian = { language: null, best: null, confidence: 0, otherScript: true };
    expect(chooseSource(DETECT_LANGUAGE, russian, AVAILABLE).note).toBe(
      'This text is not in a language Lexlet can detect — translating from English; choose the language under From.',
    );
  });
});
