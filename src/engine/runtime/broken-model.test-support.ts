import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../../../e2e/fixtures/models/', import.meta.url));
export const FIXTURE_CATALOG = join(FIXTURES, 'catalog.json');
export const TRANSLATOR_ID = 'fixture-tiny-en-es';
export const ENCODER_PATH = 'onnx/encoder_model_quantized.onnx';
/** A tagger's graph: a well-formed ONNX model whose inputs are input_ids and mask, not an encoder's. */
export const TAGGER_GRAPH = join(FIXTURES, 'lexlet-unfair-tos-encoder/model.onnx');

interface FixtureFile {
  path: string;
  size: number;
  sha256: string;
}
interface FixtureModel {
  id: string;
  baseUrl: string;
  files: FixtureFile[];
}

/**
 * A catalog of a fixture model (the translator unless `modelId` says otherwise) copied to a temporary folder as
 * "broken-…" with the file at `path` replaced by `bytes`, pinned to the new bytes' size and SHA-256: the download
 * checks pass, so what happens next is up to the runtime. The untouched fixture stays in the catalog beside it.
 * Returns the catalog's path.
 */
export function catalogWithReplacedFile(path: string, bytes: Uint8Array, modelId = TRANSLATOR_ID): string {
  const fixtures = JSON.parse(readFileSync(FIXTURE_CATALOG, 'utf8')) as { models: FixtureModel[] };
  const tiny = fixtures.models.find((model) => model.id === modelId);
  if (!tiny) throw new Error(`${modelId} missing from the fixture catalog`);
  const folder = mkdtempSync(join(tmpdir(), 'lexlet-broken-'));
  cpSync(join(FIXTURES, tiny.baseUrl), join(folder, 'model'), { recursive: true });
  writeFileSync(join(folder, 'model', path), bytes);
  const files = tiny.files.map((file) =>
    file.path === path
      ? { path, size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') }
      : file,
  );
  const broken = {
    ...tiny,
    id: modelId === TRANSLATOR_ID ? 'broken-en-es' : `broken-${modelId}`,
    name: `Broken ${modelId}`,
    baseUrl: pathToFileURL(join(folder, 'model/')).href,
    files,
  };
  const good = { ...tiny, baseUrl: pathToFileURL(join(FIXTURES, tiny.baseUrl)).href };
  const catalog = join(folder, 'catalog.json');
  writeFileSync(catalog, JSON.stringify({ version: 1, models: [broken, good] }));
  return catalog;
}

/** An HTML page, as a misconfigured host serves in place of a missing file. */
export const HTML_PAGE = new TextEncoder().encode(
  '<!DOCTYPE html>\n<html><head><title>Not found</title></head><body>Sorry, no such page.</body></html>\n',
);

/** Bytes that look like nothing: a fixed pseudo-random sequence, so the test is the same on every run. */
export function noiseBytes(length: number, seed = 7): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let index = 0; index < length; index++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}
