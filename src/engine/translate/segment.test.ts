import { describe, expect, it } from 'vitest';
import {
  clauseSpans,
  cutAroundNumbers,
  fitClause,
  isUntranslatable,
  openerSpans,
  segmentText,
  wordRunSpans,
  wordCount,
  type Piece,
} from './segment';

const sentences = (pieces: Piece[]) =>
  pieces.filter((piece) => piece.kind === 'sentence').map((piece) => piece.text);
const joined = (pieces: Piece[]) => pieces.map((piece) => piece.text).join('');

describe('segmentText', () => {
  const samples = [
    'Hello world. How are you?',
    '  Indented first line.\n\n\nSecond paragraph after two blank lines.  \n',
    'Line one\r\nLine two\r\n',
    '\n\n  \t\n',
    '',
    'Trailing spaces   ',
  ];

  it.each(samples)('rebuilds the exact input: %j', (text) => {
    expect(joined(segmentText(text, 'en'))).toBe(text);
  });

  it('splits sentences and keeps the spaces between them apart', () => {
    const pieces = segmentText('Hello world.  How are you? Fine!', 'en');
    expect(sentences(pieces)).toEqual(['Hello world.', 'How are you?', 'Fine!']);
    expect(pieces.filter((piece) => piece.kind === 'space').map((piece) => piece.text)).toEqual(['  ', ' ']);
  });

  it('never joins text across line breaks', () => {
    expect(sentences(segmentText('A sentence that\ncontinues on the next line.', 'en'))).toEqual([
      'A sentence that',
      'continues on the next line.',
    ]);
  });

  it('keeps paragraph breaks, blank lines and indentation as whitespace pieces', () => {
    const pieces = segmentText('  First.\n\n\tSecond.\n', 'en');
    expect(pieces).toEqual([
      { kind: 'space', text: '  ' },
      { kind: 'sentence', text: 'First.' },
      { kind: 'space', text: '\n\n\t' },
      { kind: 'sentence', text: 'Second.' },
      { kind: 'space', text: '\n' },
    ]);
  });

  it('marks numbers, URLs, e-mails and punctuation to pass through', () => {
    const pieces = segmentText(
      '42\nhttps://example.com/a?b=1\nwrite@example.org\n— … —\n3.14159\nSee 42 cats.',
      'en',
    );
    expect(pieces.filter((piece) => piece.kind === 'keep').map((piece) => piece.text)).toEqual([
      '42',
      'https://example.com/a?b=1',
      'write@example.org',
      '— … —',
      '3.14159',
    ]);
    expect(sentences(pieces)).toEqual(['See 42 cats.']);
  });
});

describe('isUntranslatable', () => {
  it.each(['1,234.56', '(12)', 'www.example.com', 'https://a.b/c; http://d.e', '§ 4.2 –'])(
    '%j passes through',
    (text) => expect(isUntranslatable(text)).toBe(true),
  );
  it.each(['Hello', 'See https://example.com', 'Año 2024', 'Ωμέγα'])('%j is translated', (text) =>
    expect(isUntranslatable(text)).toBe(false),
  );
});

describe('sentence boundaries', () => {
  it('never cuts inside a URL or e-mail address', () => {
    const text = 'Go to https://example.com/search?q=1! Then write to x@y.org. Done.';
    const pieces = segmentText(text, 'en');
    expect(joined(pieces)).toBe(text);
    expect(pieces.filter((piece) => piece.kind === 'keep').map((piece) => piece.text)).toEqual([
      'https://example.com/search?q=1',
      '!',
      'x@y.org',
      '.',
    ]);
  });
});

