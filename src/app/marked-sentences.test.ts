import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MarkedTranslation, UNSURE_HINT } from './components/MarkedTranslation';
import { markedParts } from './marked-sentences';

describe('markedParts', () => {
  it('marks the unsure sentences in order and keeps every character of the text', () => {
    const text = 'Sí. Seis (60) días.\nSí. Adiós.';
    const parts = markedParts(text, ['Seis (60) días.', 'Sí.']);
    expect(parts).toEqual([
      { text: 'Sí. ', unsure: false },
      { text: 'Seis (60) días.', unsure: true },
      { text: '\n', unsure: false },
      { text: 'Sí.', unsure: true },
      { text: ' Adiós.', unsure: false },
    ]);
    expect(parts.map((part) => part.text).join('')).toBe(text);
  });

  it('leaves the text whole when nothing is unsure or an unsure sentence is not in it', () => {
    expect(markedParts('Hola.', [])).toEqual([{ text: 'Hola.', unsure: false }]);
    expect(markedParts('Hola.', ['Adiós.', ''])).toEqual([{ text: 'Hola.', unsure: false }]);
  });
});

describe('MarkedTranslation', () => {
  it('wraps each unsure sentence in a titled mark that points at the legend, and nothing else', () => {
    const html = renderToStaticMarkup(
      createElement(MarkedTranslation, { text: 'Hola. Seis (60) días.', unsure: ['Seis (60) días.'] }),
    );
    expect(html).toBe(
      `Hola. <mark class="unsure" title="${UNSURE_HINT}" aria-describedby="unsure-legend" ` +
        'data-testid="unsure-sentence">Seis (60) días.</mark>',
    );
  });
});
