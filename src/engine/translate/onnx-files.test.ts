import { describe, expect, it } from 'vitest';
import { chooseSeq2SeqFiles } from './onnx-files';

const files = (...paths: string[]) => paths.map((path) => ({ path, size: 1, sha256: '0'.repeat(64) }));
const optimum = files(
  'config.json',
  'onnx/encoder_model.onnx',
  'onnx/encoder_model_quantized.onnx',
  'onnx/decoder_model_merged.onnx',
  'onnx/decoder_model_merged_quantized.onnx',
);

describe('chooseSeq2SeqFiles', () => {
  it('takes q8 on CPU and WASM, full precision on WebGPU', () => {
    expect(chooseSeq2SeqFiles(optimum, 'wasm')).toEqual({
      encoder: 'onnx/encoder_model_quantized.onnx',
      decoder: 'onnx/decoder_model_merged_quantized.onnx',
    });
    expect(chooseSeq2SeqFiles(optimum, 'cpu').decoder).toBe('onnx/decoder_model_merged_quantized.onnx');
    expect(chooseSeq2SeqFiles(optimum, 'webgpu')).toEqual({
      encoder: 'onnx/encoder_model.onnx',
      decoder: 'onnx/decoder_model_merged.onnx',
    });
  });

  it('uses whatever single variant a catalog lists', () => {
    const quantizedOnly = files(
      'onnx/encoder_model_quantized.onnx',
      'onnx/decoder_model_merged_quantized.onnx',
    );
    expect(chooseSeq2SeqFiles(quantizedOnly, 'webgpu').encoder).toBe('onnx/encoder_model_quantized.onnx');
  });

  it('falls back to a decoder without cache', () => {
    expect(
      chooseSeq2SeqFiles(files('onnx/encoder_model.onnx', 'onnx/decoder_model.onnx'), 'cpu').decoder,
    ).toBe('onnx/decoder_model.onnx');
  });

  it('explains what is missing', () => {
    expect(() => chooseSeq2SeqFiles(files('onnx/encoder_model.onnx'), 'cpu')).toThrow(/decoder_model_merged/);
  });
});