describe('addresses inside a sentence', () => {
  it('include host names without a scheme, but not abbreviations, file names or a missing space', () => {
    const text =
      'See example.com/terms or Example.co.uk, e.g. report.pdf; it was paid.In the end, lexlet.app.';
    const pieces = segmentText(text, 'en');
    expect(joined(pieces)).toBe(text);
    expect(pieces.filter((piece) => piece.kind === 'keep').map((piece) => piece.text)).toEqual([
      'example.com/terms',
      'Example.co.uk',
      ',',
      'lexlet.app',
      '.',
    ]);
  });

  it('are kept, and the words around them are translated as clauses of the sentence', () => {
    const text = 'Visit https://example.com/terms for details, or write to help@example.com.';
    const pieces = segmentText(text, 'en');
    expect(joined(pieces)).toBe(text);
    expect(pieces.filter((piece) => piece.kind !== 'space')).toEqual([
      { kind: 'sentence', text: 'Visit', clause: 'first' },
      { kind: 'keep', text: 'https://example.com/terms' },
      { kind: 'sentence', text: 'for details, or write to', clause: 'next' },
      { kind: 'keep', text: 'help@example.com' },
      { kind: 'keep', text: '.' },
    ]);
  });

  it('cut a clause even when only one stretch of words is left', () => {
    const pieces = segmentText('Questions to info@example.com', 'en');
    expect(pieces).toEqual([
      { kind: 'sentence', text: 'Questions to', clause: 'first' },
      { kind: 'space', text: ' ' },
      { kind: 'keep', text: 'info@example.com' },
    ]);
  });
});

describe('cutAroundNumbers', () => {
  it('keeps the numbers and continues the clause position of the piece it cuts', () => {
    const text = 'She paid 1,250 dollars on 2024-05-01.';
    const pieces = cutAroundNumbers({ kind: 'sentence', text });
    expect(joined(pieces)).toBe(text);
    expect(pieces.filter((piece) => piece.kind !== 'space')).toEqual([
      { kind: 'sentence', text: 'She paid', clause: 'first' },
      { kind: 'keep', text: '1,250' },
      { kind: 'sentence', text: 'dollars on', clause: 'next' },
      { kind: 'keep', text: '2024-05-01' },
      { kind: 'keep', text: '.' },
    ]);
    const units = 'Output fell by over 14 %, from 2,16mt to 1,85mt.';
    const unitPieces = cutAroundNumbers({ kind: 'sentence', text: units });
    expect(joined(unitPieces)).toBe(units);
    expect(unitPieces.filter((piece) => piece.kind !== 'space')).toEqual([
      { kind: 'sentence', text: 'Output fell by over', clause: 'first' },
      { kind: 'keep', text: '14' },
      { kind: 'keep', text: '%,' },
      { kind: 'sentence', text: 'from', clause: 'next' },
      { kind: 'keep', text: '2,16mt' },
      { kind: 'sentence', text: 'to', clause: 'next' },
      { kind: 'keep', text: '1,85mt' },
      { kind: 'keep', text: '.' },
    ]);
    const chinese = '他有2个孩子，一个4岁。';
    const chinesePieces = cutAroundNumbers({ kind: 'sentence', text: chinese });
    expect(joined(chinesePieces)).toBe(chinese);
    expect(chinesePieces.filter((piece) => piece.kind === 'keep').map((piece) => piece.text)).toEqual([
      '2',
      '4',
    ]);
    expect(sentences(chinesePieces)).toEqual(['他有', '个孩子，一个', '岁。']);
    const next = cutAroundNumbers({ kind: 'sentence', text: 'and 3 more', clause: 'next' });
    expect(
      next
        .filter((piece) => piece.kind === 'sentence')
        .map((piece) => piece.kind === 'sentence' && piece.clause),
    ).toEqual(['next', 'next']);
  });
});

describe('punctuation next to a kept number or address', () => {
  it('stays with it instead of going to the model', () => {
    const text = '(6) Whereas the price ($5) was cut, see www.example.org/a).';
    const pieces = cutAroundNumbers({ kind: 'sentence', text });
    expect(joined(pieces)).toBe(text);
    expect(sentences(pieces)).toEqual(['Whereas the price', 'was cut, see www.example.org/a).']);
    expect(pieces.filter((piece) => piece.kind === 'keep').map((piece) => piece.text)).toEqual([
      '(',
      '6',
      ')',
      '($',
      '5',
      ')',
    ]);
    const address = 'Write to me (see https://example.org/form), then wait.';
    const addressPieces = segmentText(address, 'en');
    expect(joined(addressPieces)).toBe(address);
    expect(sentences(addressPieces)).toEqual(['Write to me (see', 'then wait.']);
    expect(addressPieces.filter((piece) => piece.kind === 'keep').map((piece) => piece.text)).toEqual([
      'https://example.org/form',
      '),',
    ]);
  });
});

