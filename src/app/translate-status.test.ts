import { describe, expect, it } from 'vitest';
import { statsText } from './translate-status';

describe('statsText', () => {
  it('shows backend, tokens, rate and time', () => {
    expect(statsText({ tokens: 42, seconds: 3.5, backend: 'wasm' })).toBe(
      'WASM · 42 tokens · 12 tokens/s · 3.5 s',
    );
    expect(statsText({ tokens: 3, seconds: 2, backend: 'webgpu' })).toBe(
      'WebGPU · 3 tokens · 1.5 tokens/s · 2.0 s',
    );
    expect(statsText({ tokens: 1, seconds: 0, backend: 'wasm' })).toBe(
      'WASM · 1 token · 0.0 tokens/s · 0.0 s',
    );
  });

  it('says when everything came from memory', () => {
    expect(statsText({ tokens: 0, seconds: 0.01, backend: 'webgpu' })).toBe('WebGPU · from memory · 0.0 s');
  });
});
