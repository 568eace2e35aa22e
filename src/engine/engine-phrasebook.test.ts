import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadNodeOrt } from '../cli/node-ort';
import { Engine } from './engine';
import { createNodeModelRepository } from './models/node-repository';
import type { Catalog, TranslateEvent } from './types';

const FIXTURES = fileURLToPath(new URL('../../e2e/fixtures/models/', import.meta.url));
const MODEL = 'fixture-tiny-en-es';

/** The fixture model copied with another phrasebook file (`phrasebook` bytes), listed in its catalog entry. */
function catalogWithPhrasebook(dir: string, phrasebook: Buffer): string {
  const catalog = JSON.parse(readFileSync(join(FIXTURES, 'catalog.json'), 'utf8')) as Catalog;
  const model = catalog.models.find((entry) => entry.id === MODEL);
  if (!model) throw new Error(`${MODEL} is not in the fixture catalog`);
  cpSync(join(FIXTURES, model.baseUrl), join(dir, model.baseUrl), { recursive: true, dereference: true });
  writeFileSync(join(dir, model.baseUrl, 'phrasebook.bin'), phrasebook);
  model.files = [
    ...model.files.filter((file) => file.path !== 'phrasebook.bin'),
    {
      path: 'phrasebook.bin',
      size: phrasebook.length,
      sha256: createHash('sha256').update(phrasebook).digest('hex'),
    },
  ];
  const path = join(dir, 'catalog.json');
  writeFileSync(path, JSON.stringify({ ...catalog, models: [model] }));
  return path;
}

const phrasebookFile = (doc: unknown) => gzipSync(JSON.stringify(doc));

describe.skipIf(!existsSync(join(FIXTURES, 'catalog.json')))('Engine with a model phrasebook', () => {
  let dir = '';
  let engine: Engine | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lexlet-phrasebook-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(async () => engine?.dispose());

  const open = async (catalog: string) => {
    engine = new Engine({
      loadOrt: loadNodeOrt,
      repository: createNodeModelRepository,
      environment: { nativeCpu: true },
    });
    await engine.loadCatalog(catalog);
    return engine;
  };

  it('answers the sentences it knows without opening the model, and the model translates the rest', async () => {
    const catalog = catalogWithPhrasebook(
      join(dir, 'good'),
      phrasebookFile({ format: 'lexlet-phrasebook/1', target: 'es', entries: [['hello', 'Hola.']] }),
    );
    const engine = await open(catalog);
    const events: TranslateEvent[] = [];
    const known = await engine.translate({ modelId: MODEL, text: 'Hello!' }, (event) => events.push(event));
    expect(known.text).toBe('¡Hola!');
    expect(known.tokens).toBe(0);
    expect(events.some((event) => event.type === 'loading')).toBe(false);
    expect(events.find((event) => event.type === 'segment')).toMatchObject({
      source: 'Hello!',
      translation: '¡Hola!',
    });

    const mixed = await engine.translate({ modelId: MODEL, text: 'Hello. The cat sleeps.' }, () => {});
    expect(mixed.text.startsWith('Hola. ')).toBe(true);
    expect(mixed.tokens).toBeGreaterThan(0);
  }, 60_000);

  it('says which file is broken', async () => {
    const catalog = catalogWithPhrasebook(join(dir, 'broken'), Buffer.from('not gzip'));
    const engine = await open(catalog);
    await expect(engine.translate({ modelId: MODEL, text: 'Hello!' }, () => {})).rejects.toThrow(
      `${MODEL}/phrasebook.bin is not gzip-compressed JSON.`,
    );
  }, 60_000);
});