describe('clauses of long sentences', () => {
  const long =
    'The committee, which met on Tuesday, adopted the report; however, several members said that the budget was far too small: it covers one year only.';

  it('splits after , ; or : into clauses of at least six words, and keeps the spaces between them', () => {
    expect(clauseSpans(long)).toEqual([
      { text: 'The committee, which met on Tuesday,', after: ' ' },
      {
        text: 'adopted the report; however, several members said that the budget was far too small:',
        after: ' ',
      },
      { text: 'it covers one year only.', after: '' },
    ]);
  });

  it('cuts a long clause without commas before a clause opener of its language, each part at least six words', () => {
    const english = 'The committee will review the proposal next week and publish its findings in March.';
    expect(openerSpans(english, 'en', 12)).toEqual([
      { text: 'The committee will review the proposal next week', after: ' ' },
      { text: 'and publish its findings in March.', after: '' },
    ]);
    const spanish =
      'El comité revisará la propuesta la próxima semana y publicará sus conclusiones en marzo.';
    expect(openerSpans(spanish, 'es-ES', 12).map((span) => span.text)).toEqual([
      'El comité revisará la propuesta la próxima semana',
      'y publicará sus conclusiones en marzo.',
    ]);
    const shortTail = 'Cats and dogs sleep all day long in the sun and the rain today.';
    expect(openerSpans(shortTail, 'en', 12)).toEqual([{ text: shortTail, after: '' }]);
    expect(openerSpans('We stay home and read a good book together.', 'en', 12)).toHaveLength(1);
    expect(openerSpans(english, 'ja', 12)).toHaveLength(1);

    const text = `Hello. ${english}`;
    const pieces = segmentText(text, 'en', { splitSentencesOverWords: 12 });
    expect(joined(pieces)).toBe(text);
    expect(sentences(pieces)).toEqual([
      'Hello.',
      'The committee will review the proposal next week',
      'and publish its findings in March.',
    ]);
  });

  it('cuts a long line with no punctuation at spaces into runs of at most the limit, dropping nothing', () => {
    const words = Array.from({ length: 2000 }, (_, i) => ['cats', 'sleep', 'here', 'all', 'day'][i % 5]);
    const line = `  ${words.join(' ')}   tail words  `;
    const pieces = segmentText(line, 'en', { splitSentencesOverWords: 12 });
    expect(joined(pieces)).toBe(line);
    const runs = sentences(pieces);
    expect(runs.length).toBeGreaterThanOrEqual(2002 / 12);
    for (const run of runs) expect(wordCount(run)).toBeLessThanOrEqual(12);
    expect(runs.join(' ').split(/\s+/u)).toEqual([...words, 'tail', 'words']);
    expect(wordRunSpans('one two three', 1).map((span) => span.text)).toEqual(['one', 'two', 'three']);
    // Up to twice the limit a clause stays whole: cuts at clause openers have done what they could.
    expect(wordRunSpans(words.slice(0, 24).join(' '), 12)).toHaveLength(1);
    expect(wordRunSpans('我们'.repeat(100), 12)).toHaveLength(1);
  });

  it('leaves short sentences whole and rebuilds the exact text', () => {
    const text = `Short one, still whole.  ${long}\nNext line, also short.`;
    const pieces = segmentText(text, 'en', { splitSentencesOverWords: 12 });
    expect(joined(pieces)).toBe(text);
    expect(sentences(pieces)).toEqual([
      'Short one, still whole.',
      'The committee, which met on Tuesday,',
      'adopted the report; however, several members said that the budget was far too small:',
      'it covers one year only.',
      'Next line, also short.',
    ]);
    expect(sentences(segmentText(text, 'en'))).toHaveLength(3);
  });

  it('splits Chinese after its full-width marks, counting about one word per one and a half characters', () => {
    const chinese = '委员会在星期二举行会议，通过了关于预算的报告；但是几位成员说，预算太少了。';
    expect(clauseSpans(chinese)).toEqual([
      { text: '委员会在星期二举行会议，', after: '' },
      { text: '通过了关于预算的报告；', after: '' },
      { text: '但是几位成员说，预算太少了。', after: '' },
    ]);
    const pieces = segmentText(`你好，朋友。${chinese}`, 'zh', { splitSentencesOverWords: 12 });
    expect(joined(pieces)).toBe(`你好，朋友。${chinese}`);
    expect(sentences(pieces)).toEqual([
      '你好，朋友。',
      '委员会在星期二举行会议，',
      '通过了关于预算的报告；',
      '但是几位成员说，预算太少了。',
    ]);
  });

  it('never splits inside a URL', () => {
    const text =
      'See https://example.com/a,b;c for the full list of the twenty members of the board, as agreed.';
    expect(joined(segmentText(text, 'en', { splitSentencesOverWords: 5 }))).toBe(text);
    expect(clauseSpans(text).some((clause) => clause.text.includes('https://example.com/a,b;c'))).toBe(true);
  });
});

