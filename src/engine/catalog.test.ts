import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalog, parseCatalog } from './catalog';
import { LexletError } from './errors';

const CATALOG_URL = 'https://lexlet.example/app/models/catalog.json';
const SHA = 'a'.repeat(64);

function translationModel(overrides: Record<string, unknown> = {}) {
  return {
    id: 'opus-mt-en-es',
    name: 'English → Spanish',
    task: 'translation',
    source: 'en',
    target: 'es',
    baseUrl: 'opus-mt-en-es',
    files: [
      { path: 'config.json', size: 1200, sha256: SHA },
      { path: 'onnx/encoder_model_quantized.onnx', size: 19_000_000, sha256: 'b'.repeat(64) },
    ],
    license: 'CC-BY-4.0',
    attribution: 'Helsinki-NLP, OPUS-MT',
    ...overrides,
  };
}

function catalogWith(...models: unknown[]) {
  return { version: 1, models };
}

function parseError(json: unknown, url = CATALOG_URL): LexletError {
  try {
    parseCatalog(json, url);
  } catch (error) {
    expect(error).toBeInstanceOf(LexletError);
    expect((error as LexletError).code).toBe('catalog-invalid');
    return error as LexletError;
  }
  throw new Error('parseCatalog accepted an invalid catalog');
}

