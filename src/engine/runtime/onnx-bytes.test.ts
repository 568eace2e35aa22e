import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENCODER_PATH, HTML_PAGE, TAGGER_GRAPH, noiseBytes } from './broken-model.test-support';
import { onnxProblem } from './onnx-bytes';

const FIXTURE = new URL('../../../e2e/fixtures/models/tiny-en-es/', import.meta.url);

describe('onnxProblem', () => {
  it('reads the fixture encoder, decoder and tagger graphs as ONNX models', () => {
    for (const path of [ENCODER_PATH, 'onnx/decoder_model_merged_quantized.onnx']) {
      expect(onnxProblem(readFileSync(new URL(path, FIXTURE)))).toBeNull();
    }
    expect(onnxProblem(readFileSync(TAGGER_GRAPH))).toBeNull();
  });

  it('refuses an HTML page, JSON, noise, an empty file and a truncated model, saying which', () => {
    expect(onnxProblem(HTML_PAGE)).toBe('it is text, beginning “<!DOCTYPE html>…”');
    expect(onnxProblem(new TextEncoder().encode('{"error": "Entry not found"}'))).toBe(
      'it is text, beginning “{"error": "Entry not found"}”',
    );
    expect(onnxProblem(noiseBytes(4096))).toMatch(/not an ONNX \(protobuf\) model|ends in the middle/u);
    expect(onnxProblem(new Uint8Array())).toBe('the file is empty');
    const model = readFileSync(new URL(ENCODER_PATH, FIXTURE));
    expect(onnxProblem(model.subarray(0, model.length - 1000))).toBe(
      'it ends in the middle of a field (truncated or not a model)',
    );
  });
});