describe('fitClause', () => {
  it("restores the source clause's mark and lower-case start, and leaves whole sentences alone", () => {
    expect(fitClause({ kind: 'sentence', text: 'When it rains,', clause: 'first' }, 'Cuando llueve.')).toBe(
      'Cuando llueve,',
    );
    expect(
      fitClause({ kind: 'sentence', text: 'we stay home.', clause: 'next' }, 'Nos quedamos en casa.'),
    ).toBe('nos quedamos en casa.');
    expect(fitClause({ kind: 'sentence', text: 'as I said;', clause: 'next' }, 'I said it.')).toBe(
      'I said it;',
    );
    expect(
      fitClause({ kind: 'sentence', text: 'and so on:', clause: 'next' }, 'Y así sucesivamente...'),
    ).toBe('y así sucesivamente...');
    expect(fitClause({ kind: 'sentence', text: 'A whole sentence,' }, 'Una frase entera.')).toBe(
      'Una frase entera.',
    );
  });

  it('writes a Chinese clause mark as the target language does', () => {
    expect(
      fitClause(
        { kind: 'sentence', text: '委员会在星期二举行会议，', clause: 'first' },
        'The committee met on Tuesday.',
        'en',
      ),
    ).toBe('The committee met on Tuesday,');
    expect(
      fitClause(
        { kind: 'sentence', text: '但是几位成员说。', clause: 'next' },
        'But some members said.',
        'en',
      ),
    ).toBe('but some members said.');
    expect(fitClause({ kind: 'sentence', text: '联合国说。', clause: 'next' }, 'UNDP said.', 'en')).toBe(
      'UNDP said.',
    );
    expect(fitClause({ kind: 'sentence', text: '我说。', clause: 'next' }, "I'm saying.", 'en')).toBe(
      "I'm saying.",
    );
  });

  it("keeps one clause mark when the model copied the source's and added a full stop", () => {
    const clause: Piece = { kind: 'sentence', text: 'En 1999, reclutó a Turquía,', clause: 'first' };
    expect(fitClause(clause, 'In 1999, it recruited Turkey,.')).toBe('In 1999, it recruited Turkey,');
    expect(fitClause({ ...clause, text: 'y además;' }, 'and also, .')).toBe('and also;');
    expect(fitClause({ ...clause, text: '委员会在星期二举行会议，' }, 'The committee met,.', 'en')).toBe(
      'The committee met,',
    );
  });

  it('drops the full stop a model adds to a clause cut after a word', () => {
    expect(fitClause({ kind: 'sentence', text: 'Questions to', clause: 'first' }, 'Preguntas a.')).toBe(
      'Preguntas a',
    );
    expect(fitClause({ kind: 'sentence', text: 'Why not?', clause: 'next' }, '¿Por qué no?')).toBe(
      '¿Por qué no?',
    );
  });
});
