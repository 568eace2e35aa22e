import { describe, expect, it } from 'vitest';
import { legalTable, type LegalTableRow } from './legal-table';

const row = (fields: Partial<LegalTableRow> & Pick<LegalTableRow, 'task' | 'runner'>): LegalTableRow => ({
  speed: { median: 0, min: 0, max: 0 },
  more: [],
  identical: 0,
  sameLabels: 0,
  outputs: 0,
  ...fields,
});

describe('legalTable', () => {
  it('prints seconds per contract to the millisecond, sentences/s whole, then the bench columns and matches', () => {
    const table = legalTable({ runner: 'runner', more: ['CPU s'], reference: 'CLI' }, [
      row({
        task: 'contract',
        runner: 'lexlet tag --task contract FILE',
        speed: { median: 1.28549, min: 1.2, max: 1.31 },
        more: ['0.75 (0.70–0.80)'],
        identical: 1,
        sameLabels: 1,
        outputs: 1,
      }),
      row({
        task: 'unfair-tos',
        runner: 'engine, onnxruntime-node',
        speed: { median: 5423.4, min: 5000.6, max: 6001 },
        more: ['0.30 (0.29–0.31)'],
        identical: 2270,
        sameLabels: 2275,
        outputs: 2275,
      }),
    ]);
    expect(table.split('\n').map((line) => line.trimEnd())).toEqual([
      'task        runner                           s per contract | sentences/s  CPU s             same as CLI  same labels',
      'contract    lexlet tag --task contract FILE  1.285 (1.200–1.310)           0.75 (0.70–0.80)  1/1          1/1',
      'unfair-tos  engine, onnxruntime-node         5423 (5001–6001)              0.30 (0.29–0.31)  2270/2275    2275/2275',
    ]);
  });

  it('names the runner column, the bench columns and the reference as the bench does', () => {
    const table = legalTable({ runner: 'model', more: ['first pass', 'extra'], reference: 'Node engine' }, [
      row({
        task: 'contract',
        runner: 'lexlet-cuad',
        more: ['0.555', 'x'],
        identical: 1,
        sameLabels: 1,
        outputs: 1,
      }),
    ]);
    expect(table.split('\n').map((line) => line.trimEnd())).toEqual([
      'task      model        s per contract | sentences/s  first pass  extra  same as Node engine  same labels',
      'contract  lexlet-cuad  0.000 (0.000–0.000)           0.555       x      1/1                  1/1',
    ]);
  });
});
