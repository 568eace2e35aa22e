import { describe, expect, it } from 'vitest';
import { glossaryCsv, parseGlossaryCsv } from './csv';

describe('parseGlossaryCsv', () => {
  it('reads term pairs with quotes, commas, a byte-order mark, a header row and blank lines', () => {
    const csv =
      '\uFEFFsource,target\r\n"Licensee, the","Licenciatario"\r\n\r\n' +
      'Effective Date,"Fecha de ""entrada"" en vigor"\r\n  Licensor , Licenciante ,,\n';
    expect(parseGlossaryCsv(csv)).toEqual([
      { source: 'Licensee, the', target: 'Licenciatario' },
      { source: 'Effective Date', target: 'Fecha de "entrada" en vigor' },
      { source: 'Licensor', target: 'Licenciante' },
    ]);
  });

  it('takes a first row as a term unless it names the columns, and reads semicolon-separated files', () => {
    expect(parseGlossaryCsv('Licensee,Licenciatario\n')).toEqual([
      { source: 'Licensee', target: 'Licenciatario' },
    ]);
    expect(parseGlossaryCsv('term;translation\nLicensee;Licenciatario\nFee;"Tarifa; cuota"\n')).toEqual([
      { source: 'Licensee', target: 'Licenciatario' },
      { source: 'Fee', target: 'Tarifa; cuota' },
    ]);
  });

  it('names the line of a row that is not a term pair', () => {
    expect(() => parseGlossaryCsv('source,target\nLicensee,Licenciatario\n\nFee\n')).toThrow(
      /^Line 4: expected two columns, the term and its translation, but found 1/u,
    );
    expect(() => parseGlossaryCsv('a,b\n"unclosed,c\nd,e\n')).toThrow(
      /^Line 2: a double quote opens a cell that is never closed/u,
    );
    expect(() => parseGlossaryCsv('Licensee,\n')).toThrow('Line 1: the translation of “Licensee” is empty.');
    expect(() => parseGlossaryCsv(' ,Licenciatario\n')).toThrow('Line 1: the term is empty.');
  });

  it('refuses one term with two translations, and a file with no terms', () => {
    expect(() => parseGlossaryCsv('Licensee,Licenciatario\nlicensee,Concesionario\n')).toThrow(
      'Line 2: “licensee” is already on line 1 with another translation.',
    );
    expect(parseGlossaryCsv('Licensee,Licenciatario\nLICENSEE,Licenciatario\n')).toHaveLength(1);
    expect(() => parseGlossaryCsv('source,target\n')).toThrow(/holds no terms/u);
    expect(() => parseGlossaryCsv('')).toThrow(/holds no terms/u);
  });
});

describe('glossaryCsv', () => {
  it('writes what it reads back, quoting where needed', () => {
    const terms = [
      { source: 'Licensee, the', target: 'Licenciatario' },
      { source: 'Fee', target: 'Tarifa "fija"' },
    ];
    const csv = glossaryCsv(terms);
    expect(csv).toBe('\uFEFFsource,target\r\n"Licensee, the",Licenciatario\r\nFee,"Tarifa ""fija"""\r\n');
    expect(parseGlossaryCsv(csv)).toEqual(terms);
  });
});
