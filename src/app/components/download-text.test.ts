import { describe, expect, it } from 'vitest';
import type { CatalogModel } from '../../engine/types';
import {
  SIZE_UNKNOWN_TEXT,
  downloadOfferText,
  downloadText,
  modelSize,
  modelSizeText,
  remoteSourceText,
} from './download-text';

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

const remote: CatalogModel = {
  ...model,
  id: 'Xenova/opus-mt-en-es',
  name: 'English → Spanish (OPUS-MT, Hugging Face)',
  baseUrl: 'https://huggingface.co/Xenova/opus-mt-en-es/resolve/main/',
  remote: true,
  files: [
    { path: 'config.json', size: null, sha256: null },
    { path: 'onnx/encoder_model_quantized.onnx', size: 12, sha256: null },
  ],
};

describe('download texts', () => {
  it('sums file sizes for the offer', () => {
    expect(modelSize(model)).toBe(76_500_000);
    expect(downloadOfferText(model)).toBe('Download English → Spanish (76.5 MB)');
  });

  it('offers a model of unknown size without inventing one', () => {
    expect(modelSize(remote)).toBeNull();
    expect(downloadOfferText(remote)).toBe(
      'Download English → Spanish (OPUS-MT, Hugging Face) — from the internet, size shown when the download starts',
    );
  });

  it('shows the best size known: catalog, then the engine status, then the running download', () => {
    expect(modelSizeText(model)).toBe('76.5 MB');
    expect(modelSizeText(remote)).toBe(SIZE_UNKNOWN_TEXT);
    expect(modelSizeText(remote, { totalBytes: null })).toBe(SIZE_UNKNOWN_TEXT);
    expect(modelSizeText(remote, { totalBytes: 48_200_000 })).toBe('48.2 MB');
    const starting = { loaded: 0, total: 0, rate: 0, etaSeconds: null };
    expect(modelSizeText(remote, { totalBytes: null }, starting)).toBe(SIZE_UNKNOWN_TEXT);
    const sized = { loaded: 1_000, total: 51_000_000, rate: 0, etaSeconds: null };
    expect(modelSizeText(remote, { totalBytes: null }, sized)).toBe('51.0 MB');
  });

  it('shows percent, bytes, rate and time left when known', () => {
    expect(downloadText({ loaded: 4_368_000, total: 10_400_000, rate: 1_200_000, etaSeconds: 10 })).toBe(
      'Downloading 42% · 4.4 of 10.4 MB · 1.20 MB/s · 10 s left',
    );
  });

  it('shows bytes beside the percent before a time left is known', () => {
    expect(downloadText({ loaded: 3_100_000, total: 10_400_000, rate: 0, etaSeconds: null })).toBe(
      'Downloading 29% · 3.1 of 10.4 MB',
    );
  });

  it('shows bytes so far, never a percentage or a time, while the total is unknown', () => {
    expect(downloadText({ loaded: 0, total: 0, rate: 0, etaSeconds: null })).toBe('Downloading…');
    const text = downloadText({ loaded: 3_200_000, total: 0, rate: 1_200_000, etaSeconds: 5 });
    expect(text).toBe('Downloading… 3.20 MB so far · 1.20 MB/s');
    expect(text).not.toMatch(/NaN|Infinity|%/);
  });

  it('says where a remote model comes from and that it needs the internet once', () => {
    expect(remoteSourceText(remote)).toBe('Downloads from Hugging Face — needs internet the first time');
    expect(remoteSourceText({ ...remote, baseUrl: 'http://127.0.0.1:4180/m/' })).toBe(
      'Downloads from 127.0.0.1:4180 — needs internet the first time',
    );
  });
});
