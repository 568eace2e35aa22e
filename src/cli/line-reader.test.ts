import { describe, expect, it } from 'vitest';
import { LexletError } from '../engine/errors';
import { readLines, type InputLine } from './line-reader';

async function collect(chunks: Uint8Array[]): Promise<InputLine[]> {
  const lines: InputLine[] = [];
  for await (const line of readLines(chunks)) lines.push(line);
  return lines;
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('readLines', () => {
  it('yields each line, empty ones included, and a last line without newline', async () => {
    expect((await collect([bytes('a\n\nb\r\nc')])).map((line) => [line.text, line.crlf])).toEqual([
      ['a', false],
      ['', false],
      ['b', true],
      ['c', false],
    ]);
  });

  it('adds no line for a trailing newline', async () => {
    expect(await collect([bytes('only\n')])).toEqual([{ text: 'only', crlf: false }]);
  });

  it('decodes characters split across chunks', async () => {
    const all = bytes('año\nñ\n');
    const lines = await collect([all.slice(0, 2), all.slice(2, 6), all.slice(6)]);
    expect(lines.map((line) => line.text)).toEqual(['año', 'ñ']);
  });

  it('rejects invalid UTF-8 with the line number', async () => {
    const error = await collect([bytes('fine\n'), new Uint8Array([0x61, 0xff, 0x0a])]).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(LexletError);
    expect((error as LexletError).code).toBe('input-invalid');
    expect((error as LexletError).message).toContain('line 2');
  });

  it('rejects a truncated multi-byte character at the end', async () => {
    await expect(collect([new Uint8Array([0x61, 0xc3])])).rejects.toThrow(/not valid UTF-8/);
  });
});