describe('parseCatalog', () => {
  it('resolves a relative baseUrl against the catalog and marks it local', () => {
    const catalog = parseCatalog(catalogWith(translationModel()), CATALOG_URL);
    const [model] = catalog.models;
    expect(model?.baseUrl).toBe('https://lexlet.example/app/models/opus-mt-en-es/');
    expect(model?.remote).toBe(false);
    expect(model?.files).toHaveLength(2);
  });

  it('marks an absolute https baseUrl on another host as remote and keeps its folder', () => {
    const baseUrl = 'https://huggingface.co/Xenova/opus-mt-en-de/resolve/main';
    const catalog = parseCatalog(catalogWith(translationModel({ baseUrl })), CATALOG_URL);
    expect(catalog.models[0]?.baseUrl).toBe(`${baseUrl}/`);
    expect(catalog.models[0]?.remote).toBe(true);
  });

  it("keeps a tagging model's languages and rejects ones that are not language tags", () => {
    const tagger = (languages: unknown) => ({
      id: 'unfair-tos',
      name: 'Unfair terms',
      task: 'unfair-tos',
      labels: ['limitation of liability'],
      languages,
      baseUrl: '/models/unfair-tos/',
      files: [{ path: 'model.onnx', size: 10, sha256: SHA }],
      license: 'MIT',
      attribution: 'LexGLUE',
    });
    expect(parseCatalog(catalogWith(tagger(['en', 'de'])), CATALOG_URL).models[0]?.languages).toEqual([
      'en',
      'de',
    ]);
    for (const bad of [[], 'en', ['en', 'not a tag'], [7]]) {
      expect(parseError(catalogWith(tagger(bad))).message).toContain('languages must be a non-empty array');
    }
  });

  it('keeps optional fields, drops unknown ones and accepts tagging models without languages', () => {
    const tagger = {
      id: 'unfair-tos',
      name: 'Unfair terms',
      task: 'unfair-tos',
      labels: ['limitation of liability', 'unilateral change'],
      baseUrl: '/models/unfair-tos/',
      files: [{ path: 'model.onnx', size: 10, sha256: SHA }],
      license: 'MIT',
      attribution: 'LexGLUE',
      fixture: true,
      description: 'Flags unfair terms.',
      comment: 'ignored',
    };
    const [model] = parseCatalog(catalogWith(tagger), CATALOG_URL).models;
    expect(model).toEqual({
      id: 'unfair-tos',
      name: 'Unfair terms',
      task: 'unfair-tos',
      labels: ['limitation of liability', 'unilateral change'],
      baseUrl: 'https://lexlet.example/models/unfair-tos/',
      files: [{ path: 'model.onnx', size: 10, sha256: SHA }],
      license: 'MIT',
      attribution: 'LexGLUE',
      fixture: true,
      description: 'Flags unfair terms.',
      remote: false,
    });
  });

  it('reads how long a sentence may be before it is split into clauses, and refuses a bad value', () => {
    const [model] = parseCatalog(
      catalogWith({ ...translationModel(), splitSentencesOverWords: 12 }),
      CATALOG_URL,
    ).models;
    expect(model?.splitSentencesOverWords).toBe(12);
    expect(parseError(catalogWith({ ...translationModel(), splitSentencesOverWords: 2.5 })).message).toMatch(
      /splitSentencesOverWords must be a whole number of at least 2/,
    );
  });

  it('lets a file: catalog point at files next to it (the CLI reads them in place)', () => {
    const [model] = parseCatalog(
      catalogWith(translationModel()),
      'file:///opt/lexlet/public/models/catalog.json',
    ).models;
    expect(model?.baseUrl).toBe('file:///opt/lexlet/public/models/opus-mt-en-es/');
    expect(model?.remote).toBe(false);
  });

  it('rejects a document that is not a version 1 catalog', () => {
    expect(parseError(null).message).toMatch(/must be a JSON object/);
    expect(parseError({ version: 2, models: [] }).message).toMatch(/version must be 1, got "2"/);
    expect(parseError({ version: 1 }).message).toMatch(/models must be an array/);
  });

  it('rejects duplicate ids', () => {
    const error = parseError(catalogWith(translationModel(), translationModel()));
    expect(error.message).toContain('model "opus-mt-en-es" appears more than once');
  });

  it('rejects a sha256 that is not 64 lower-case hex digits, naming model, field and file', () => {
    const files = [{ path: 'config.json', size: 5, sha256: 'A'.repeat(64) }];
    const error = parseError(catalogWith(translationModel({ files })));
    expect(error.message).toContain(
      'model "opus-mt-en-es" files[0].sha256 (config.json) must be 64 lower-case hex',
    );
    const short = parseError(
      catalogWith(translationModel({ files: [{ path: 'a', size: 5, sha256: 'abc' }] })),
    );
    expect(short.message).toContain('files[0].sha256');
  });

  it.each([0, -5, 1.5, '12'])('rejects the file size %s', (size) => {
    const files = [{ path: 'config.json', size, sha256: SHA }];
    expect(parseError(catalogWith(translationModel({ files }))).message).toMatch(
      /model "opus-mt-en-es" files\[0\]\.size \(config\.json\) must be a positive whole number/,
    );
  });

  it.each([
    ['size', { path: 'config.json', sha256: SHA }],
    ['size', { path: 'config.json', size: null, sha256: SHA }],
    ['sha256', { path: 'config.json', size: 5 }],
    ['sha256', { path: 'config.json', size: 5, sha256: null }],
  ])('requires a bundled model to pin %s (%j)', (field, file) => {
    expect(parseError(catalogWith(translationModel({ files: [file] }))).message).toContain(
      `model "opus-mt-en-es" files[0].${field} (config.json) is missing: only a model marked "remote": true may leave size and sha256 out`,
    );
  });

  it('lets a model marked remote leave sizes and digests out, and still checks the ones it gives', () => {
    const baseUrl = 'https://huggingface.co/Xenova/opus-mt-en-es/resolve/main/';
    const files = [
      { path: 'config.json' },
      { path: 'tokenizer.json', size: null, sha256: null },
      { path: 'onnx/encoder_model_quantized.onnx', size: 42 },
      { path: 'onnx/decoder_model_merged_quantized.onnx', sha256: SHA },
    ];
    const [model] = parseCatalog(
      catalogWith(translationModel({ id: 'Xenova/opus-mt-en-es', baseUrl, remote: true, files })),
      CATALOG_URL,
    ).models;
    expect(model?.remote).toBe(true);
    expect(model?.files).toEqual([
      { path: 'config.json', size: null, sha256: null },
      { path: 'tokenizer.json', size: null, sha256: null },
      { path: 'onnx/encoder_model_quantized.onnx', size: 42, sha256: null },
      { path: 'onnx/decoder_model_merged_quantized.onnx', size: null, sha256: SHA },
    ]);
    const badSize = [{ path: 'config.json', size: -1 }];
    expect(
      parseError(catalogWith(translationModel({ baseUrl, remote: true, files: badSize }))).message,
    ).toContain('files[0].size (config.json) must be a positive whole number');
    const badSha = [{ path: 'config.json', sha256: 'xyz' }];
    expect(
      parseError(catalogWith(translationModel({ baseUrl, remote: true, files: badSha }))).message,
    ).toContain('files[0].sha256 (config.json) must be 64 lower-case hex');
  });

  it('asks remote models to say so before they may leave pins out, and rejects a remote flag that lies', () => {
    const baseUrl = 'https://huggingface.co/Xenova/opus-mt-en-es/resolve/main/';
    const files = [{ path: 'config.json' }];
    expect(parseError(catalogWith(translationModel({ baseUrl, files }))).message).toContain(
      'files[0].size (config.json) is missing',
    );
    expect(parseError(catalogWith(translationModel({ remote: true, files }))).message).toContain(
      'model "opus-mt-en-es" remote is true, but baseUrl "https://lexlet.example/app/models/opus-mt-en-es/" is on the catalog\'s own host',
    );
    expect(parseError(catalogWith(translationModel({ baseUrl, remote: false }))).message).toContain(
      'remote is false, but baseUrl',
    );
    expect(parseError(catalogWith(translationModel({ baseUrl, remote: 'yes' }))).message).toContain(
      'remote must be true or false',
    );
  });

  it('accepts the shipped catalog, whose Hugging Face models are remote and unpinned', () => {
    const url = new URL('../../public/models/catalog.json', import.meta.url);
    const catalog = parseCatalog(JSON.parse(readFileSync(url, 'utf8')), url.href);
    const remote = catalog.models.filter((model) => model.remote);
    expect(remote.map((model) => model.id).sort()).toEqual(
      ['de-en', 'en-de', 'en-es', 'en-fr', 'es-en', 'fr-en'].map((pair) => `Xenova/opus-mt-${pair}`),
    );
    for (const model of remote) {
      expect(model.baseUrl).toBe(`https://huggingface.co/${model.id}/resolve/main/`);
      expect(model.license).toBe('CC-BY-4.0');
      expect(model.attribution).toMatch(/Tiedemann.*Thottingal.*Xenova \(Joshua Lochner\)/);
      expect(model.files.every((file) => file.size === null && file.sha256 === null)).toBe(true);
    }
    const bundled = catalog.models.filter((model) => !model.remote);
    expect(bundled.length).toBeGreaterThan(0);
    expect(bundled.every((model) => model.files.every((file) => file.size && file.sha256))).toBe(true);
  });

  it('rejects unknown tasks', () => {
    const error = parseError(catalogWith(translationModel({ task: 'summarize' })));
    expect(error.message).toContain(
      'model "opus-mt-en-es" task must be one of translation, unfair-tos, contract-clauses',
    );
  });

  it('rejects translation models without source or target', () => {
    expect(parseError(catalogWith(translationModel({ target: undefined }))).message).toContain(
      'model "opus-mt-en-es" target is required for a translation model',
    );
    expect(parseError(catalogWith(translationModel({ source: undefined }))).message).toContain(
      'source is required',
    );
    expect(parseError(catalogWith(translationModel({ source: 'english!' }))).message).toContain(
      'source must be a language tag',
    );
  });

  it.each([
    ['../secrets.json', 'files[0].path'],
    ['/etc/passwd', 'files[0].path'],
    ['https://evil.example/x.onnx', 'files[0].path'],
    ['onnx//model.onnx', 'files[0].path'],
  ])('rejects the file path %s', (path, field) => {
    const files = [{ path, size: 5, sha256: SHA }];
    expect(parseError(catalogWith(translationModel({ files }))).message).toContain(field);
  });

  it('rejects a model without files, repeated paths and missing licence fields', () => {
    expect(parseError(catalogWith(translationModel({ files: [] }))).message).toContain(
      'files must be a non-empty',
    );
    const twice = [
      { path: 'a.json', size: 5, sha256: SHA },
      { path: 'a.json', size: 5, sha256: SHA },
    ];
    expect(parseError(catalogWith(translationModel({ files: twice }))).message).toContain(
      'files[1].path repeats',
    );
    expect(parseError(catalogWith(translationModel({ license: '' }))).message).toContain('license must be');
    expect(parseError(catalogWith(translationModel({ attribution: 3 }))).message).toContain(
      'attribution must be',
    );
  });

  it('names the model by index when its id is bad', () => {
    expect(parseError(catalogWith(translationModel({ id: 'has space' }))).message).toContain(
      'models[0] id must be',
    );
    expect(parseError(catalogWith(translationModel(), 'oops')).message).toContain(
      'models[1] must be an object',
    );
  });

  it('refuses baseUrls a browser could not fetch or that do not belong in a catalog', () => {
    expect(parseError(catalogWith(translationModel({ baseUrl: 'http://cdn.example/m/' }))).message).toContain(
      'baseUrl must be https or relative',
    );
    expect(parseError(catalogWith(translationModel({ baseUrl: 'file:///tmp/m/' }))).message).toContain(
      'baseUrl',
    );
    expect(parseError(catalogWith(translationModel({ baseUrl: 'ftp://cdn.example/m/' }))).message).toContain(
      'baseUrl',
    );
    expect(parseError(catalogWith(translationModel({ baseUrl: 'm/?v=2' }))).message).toContain('query');
  });

  it('allows plain http models next to a plain http catalog (local serving)', () => {
    const [model] = parseCatalog(
      catalogWith(translationModel({ baseUrl: 'http://127.0.0.1:9000/m' })),
      'http://127.0.0.1:8080/models/catalog.json',
    ).models;
    expect(model?.remote).toBe(true);
  });

  it('rejects a relative catalog URL', () => {
    expect(parseError(catalogWith(), 'models/catalog.json').message).toMatch(/not absolute/);
  });
});

describe('loadCatalog', () => {
  it('fetches and validates', async () => {
    const fetchImpl: typeof fetch = async () => Response.json(catalogWith(translationModel()));
    const catalog = await loadCatalog(CATALOG_URL, fetchImpl);
    expect(catalog.models[0]?.id).toBe('opus-mt-en-es');
  });

  it('reports HTTP errors as network errors and bad JSON as an invalid catalog', async () => {
    await expect(
      loadCatalog(CATALOG_URL, async () => new Response('', { status: 404 })),
    ).rejects.toMatchObject({
      code: 'network',
      message: expect.stringContaining('HTTP 404'),
    });
    await expect(loadCatalog(CATALOG_URL, async () => new Response('{oops'))).rejects.toMatchObject({
      code: 'catalog-invalid',
    });
    const offline: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    await expect(loadCatalog(CATALOG_URL, offline)).rejects.toMatchObject({ code: 'network' });
  });
});
