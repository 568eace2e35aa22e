/**
 * The model catalog: `parseCatalog` validates untrusted JSON by hand (the schema is small, a validator library
 * would cost more than it saves in the worker bundle) and resolves every model's `baseUrl` to an absolute URL.
 * Every file of a bundled model carries its exact size and SHA-256; a model marked `"remote": true` (files on
 * another host, e.g. Hugging Face) may leave them out, and the loader then learns them from the host.
 *
 *   const catalog = await loadCatalog(new URL('models/catalog.json', location.href).href, fetch);
 */
import { LexletError } from './errors';
import type { Catalog, CatalogModel, ModelFile, ModelTask } from './types';

const TASKS: readonly ModelTask[] = ['translation', 'unfair-tos', 'contract-clauses'];
const SHA256_HEX = /^[0-9a-f]{64}$/;
/** Ids end up in cache keys and UI routes, so keep them plain. */
const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,127}$/;
/** A BCP 47-ish language tag: "en", "es", "pt-BR", "zh-Hant". */
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

type Json = Record<string, unknown>;

class CatalogReader {
  constructor(
    private readonly catalogUrl: string,
    private readonly where: string,
  ) {}

  fail(field: string, problem: string): never {
    throw new LexletError(
      'catalog-invalid',
      `Model catalog ${this.catalogUrl}: ${`${this.where}${field}`.trim()} ${problem}.`,
    );
  }

  string(value: Json, field: string): string {
    const text = value[field];
    if (typeof text !== 'string' || text.trim() === '') this.fail(field, 'must be a non-empty string');
    return text;
  }

  optionalString(value: Json, field: string): string | undefined {
    return value[field] === undefined ? undefined : this.string(value, field);
  }

  optionalWholeNumber(value: Json, field: string, min: number): number | undefined {
    const number = value[field];
    if (number !== undefined && (typeof number !== 'number' || !Number.isInteger(number) || number < min)) {
      this.fail(field, `must be a whole number of at least ${min}`);
    }
    return number as number | undefined;
  }

