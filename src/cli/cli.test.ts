import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lexlet, ROOT } from './run-lexlet.test-support';

const CATALOG = 'e2e/fixtures/models/catalog.json';
const hasFixture = existsSync(`${ROOT}${CATALOG}`);

describe('lexlet CLI', () => {
  it('prints usage', async () => {
    const run = await lexlet(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('lexlet translate --from LANG --to LANG');
  });

  it('rejects unknown options and commands with status 2', async () => {
    expect((await lexlet(['translate', '--colour'])).status).toBe(2);
    const unknown = await lexlet(['frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Unknown command: frobnicate');
  });

  it('says tagging is not available while the catalog has no tagging model', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'lexlet-cli-'));
    const catalog = join(folder, 'catalog.json');
    writeFileSync(catalog, JSON.stringify({ version: 1, models: [] }));
    const run = await lexlet(['tag', '--task', 'contract', '--catalog', catalog]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('lexlet tag --task contract is not available yet');
    expect((await lexlet(['tag', '--task', 'poems'])).status).toBe(2);
  });

  it('fails clearly on a missing catalog', async () => {
    const run = await lexlet(['models', '--catalog', 'no/such/catalog.json']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/catalog/i);
  });
});

describe.skipIf(!hasFixture)('lexlet CLI on the fixture model', () => {
  const translate = ['translate', '--catalog', CATALOG, '--from', 'en', '--to', 'es'];

  it('writes one line per input line, in order, keeping empty lines', async () => {
    const input = 'Hello.\n\nThe cat sleeps.\n   \n42\nhttps://example.com\nGood night.\n';
    const run = await lexlet([...translate, '--quiet'], input);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines).toHaveLength(8);
    expect(lines[7]).toBe('');
    expect(lines[1]).toBe('');
    expect(lines[3]).toBe('   ');
    expect(lines[4]).toBe('42');
    expect(lines[5]).toBe('https://example.com');
    for (const index of [0, 2, 6]) expect(lines[index]?.trim()).not.toBe('');
  }, 60_000);

  it('gives the same lines with beam search and on the wasm backend, with progress on stderr', async () => {
    const input = 'Hello.\nThe cat sleeps.';
    const greedy = await lexlet([...translate, '--beam', '1'], input);
    expect(greedy.status).toBe(0);
    expect(greedy.stdout.split('\n')).toHaveLength(3);
    expect(greedy.stderr).toContain('Translating en→es with');
    const wasm = await lexlet([...translate, '--beam', '1', '--backend', 'wasm', '-q'], input);
    expect(wasm.status).toBe(0);
    expect(wasm.stdout).toBe(greedy.stdout);
    const beam = await lexlet([...translate, '--beam', '4', '-q'], input);
    expect(beam.status).toBe(0);
    expect(beam.stdout.split('\n')).toHaveLength(3);
  }, 90_000);

  it('refuses an unknown pair with the pairs it knows', async () => {
    const run = await lexlet(['translate', '--catalog', CATALOG, '--from', 'en', '--to', 'xx'], 'Hello.\n');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('No model translates en→xx');
    expect(run.stdout).toBe('');
  }, 30_000);

  it('translates through English when no model covers the pair, one line per line', async () => {
    // Two models from the one fixture: declared de→en and en→es, so de→es needs both, in that order.
    const fixtures = JSON.parse(readFileSync(`${ROOT}${CATALOG}`, 'utf8')) as {
      models: { id: string; baseUrl: string; source?: string; target?: string }[];
    };
    const tiny = fixtures.models.find((entry) => entry.id === 'fixture-tiny-en-es');
    if (!tiny) throw new Error('fixture-tiny-en-es missing from the fixture catalog');
    const baseUrl = pathToFileURL(`${ROOT}e2e/fixtures/models/${tiny.baseUrl}`).href;
    const folder = mkdtempSync(join(tmpdir(), 'lexlet-cli-'));
    const catalog = join(folder, 'catalog.json');
    const models = [
      { ...tiny, id: 'fixture-de-en', source: 'de', target: 'en', baseUrl },
      { ...tiny, baseUrl },
    ];
    writeFileSync(catalog, JSON.stringify({ version: 1, models }));
    const input = 'Hello.\n\nThe cat sleeps.\n';
    const pivot = await lexlet(
      ['translate', '--catalog', catalog, '--from', 'de', '--to', 'es', '--beam', '1'],
      input,
    );
    expect(pivot.status).toBe(0);
    expect(pivot.stderr).toContain('Translating de→es through English with');
    const first = await lexlet(
      ['translate', '--catalog', catalog, '--model', 'fixture-de-en', '--beam', '1', '-q'],
      input,
    );
    const second = await lexlet(
      ['translate', '--catalog', catalog, '--model', 'fixture-tiny-en-es', '--beam', '1', '-q'],
      first.stdout,
    );
    expect(pivot.stdout.split('\n')).toHaveLength(4);
    expect(pivot.stdout).toBe(second.stdout);
  }, 90_000);

  it('translates a line of thousands of words with no punctuation in full, on one output line', async () => {
    const words = 'the cat sleeps on a red chair and the dog eats bread in the house'.split(' ');
    const line = Array.from({ length: 3000 }, (_, i) => words[(i * 7) % words.length]).join(' ');
    const run = await lexlet([...translate, '--beam', '1', '-q'], `${line}\nGood night.\n`);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines).toHaveLength(3);
    // The tiny fixture writes short sentences; a whole translation still has well over a quarter of the words
    // (a line cut at the model's limit came back with a sixth of them).
    expect(lines[0]?.split(' ').length).toBeGreaterThan(3000 * 0.3);
  }, 90_000);

  it('refuses invalid UTF-8', async () => {
    const run = await lexlet([...translate, '-q'], new Uint8Array([0x48, 0x69, 0x0a, 0xc3, 0x28, 0x0a]));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('not valid UTF-8');
  }, 30_000);

  it('lists the catalog', async () => {
    const run = await lexlet(['models', '--catalog', CATALOG]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ID\s+TASK\s+LANGUAGES\s+SIZE\s+CACHED/);
    expect(run.stdout).toMatch(/fixture-tiny-en-es\s+translation\s+en→es/);
  }, 30_000);
});

