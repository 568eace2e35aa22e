import { describe, expect, it } from 'vitest';
import {
  STARTING,
  cancelledText,
  nextProgress,
  progressText,
  statsText,
  type ProgressEvent,
} from './translate-status';

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

describe('cancelledText', () => {
  it('says how much of the text is kept', () => {
    expect(cancelledText({ kept: 2, total: 5 })).toBe('Cancelled · 2 of 5 sentences kept');
    expect(cancelledText({ kept: 1, total: 1 })).toBe('Cancelled · 1 of 1 sentence kept');
  });

  it('says when nothing was finished', () => {
    expect(cancelledText({ kept: 0, total: 0 })).toBe('Cancelled before any sentence was translated');
    expect(cancelledText({ kept: 0, total: 4 })).toBe('Cancelled before any sentence was translated');
  });
});

describe('progressText', () => {
  const after = (...events: ProgressEvent[]) => progressText(events.reduce(nextProgress, STARTING));

  it('says what a first translation waits for, then counts sentences', () => {
    expect(after()).toBe('Translating…');
    expect(after({ type: 'loading', stage: 'engine' })).toBe('Starting the engine…');
    expect(
      after(
        { type: 'loading', stage: 'engine' },
        { type: 'loading', stage: 'model', source: 'en', target: 'es' },
      ),
    ).toBe('Loading the English → Spanish model…');
    expect(
      after(
        { type: 'loading', stage: 'model', source: 'en', target: 'es' },
        { type: 'loading', stage: 'opened' },
      ),
    ).toBe('Translating the first sentence…');
    expect(after({ type: 'finished', done: 2, total: 5 })).toBe('Translating · 2 of 5 sentences…');
    expect(after({ type: 'finished', done: 1, total: 1 })).toBe('Translating the first sentence…');
  });

  it('names a model it does not know the languages of plainly', () => {
    expect(after({ type: 'loading', stage: 'model' })).toBe('Loading the model…');
  });

  it('says when a route is on its leg into English', () => {
    const intoEnglish = after(
      { type: 'leg', pivot: true },
      { type: 'loading', stage: 'model', source: 'de', target: 'en' },
    );
    expect(intoEnglish).toBe('Loading the German → English model…');
    expect(after({ type: 'leg', pivot: true }, { type: 'loading', stage: 'opened' })).toBe(
      'Translating to English…',
    );
    expect(after({ type: 'leg', pivot: true }, { type: 'leg', pivot: false })).toBe('Translating…');
  });
});