  optionalBoolean(value: Json, field: string): boolean | undefined {
    const flag = value[field];
    if (flag !== undefined && typeof flag !== 'boolean') this.fail(field, 'must be true or false');
    return flag as boolean | undefined;
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `"${text.length > 70 ? `${text.slice(0, 70)}…` : text}"`;
}

/** A path under the model's baseUrl: no scheme, no absolute path, no dot segments, no query. */
function isPlainRelativePath(path: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('/') || /[?#\\]/.test(path)) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/**
 * A remote model may leave a file's size and/or SHA-256 out (null or absent): the loader learns them from the
 * host. Bundled files must be pinned, since scripts/refresh-catalog.js can always compute them.
 */
function parseFiles(reader: CatalogReader, model: Json, unpinnedAllowed: boolean): ModelFile[] {
  const files = model.files;
  if (!Array.isArray(files) || files.length === 0) reader.fail('files', 'must be a non-empty array');
  const seen = new Set<string>();
  const missing = (field: string, path: string): never =>
    reader.fail(
      field,
      `(${path}) is missing: only a model marked "remote": true may leave size and sha256 out (bundled files are pinned by scripts/refresh-catalog.js)`,
    );
  return files.map((file: unknown, index): ModelFile => {
    const field = `files[${index}]`;
    if (!isObject(file)) reader.fail(field, 'must be an object');
    const path = file.path;
    if (typeof path !== 'string' || !isPlainRelativePath(path)) {
      reader.fail(`${field}.path`, `must be a relative path such as "onnx/model.onnx", got ${quote(path)}`);
    }
    if (seen.has(path)) reader.fail(`${field}.path`, `repeats ${quote(path)}`);
    seen.add(path);
    const size = file.size ?? null;
    const sha256 = file.sha256 ?? null;
    if (size === null) {
      if (!unpinnedAllowed) missing(`${field}.size`, path);
    } else if (typeof size !== 'number' || !Number.isSafeInteger(size) || size <= 0) {
      reader.fail(`${field}.size`, `(${path}) must be a positive whole number of bytes, got ${quote(size)}`);
    }
    if (sha256 === null) {
      if (!unpinnedAllowed) missing(`${field}.sha256`, path);
    } else if (typeof sha256 !== 'string' || !SHA256_HEX.test(sha256)) {
      reader.fail(`${field}.sha256`, `(${path}) must be 64 lower-case hex digits, got ${quote(sha256)}`);
    }
    return { path, size, sha256 };
  });
}

/**
 * Resolves baseUrl against the catalog and decides whether it is remote. Plain http is refused from an https
 * catalog (browsers block mixed content) and file: URLs only make sense next to a file: catalog (the CLI).
 */
function resolveBaseUrl(
  reader: CatalogReader,
  raw: string,
  catalogUrl: URL,
): { baseUrl: string; remote: boolean } {
  let url: URL;
  try {
    url = new URL(raw, catalogUrl);
  } catch {
    reader.fail('baseUrl', `is not a valid URL: ${quote(raw)}`);
  }
  const allowed =
    url.protocol === 'https:' ||
    (url.protocol === 'http:' && catalogUrl.protocol !== 'https:') ||
    (url.protocol === 'file:' && catalogUrl.protocol === 'file:');
  if (!allowed) reader.fail('baseUrl', `must be https or relative to the catalog, got ${quote(url.href)}`);
  if (url.search || url.hash) reader.fail('baseUrl', `must not carry a query or fragment, got ${quote(raw)}`);
  // A trailing slash makes file paths resolve beneath the folder instead of replacing its last segment.
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return {
    baseUrl: url.href,
    remote: url.origin !== catalogUrl.origin || url.protocol !== catalogUrl.protocol,
  };
}

/** An optional non-empty list of strings that each pass `valid`, e.g. a tagging model's labels. */
function parseStringList(
  reader: CatalogReader,
  model: Json,
  field: 'labels' | 'languages',
  valid: (item: string) => boolean,
  what: string,
): string[] | undefined {
  const list = model[field];
  if (list === undefined) return undefined;
  if (
    !Array.isArray(list) ||
    list.length === 0 ||
    list.some((item) => typeof item !== 'string' || !valid(item))
  ) {
    reader.fail(field, `must be a non-empty array of ${what}`);
  }
  return [...(list as string[])];
}

function parseModel(model: unknown, index: number, catalogUrl: URL): CatalogModel {
  const anonymous: CatalogReader = new CatalogReader(catalogUrl.href, `models[${index}] `);
  if (!isObject(model)) anonymous.fail('', 'must be an object');
  const id = model.id;
  if (typeof id !== 'string' || !MODEL_ID.test(id)) {
    anonymous.fail('id', `must be letters, digits, ".", "_", "-" or "/" (at most 128), got ${quote(id)}`);
  }
  const reader: CatalogReader = new CatalogReader(catalogUrl.href, `model "${id}" `);
  const task = model.task;
  if (typeof task !== 'string' || !TASKS.includes(task as ModelTask)) {
    reader.fail('task', `must be one of ${TASKS.join(', ')}; got ${quote(task)}`);
  }
  const source = reader.optionalString(model, 'source');
  const target = reader.optionalString(model, 'target');
  if (task === 'translation' && (source === undefined || target === undefined)) {
    reader.fail(source === undefined ? 'source' : 'target', 'is required for a translation model');
  }
  for (const [field, language] of [
    ['source', source],
    ['target', target],
  ] as const) {
    if (language !== undefined && !LANGUAGE.test(language)) {
      reader.fail(field, `must be a language tag such as "en" or "pt-BR", got ${quote(language)}`);
    }
  }
  const { baseUrl, remote } = resolveBaseUrl(reader, reader.string(model, 'baseUrl'), catalogUrl);
  const declaredRemote = reader.optionalBoolean(model, 'remote');
  if (declaredRemote !== undefined && declaredRemote !== remote) {
    reader.fail(
      'remote',
      declaredRemote
        ? `is true, but baseUrl ${quote(baseUrl)} is on the catalog's own host`
        : `is false, but baseUrl ${quote(baseUrl)} is on another host`,
    );
  }
  const parsed: CatalogModel = {
    id,
    name: reader.string(model, 'name'),
    task: task as ModelTask,
    baseUrl,
    files: parseFiles(reader, model, declaredRemote === true),
    license: reader.string(model, 'license'),
    attribution: reader.string(model, 'attribution'),
    remote,
  };
  const labels = parseStringList(reader, model, 'labels', (label) => label.length > 0, 'label names');
  const languages = parseStringList(
    reader,
    model,
    'languages',
    (tag) => LANGUAGE.test(tag),
    'language tags such as "en" or "pt-BR"',
  );
  const description = reader.optionalString(model, 'description');
  const fixture = reader.optionalBoolean(model, 'fixture');
  const clauseWords = reader.optionalWholeNumber(model, 'splitSentencesOverWords', 2);
  if (clauseWords !== undefined) parsed.splitSentencesOverWords = clauseWords;
  if (source !== undefined) parsed.source = source;
  if (target !== undefined) parsed.target = target;
  if (labels !== undefined) parsed.labels = labels;
  if (languages !== undefined) parsed.languages = languages;
  if (description !== undefined) parsed.description = description;
  if (fixture !== undefined) parsed.fixture = fixture;
  return parsed;
}

/** Validates catalog JSON; throws LexletError('catalog-invalid') naming the model and field at fault. */
export function parseCatalog(json: unknown, catalogUrl: string): Catalog {
  let base: URL;
  try {
    base = new URL(catalogUrl);
  } catch (error) {
    throw new LexletError('catalog-invalid', `The catalog URL ${quote(catalogUrl)} is not absolute.`, {
      cause: error,
    });
  }
  const top: CatalogReader = new CatalogReader(base.href, '');
  if (!isObject(json)) top.fail('the document', 'must be a JSON object');
  if (json.version !== 1) top.fail('version', `must be 1, got ${quote(json.version)}`);
  if (!Array.isArray(json.models)) top.fail('models', 'must be an array');
  const models = json.models.map((model: unknown, index) => parseModel(model, index, base));
  const ids = new Set<string>();
  for (const model of models) {
    if (ids.has(model.id)) top.fail(`model "${model.id}"`, 'appears more than once');
    ids.add(model.id);
  }
  return { version: 1, models };
}

/** Fetches and validates the catalog. Network failures are LexletError('network'). */
export async function loadCatalog(
  url: string,
  fetchImpl: typeof fetch,
  signal?: AbortSignal,
): Promise<Catalog> {
  let response: Response;
  try {
    response = await fetchImpl(url, { signal });
  } catch (error) {
    if (signal?.aborted) throw new LexletError('aborted', 'Cancelled.', { cause: error });
    const reason = error instanceof Error ? error.message : String(error);
    throw new LexletError('network', `Could not load the model catalog ${url}: ${reason}`, { cause: error });
  }
  if (!response.ok) {
    throw new LexletError('network', `Could not load the model catalog ${url}: HTTP ${response.status}`);
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    throw new LexletError('catalog-invalid', `Model catalog ${url} is not valid JSON.`, { cause: error });
  }
  return parseCatalog(json, url);
}