const TAGGER = `${ROOT}public/models/lexlet-unfair-tos/`;

describe.skipIf(!existsSync(`${TAGGER}config.json`))('lexlet tag on the shipped unfair-ToS model', () => {
  /** A catalog of just this model, hashed now, so the test follows whatever model is shipped. */
  function taggerCatalog(): string {
    const config = JSON.parse(readFileSync(`${TAGGER}config.json`, 'utf8')) as {
      labels: string[];
      onnx: { file: string };
    };
    const files = ['config.json', config.onnx.file].map((path) => {
      const bytes = readFileSync(TAGGER + path);
      return { path, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    });
    const model = { id: 'unfair-tos', name: 'Unfair ToS', task: 'unfair-tos', labels: config.labels, files };
    const catalog = join(mkdtempSync(join(tmpdir(), 'lexlet-tag-')), 'catalog.json');
    const entry = { ...model, baseUrl: pathToFileURL(TAGGER).href, license: 'test', attribution: 'test' };
    writeFileSync(catalog, JSON.stringify({ version: 1, models: [entry] }));
    return catalog;
  }

  it('writes one JSON line of tags per input line', async () => {
    const input =
      'We may terminate your account at any time without notice.\n\nThese terms are governed by the laws of the State of California.\n';
    const run = await lexlet(['tag', '--task', 'unfair-tos', '--catalog', taggerCatalog()], input);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { labels: string[] });
    expect(lines).toHaveLength(3);
    expect(lines[0]?.labels).toContain('Unilateral termination');
    expect(lines[2]?.labels).toContain('Choice of law');
  }, 30_000);
});

const MULTILINGUAL = `${ROOT}public/models/lexlet-unfair-tos-multilingual/`;

describe.skipIf(!existsSync(`${MULTILINGUAL}config.json`))('lexlet tag on German terms of service', () => {
  const german =
    'Wir können Ihr Konto jederzeit und ohne Angabe von Gründen kündigen oder sperren.\n' +
    'Diese Nutzungsbedingungen unterliegen dem Recht der Republik Irland.\n' +
    'We may terminate your account at any time without notice.\n';
  const labelsOf = (stdout: string) =>
    stdout
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as { labels: string[] }).labels);

  it('tags German lines with the model trained on German, English lines with the English one', async () => {
    const routed = await lexlet(['tag', '--task', 'unfair-tos'], german);
    expect(routed.stderr).toBe('');
    const labels = labelsOf(routed.stdout);
    expect(labels[0]).toContain('Unilateral termination');
    expect(labels[1]).toContain('Choice of law');
    expect(labels[2]).toContain('Unilateral termination');
    // The English model, named, finds nothing in the German lines.
    const english = labelsOf(
      (await lexlet(['tag', '--task', 'unfair-tos', '--model', 'lexlet-unfair-tos'], german)).stdout,
    );
    expect(english.slice(0, 2)).toEqual([[], []]);
  }, 30_000);
});
