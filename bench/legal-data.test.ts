import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contractOfWords, countWords, unfairTosSentences } from './legal-data';

const scratch = mkdtempSync(join(tmpdir(), 'lexlet-legal-data-'));
afterAll(() => rmSync(scratch, { recursive: true }));
writeFileSync(join(scratch, 'b.txt'), 'Fourth fifth\nsixth.');
writeFileSync(join(scratch, 'a.txt'), '  First  second third');
writeFileSync(join(scratch, 'notes.md'), 'not a contract');

describe('a contract of exactly N words', () => {
  it('joins the contracts in name order and cuts after N words, keeping their whitespace', () => {
    expect(contractOfWords(scratch, 5)).toBe('First  second third\n\nFourth fifth');
    expect(countWords(contractOfWords(scratch, 6))).toBe(6);
  });

  it('fails when the contracts hold fewer words', () => {
    expect(() => contractOfWords(scratch, 7)).toThrow('holds fewer than 7 words');
  });
});

describe('UNFAIR-ToS sentences from the LexGLUE CSV', () => {
  it('reads the text column, one sentence a line', () => {
    const csv =
      'text,labels\n"we may , at any time , end this\nagreement . \n",[1]\n"hello , ""world"" ",[]\n';
    expect(unfairTosSentences(csv)).toEqual([
      'we may , at any time , end this agreement .',
      'hello , "world"',
    ]);
  });

  it('rejects a row without text', () => {
    expect(() => unfairTosSentences('text,labels\n"a",[]\n"",[]\n')).toThrow('Row 3 of the CSV has no text.');
  });
});
