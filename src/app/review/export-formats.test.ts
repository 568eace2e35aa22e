import { describe, expect, it } from 'vitest';
import { csvField, exportBaseName, exportRows, toCsv, toJson, type ReviewExport } from './export-formats';
import { parseCsv } from './parse-csv.test-support';

const text = 'Preamble.\r\n8. Governing Law. New York law, "as amended", applies.\nDone.';
const start = text.indexOf('8.');
const end = text.indexOf('\nDone');
const clauses = [
  {
    start,
    end,
    labels: [
      { label: 'Governing Law', score: 0.9991, decided: true },
      { label: 'Audit Rights', score: 0.12, decided: false },
    ],
  },
];

describe('exports', () => {
  const rows = exportRows(text, clauses);

  it('makes one row per clause label whose offsets slice the text', () => {
    expect(rows.map((r) => r.label)).toEqual(['Governing Law', 'Audit Rights']);
    for (const row of rows) expect(text.slice(row.start, row.end)).toBe(row.text);
  });

  it('writes CSV with a BOM, a header, quoted fields and CRLF rows that read back exactly', () => {
    const csv = toCsv(rows);
    expect(csv.startsWith('\uFEFFlabel,score,start,end,text\r\n')).toBe(true);
    const parsed = parseCsv(csv.slice(1));
    expect(parsed[0]).toEqual(['label', 'score', 'start', 'end', 'text']);
    expect(parsed[1]).toEqual([
      'Governing Law',
      '0.9991',
      String(start),
      String(end),
      text.slice(start, end),
    ]);
    expect(parsed).toHaveLength(3);
  });

  it('quotes only what needs quoting', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(0.5)).toBe('0.5');
  });

  it('writes JSON that parses back to the review', () => {
    const review: ReviewExport = {
      document: { name: 'msa.txt', kind: 'contract', characters: text.length },
      model: { id: 'lexlet-cuad', name: 'Contract clauses' },
      filters: { confidenceShift: 0, hiddenCategories: [] },
      facts: { parties: [{ text: 'Preamble', start: 0, end: 8 }] },
      spans: rows,
    };
    expect(JSON.parse(toJson(review))).toEqual(review);
  });

  it('names files after the document', () => {
    expect(exportBaseName('Master Services.docx')).toBe('Master-Services-review');
    expect(exportBaseName('')).toBe('document-review');
  });
});
