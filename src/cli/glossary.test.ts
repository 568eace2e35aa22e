import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine';
import type { TranslationRoute } from '../engine/translation-routes';
import type { TranslateRequest } from '../engine/types';
import { runTranslate } from './translate-command';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CATALOG = 'e2e/fixtures/models/catalog.json';
const hasFixture = existsSync(`${ROOT}${CATALOG}`);

function lexlet(
  args: string[],
  input = '',
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/lexlet.js', ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}

function glossaryFile(csv: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'lexlet-glossary-')), 'glossary.csv');
  writeFileSync(path, csv);
  return path;
}

describe('lexlet translate --glossary', () => {
  it('refuses a bad CSV with one line on stderr, before translating anything', async () => {
    const path = glossaryFile('source,target\nLicensee,Licenciatario\nFee\n');
    const run = await lexlet(
      ['translate', '--catalog', CATALOG, '--from', 'en', '--to', 'es', '--glossary', path],
      'The Licensee signs.\n',
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `lexlet: The glossary ${path} cannot be used: Line 3: expected two columns, the term and its translation,` +
        ' but found 1 (a term with a comma or a line break must be in double quotes).\n',
    );
    const missing = await lexlet(['translate', '--from', 'en', '--to', 'es', '--glossary', 'no/such.csv']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('lexlet: Cannot read the glossary no/such.csv: no such file.\n');
    const folder = await lexlet(['translate', '--from', 'en', '--to', 'es', '--glossary', 'e2e']);
    expect(folder.status).toBe(1);
    expect(folder.stderr).toBe('lexlet: Cannot read the glossary e2e: it is a folder, not a file.\n');
  }, 30_000);

  it.skipIf(!hasFixture)(
    'writes the target term for each source term, and leaves lines without one as they were',
    async () => {
      const path = glossaryFile('\uFEFFsource,target\r\n"Licensee",Licenciatario\r\n');
      const input = 'Hello.\nThe Licensee signs the licensee form.\n';
      const args = ['translate', '--catalog', CATALOG, '--from', 'en', '--to', 'es', '--beam', '1'];
      const plain = await lexlet([...args, '-q'], input);
      const run = await lexlet([...args, '--glossary', path], input);
      expect(run.status).toBe(0);
      expect(run.stderr).toContain('with a glossary of 1 term');
      const lines = run.stdout.split('\n');
      expect(lines).toHaveLength(3);
      expect(lines[0]).toBe(plain.stdout.split('\n')[0]);
      expect(lines[1]?.match(/licenciatario/giu)).toHaveLength(2);
      expect(plain.stdout).not.toMatch(/licenciatario/iu);
    },
    60_000,
  );
});

describe('runTranslate with a glossary', () => {
  it('gives the first model of a route through English the terms, and the next the target terms to keep', async () => {
    const requests: TranslateRequest[] = [];
    const engine = {
      downloadModel: async () => undefined,
      getBackend: async () => ({ active: 'cpu', reason: 'test' }),
      translator: async () => undefined,
      translate: async (request: TranslateRequest) => {
        requests.push(request);
        return { text: request.text, tokens: 1 };
      },
    } as unknown as Engine;
    const route = {
      source: 'fr',
      target: 'es',
      viaEnglish: true,
      models: [
        { id: 'fr-en', name: 'A', baseUrl: 'file:///a/' },
        { id: 'en-es', name: 'B', baseUrl: 'file:///b/' },
      ],
    } as unknown as TranslationRoute;
    const sink = {
      write: (_: string, done?: () => void) => (done?.(), true),
    } as unknown as NodeJS.WriteStream;
    await runTranslate({
      engine,
      route,
      options: {},
      glossary: [{ source: 'preneur', target: 'Licenciatario' }],
      input: (async function* () {
        yield 'Le preneur signe.\n';
      })(),
      output: sink,
      errors: sink,
      quiet: true,
      signal: new AbortController().signal,
    });
    expect(requests.map((request) => [request.modelId, request.glossary])).toEqual([
      ['fr-en', [{ source: 'preneur', target: 'Licenciatario' }]],
      ['en-es', [{ source: 'Licenciatario', target: 'Licenciatario' }]],
    ]);
  });
});
