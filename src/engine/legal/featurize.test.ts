import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  Featurizer,
  featureStrings,
  featurizerFromJson,
  fnv1a32,
  tokenize,
  type FeaturizerJson,
} from './featurize';

interface ParityFixture {
  featurizer: FeaturizerJson;
  hashes: Record<string, number>;
  cases: { text: string; tokens: string[]; ids: number[] }[];
  context_cases: { text: string; heading: string; lead: string; previous: string; ids: number[] }[];
}

// Written by training/lexlet_legal/parity_fixture.py from the Python featurizer used in training.
const fixture = JSON.parse(
  readFileSync(new URL('./__fixtures__/featurize-parity.json', import.meta.url), 'utf8'),
) as ParityFixture;
const config = featurizerFromJson(fixture.featurizer);

describe('featurize parity with the training code', () => {
  it('hashes bytes exactly as Python does', () => {
    const utf8 = new TextEncoder();
    for (const [feature, hash] of Object.entries(fixture.hashes)) {
      expect(fnv1a32(utf8.encode(feature)), feature).toBe(hash);
    }
  });

  it('tokenizes every fixture text the same way', () => {
    expect(fixture.cases.length).toBeGreaterThan(250);
    for (const c of fixture.cases) {
      expect(tokenize(c.text, config.maxTokens), c.text).toEqual(c.tokens);
    }
  });

  it('produces identical ids for every fixture text', () => {
    const featurizer = new Featurizer(config);
    let total = 0;
    for (const c of fixture.cases) {
      expect(featurizer.ids(c.text), c.text).toEqual(c.ids);
      total += c.ids.length;
    }
    expect(total).toBeGreaterThan(10_000);
  });

  it('produces identical ids for clauses read in their context', () => {
    const featurizer = new Featurizer({ ...config, context: true });
    expect(fixture.context_cases.length).toBe(60);
    for (const { text, heading, lead, previous, ids } of fixture.context_cases) {
      expect(featurizer.idsInContext(text, { heading, lead, previous }), text).toEqual(ids);
    }
    // A model trained without context reads the clause alone.
    const [first] = fixture.context_cases;
    if (first)
      expect(new Featurizer(config).idsInContext(first.text, first)).toEqual(
        new Featurizer(config).ids(first.text),
      );
  });
});

describe('featurize spec', () => {
  it('orders words, bigrams, then char n-grams by length and position', () => {
    expect(featureStrings(['ab', 'c'], { ...config, charMin: 3, charMax: 4 })).toEqual([
      'w|ab',
      'w|c',
      'b|ab c',
      'c|<ab',
      'c|ab>',
      'c|<ab>',
      'c|<c>',
    ]);
  });

  it('counts astral characters as one code point in char n-grams', () => {
    expect(featureStrings(['𝔘'], { ...config, wordBigrams: false, charMin: 3, charMax: 3 })).toEqual([
      'w|𝔘',
      'c|<𝔘>',
    ]);
  });

  it('adds context features after the clause: heading, paragraph opening, previous clause', () => {
    const featurizer = new Featurizer({ ...config, context: true });
    const own = featurizer.ids('Pay');
    const withContext = featurizer.idsInContext('Pay', {
      heading: 'Fees Due',
      lead: 'Net',
      previous: 'Invoices',
    });
    expect(withContext.slice(0, own.length)).toEqual(own);
    expect(withContext.slice(own.length)).toEqual(
      ['h|fees', 'h|due', 'hb|fees due', 'l|net', 'p|invoices'].map((f) => featurizer.featureId(f)),
    );
  });

  it('caps tokens at maxTokens and keeps ids inside the bucket range', () => {
    const featurizer = new Featurizer({ ...config, maxTokens: 3 });
    expect(tokenize('One two three four', 3)).toEqual(['one', 'two', 'three']);
    const ids = featurizer.ids('We may terminate your account at any time.');
    expect(ids.every((id) => Number.isInteger(id) && id >= 0 && id < config.buckets)).toBe(true);
  });

  it('rejects a featurizer it does not implement', () => {
    expect(() => featurizerFromJson({ ...fixture.featurizer, hash: 'murmur3' })).toThrow(/Unsupported/);
  });
});
