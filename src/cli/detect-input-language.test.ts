import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LexletError } from '../engine/errors';
import { detectInputLanguage, readLanguageModel } from './detect-input-language';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CATALOG = 'e2e/fixtures/models/catalog.json';

function sink() {
  const written: string[] = [];
  return {
    written,
    stream: { write: (text: string) => written.push(text) } as unknown as NodeJS.WritableStream,
  };
}

async function collect(input: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of input) text += chunk;
  return text;
}

async function* chunks(...parts: string[]): AsyncIterable<Uint8Array> {
  for (const part of parts) yield new TextEncoder().encode(part);
}

describe('detectInputLanguage', () => {
  it('names the language of the whole input and hands the same text on', async () => {
    const errors = sink();
    // "é" split across two chunks: decoded as one character.
    const bytes = new TextEncoder().encode('Ayer compré un libro.\nMi hermano vive en Madrid.\n');
    const cut = bytes.indexOf(0xa9);
    const input = (async function* () {
      yield bytes.slice(0, cut);
      yield bytes.slice(cut);
    })();
    const found = await detectInputLanguage(input, errors.stream, false, await readLanguageModel());
    expect(found.from).toBe('es');
    expect(await collect(found.input)).toBe('Ayer compré un libro.\nMi hermano vive en Madrid.\n');
    expect(errors.written.join('')).toMatch(/^Detected: es \(confidence 1\.000\)\n$/u);
  });

  it('fails with a clear message when the input is too short to tell', async () => {
    const failure = detectInputLanguage(chunks('hotel\n'), sink().stream, true);
    await expect(failure).rejects.toThrow(LexletError);
    await expect(detectInputLanguage(chunks('hotel\n'), sink().stream, true)).rejects.toThrow(
      /Cannot tell the language of the input \(closest: \w+, confidence 0\.\d\d\); name it with --from\./u,
    );
  });

  it('refuses input whose lines are in different languages, naming them', async () => {
    const mixed =
      'The contract starts today and runs for two years.\nEl contrato empieza hoy y dura dos años.\n';
    await expect(detectInputLanguage(chunks(mixed), sink().stream, true)).rejects.toThrow(
      'The input mixes languages (en, es); translate each part with its own --from.',
    );
  });

  it('reads a name on a line of its own as part of the input, not as another language', async () => {
    const letter = 'Hans Müller\nThank you for your letter of last week about the contract.\n';
    expect((await detectInputLanguage(chunks(letter), sink().stream, true)).from).toBe('en');
  });

  it('refuses input in a script none of its languages uses', async () => {
    await expect(detectInputLanguage(chunks('Вчера я купил книгу.\n'), sink().stream, true)).rejects.toThrow(
      'The input is not in a language lexlet detects (en, es, de, fr, zh); name it with --from.',
    );
  });

  it('takes input without letters as English, quietly', async () => {
    const errors = sink();
    const found = await detectInputLanguage(chunks('42\n\n'), errors.stream, false);
    expect(found.from).toBe('en');
    expect(await collect(found.input)).toBe('42\n\n');
    expect(errors.written).toEqual([]);
  });
});

describe.skipIf(!existsSync(`${ROOT}${CATALOG}`))('lexlet translate --from auto', () => {
  it('translates with the model of the detected language, like --from en', () => {
    const run = (from: string) =>
      spawnSync(
        process.execPath,
        ['bin/lexlet.js', 'translate', '--catalog', CATALOG, '--from', from, '--to', 'es'],
        {
          cwd: ROOT,
          input: 'Hello my friend.\nThe cat sleeps.\n',
          encoding: 'utf8',
        },
      );
    const auto = run('auto');
    const english = run('en');
    expect(auto.status).toBe(0);
    expect(auto.stderr).toContain('Detected: en');
    expect(auto.stdout).toBe(english.stdout);
    expect(auto.stdout.split('\n')).toHaveLength(3);
  }, 60_000);
});
