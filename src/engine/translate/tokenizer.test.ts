import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TextTokenizer } from './tokenizer';

const FIXTURE = fileURLToPath(new URL('../../../e2e/fixtures/models/tiny-en-es/', import.meta.url));
const json = (path: string) => JSON.parse(readFileSync(FIXTURE + path, 'utf8')) as object;

describe.skipIf(!existsSync(FIXTURE))('TextTokenizer on the fixture tokenizer', () => {
  const tokenizer = existsSync(FIXTURE)
    ? new TextTokenizer(json('tokenizer.json'), json('tokenizer_config.json'))
    : null;

  it('appends </s> and round-trips text', () => {
    const ids = tokenizer?.encode('Hello there.') ?? [];
    expect(ids.at(-1)).toBe(1);
    expect(tokenizer?.decode(ids)).toBe('Hello there.');
  });

  it('decodes nothing to an empty string and drops special tokens', () => {
    expect(tokenizer?.decode([])).toBe('');
    expect(tokenizer?.decode([0, 1])).toBe('');
  });

  it('rejects a tokenizer file it cannot read', () => {
    expect(() => new TextTokenizer({ model: { type: 'Nonsense' } }, {})).toThrow(
      /tokenizer could not be read/,
    );
  });
});
