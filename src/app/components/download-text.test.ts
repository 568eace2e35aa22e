import { describe, expect, it } from 'vitest';
import type { CatalogModel } from '../../engine/types';
import { downloadOfferText, downloadText, modelSize } from './download-text';

const model: CatalogModel = {
  id: 'opus-en-es',
  name: 'English → Spanish',
  task: 'translation',
  baseUrl: 'x/',
  license: 'CC-BY-4.0',
  attribution: 'x',
  files: [
    { path: 'a.onnx', size: 40_000_000, sha256: 'a' },
    { path: 'b.onnx', size: 36_500_000, sha256: 'b' },
  ],
};

describe('download texts', () => {
  it('sums file sizes for the offer', () => {
    expect(modelSize(model)).toBe(76_500_000);
    expect(downloadOfferText(model)).toBe('Download English → Spanish (76.5 MB)');
  });

  it('shows percent, rate and time left when known', () => {
    expect(downloadText({ loaded: 21, total: 50, rate: 1_200_000, etaSeconds: 10 })).toBe(
      'Downloading 42% · 1.20 MB/s · 10 s left',
    );
    expect(downloadText({ loaded: 0, total: 0, rate: 0, etaSeconds: null })).toBe('Downloading 0%');
  });
});
