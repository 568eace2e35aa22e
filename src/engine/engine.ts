import type { EngineApi } from './api';
import { LexletError, isAbortError } from './errors';
import type { ModelRepository } from './models/repository';
import type { RuntimeEnvironment } from './runtime/backend-choice';
import type { OrtLoader } from './runtime/ort';
import { Runtime } from './runtime/runtime';
import { loadSentenceTagger, tagDocument, type SentenceTagger } from './legal';
import type { TensorFactory } from './legal/tagger';
import { translateDocument, type RememberedTranslation, type SentenceMemo } from './translate/document';
import { glossaryKey } from './translate/glossary/glossary-key';
import { loadTranslator } from './translate/load-translator';
import { LruCache } from './translate/lru-cache';
import { PHRASEBOOK_FILE, Phrasebook, withPhrasebook } from './translate/phrasebook';
import { language } from './translate/script';
import type { SentenceTranslator } from './translate/sentence-translator';
import type {
  BackendInfo,
  BackendName,
  BackendPreference,
  Catalog,
  DocumentTags,
  GenerationOptions,
  LoadProgress,
  ModelStatus,
  StorageInfo,
  TagDocumentRequest,
  TagProgress,
  TranslateEvent,
  TranslateRequest,
  TranslateResult,
} from './types';

/** Builds the repository for a catalog URL (relative model URLs resolve against it). */
export type RepositoryFactory = (catalogUrl: string) => ModelRepository | Promise<ModelRepository>;

export interface EngineOptions {
  /** Loads onnxruntime for a backend (dynamic import in the browser; onnxruntime-node / -web in Node). */
  loadOrt: OrtLoader;
  /** A ready repository, or a factory that `loadCatalog` calls. */
  repository: ModelRepository | RepositoryFactory;
  environment: RuntimeEnvironment;
  preference?: BackendPreference;
}

const MEMO_CAPACITY = 2000;

function optionsKey(options: GenerationOptions | undefined): string {
  const { numBeams, lengthPenalty, maxLengthFactor, maxLengthOffset } = options ?? {};
  return JSON.stringify([numBeams, lengthPenalty, maxLengthFactor, maxLengthOffset]);
}

function asLexletError(error: unknown, backend: BackendName | undefined): unknown {
  if (error instanceof LexletError || isAbortError(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new LexletError('backend', `Translation failed${backend ? ` on ${backend}` : ''}: ${reason}`, {
    cause: error,
  });
}

/**
 * The engine behind the worker and the CLI: catalog, downloads, backend choice, translation and tagging.
 *
 *   // Worker: onnxruntime-web's WASM-only build for WASM, its WebGPU build for WebGPU (runtime/ort-build.ts);
 *   // imported dynamically (pthread trap).
 *   const engine = new Engine({
 *     loadOrt: createOrtLoader({
 *       webgpu: () => import('onnxruntime-web/webgpu'),
 *       wasm: () => import('onnxruntime-web/wasm'),
 *     }),
 *     repository: (catalogUrl) => createBrowserModelRepository(catalogUrl),
 *     environment: { gpu: navigator.gpu ?? null, crossOriginIsolated: self.crossOriginIsolated },
 *   });
 *   await engine.loadCatalog(catalogUrl);
 *   const result = await engine.translate({ modelId, text }, onEvent, signal);
 */
export class Engine implements EngineApi {
  readonly runtime: Runtime;
  private repository: ModelRepository | null;
  private readonly repositoryFactory: RepositoryFactory | null;
  /** Open models keyed by `${modelId}|${backend}`. */
  private readonly translators = new Map<string, Promise<SentenceTranslator>>();
  /** Open tagging models keyed by `${modelId}|${backend}`. */
  private readonly taggers = new Map<string, Promise<SentenceTagger>>();
  /** Translation models' phrasebooks (undefined for a model without one), keyed by model id. */
  private readonly phrasebooks = new Map<string, Promise<Phrasebook | undefined>>();
  private readonly memo = new LruCache<string, RememberedTranslation>(MEMO_CAPACITY);
  /** Translators whose sessions are open (a translation that finds one still opening says it waits for it). */
  private readonly opened = new WeakSet<Promise<SentenceTranslator>>();

  constructor(options: EngineOptions) {
    this.runtime = new Runtime(options.loadOrt, options.environment, options.preference);
    if (typeof options.repository === 'function') {
      this.repository = null;
      this.repositoryFactory = options.repository;
    } else {
      this.repository = options.repository;
      this.repositoryFactory = null;
    }
    this.runtime.onChange((info) => {
      void this.closeTranslators((key) => !key.endsWith(`|${info.active}`));
      for (const key of this.taggers.keys()) if (!key.endsWith(`|${info.active}`)) this.taggers.delete(key);
    });
  }

  async loadCatalog(catalogUrl: string): Promise<Catalog> {
    if (this.repositoryFactory) {
      const repository = await this.repositoryFactory(catalogUrl);
      await this.closeTranslators(() => true);
      this.taggers.clear();
      this.phrasebooks.clear();
      this.memo.clear();
      this.repository = repository;
    }
    return this.requireRepository().catalog;
  }

  getBackend(): Promise<BackendInfo> {
    return this.runtime.backend();
  }

  setBackend(preference: BackendPreference): Promise<BackendInfo> {
    return this.runtime.setPreference(preference);
  }

  modelStatuses(): Promise<ModelStatus[]> {
    return this.requireRepository().statuses();
  }

  downloadModel(
    modelId: string,
    onProgress: (event: LoadProgress) => void,
    signal?: AbortSignal,
  ): Promise<ModelStatus> {
    return this.requireRepository().download(modelId, onProgress, signal);
  }

  async deleteModel(modelId: string): Promise<ModelStatus> {
    await this.closeTranslators((key) => key.startsWith(`${modelId}|`));
    this.phrasebooks.delete(modelId);
    return this.requireRepository().delete(modelId);
  }

  storage(): Promise<StorageInfo> {
    return this.requireRepository().storage();
  }

  async ping(): Promise<number> {
    return Date.now();
  }

  async translate(
    request: TranslateRequest,
    onEvent: (event: TranslateEvent) => void,
    signal?: AbortSignal,
  ): Promise<TranslateResult> {
    const repository = this.requireRepository();
    const model = repository.model(request.modelId);
    if (model.task !== 'translation') {
      throw new LexletError('unsupported-pair', `${model.name} does not translate.`);
    }
    const targetLocale = request.targetLocale ?? model.target;
    if (language(targetLocale) !== language(model.target)) {
      throw new LexletError(
        'unsupported-pair',
        `${model.name} translates into ${model.target ?? '?'}, not ${targetLocale ?? '?'}.`,
      );
    }
    const started = performance.now();
    let backend: BackendName | undefined;
    const glossary = glossaryKey(request.glossary);
    const memoPrefix = `${request.modelId}\u0000${targetLocale ?? ''}\u0000${optionsKey(request.options)}\u0000${glossary}\u0000`;
    const memo: SentenceMemo = {
      get: (sentence) => this.memo.get(memoPrefix + sentence),
      set: (sentence, translation) => this.memo.set(memoPrefix + sentence, translation),
    };
    // The model opens while its phrasebook is read, so a first translation waits for the slower of the two, not
    // for both; a model that cannot open says why when the translation asks for it.
    if (!this.phrasebooks.has(request.modelId)) {
      void this.runtime
        .backend()
        .then(({ active }) => this.translator(request.modelId, active, signal))
        .catch(() => undefined);
    }

    const result = await translateDocument(request.text, {
      locale: model.source,
      targetLocale,
      memo,
      onEvent,
      signal,
      groupSize: request.options?.sentencesPerRun,
      splitSentencesOverWords: model.splitSentencesOverWords,
      glossary: request.glossary,
      countPieces: async (words) => {
        const active = backend ?? (await this.runtime.backend()).active;
        return (await this.translator(request.modelId, active, signal)).countPieces(words);
      },
      translateSentences: withPhrasebook(
        () => this.phrasebook(request.modelId),
        (sentences, onPartial) =>
          this.runtime
            .withFallback(async (active) => {
              backend = active;
              const translator = await this.openTranslator(request.modelId, active, onEvent, signal);
              return translator.translateBatch(sentences, request.options, onPartial, signal);
            })
            .catch((error: unknown) => {
              throw asLexletError(error, backend);
            }),
      ),
    });
    backend ??= (await this.runtime.backend()).active;
    const seconds = (performance.now() - started) / 1000;
    onEvent({ type: 'stats', tokens: result.tokens, seconds, backend });
    return { text: result.text, tokens: result.tokens, seconds, backend };
  }

  tagDocument(
    request: TagDocumentRequest,
    onProgress: (event: TagProgress) => void,
    signal?: AbortSignal,
  ): Promise<DocumentTags> {
    // A run that fails on WebGPU is tagged again on WASM (the tagger is reopened on the new backend).
    return this.runtime.withFallback(async () => {
      const tagger = await this.tagger(request.modelId);
      return tagDocument(request.text, tagger, {
        onProgress,
        signal,
        ...(request.candidateFloor === undefined ? {} : { candidateFloor: request.candidateFloor }),
      });
    });
  }

  /**
   * Starts onnxruntime on the active backend (see Runtime.start) when a model is on the device, so that its
   * first use does not wait for it. Without one (a first visit) there is nothing to run yet, and the runtime's
   * download is left to the service worker's precache rather than fetched twice at once.
   */
  async warmUp(): Promise<void> {
    try {
      const statuses = await this.requireRepository().statuses();
      if (!statuses.some((status) => status.state === 'ready')) return;
      await this.runtime.start((await this.runtime.backend()).active);
    } catch {
      // Nothing is lost: the first translation starts the runtime again, and falls back from WebGPU if needed.
    }
  }

  async openModel(modelId: string): Promise<void> {
    const repository = this.requireRepository();
    if (repository.model(modelId).task !== 'translation') return;
    if ((await repository.status(modelId)).state !== 'ready') return;
    try {
      void this.phrasebook(modelId).catch(() => undefined);
      const { active } = await this.runtime.backend();
      const translator = await this.translator(modelId, active);
      // A first run pays for more than its tokens (the runtime's first inference, its buffers): a short one now
      // spares the first translation that cost. Only on WASM, whose runs never overlap: WebGPU runs on shared
      // sessions do, with a translation asked for meanwhile.
      if (active === 'wasm')
        await translator.translate('1', { numBeams: 1, maxLengthFactor: 0, maxLengthOffset: 4 });
    } catch {
      // The first translation opens it again, and falls back from WebGPU or says what is wrong.
    }
  }

  /** Opens (once) the model's sessions on `backend`. */
  translator(modelId: string, backend: BackendName, signal?: AbortSignal): Promise<SentenceTranslator> {
    const key = `${modelId}|${backend}`;
    let translator = this.translators.get(key);
    if (!translator) {
      const loading = loadTranslator(this.requireRepository(), this.runtime, modelId, backend, signal);
      translator = loading;
      loading.then(
        () => this.opened.add(loading),
        () => undefined,
      );
      translator.catch(() => {
        if (this.translators.get(key) === translator) this.translators.delete(key);
      });
      this.translators.set(key, translator);
    }
    return translator;
  }

  /**
   * The model's phrasebook, read once (a failed read is tried again next time); undefined when its folder has
   * none, as a model loaded from another site's files has not. Read without the caller's signal: it is small, and
   * shared by every translation with the model.
   */
  phrasebook(modelId: string): Promise<Phrasebook | undefined> {
    let phrasebook = this.phrasebooks.get(modelId);
    if (!phrasebook) {
      const repository = this.requireRepository();
      const label = `${modelId}/${PHRASEBOOK_FILE}`;
      phrasebook = repository.model(modelId).files.some((file) => file.path === PHRASEBOOK_FILE)
        ? repository.readFile(modelId, PHRASEBOOK_FILE).then((bytes) => Phrasebook.fromFile(bytes, label))
        : Promise.resolve(undefined);
      const loading = phrasebook;
      loading.catch(() => {
        if (this.phrasebooks.get(modelId) === loading) this.phrasebooks.delete(modelId);
      });
      this.phrasebooks.set(modelId, loading);
    }
    return phrasebook;
  }

  /** The translator, saying what a first translation waits for while it opens (the app shows it). */
  private async openTranslator(
    modelId: string,
    backend: BackendName,
    onEvent: (event: TranslateEvent) => void,
    signal?: AbortSignal,
  ): Promise<SentenceTranslator> {
    const existing = this.translators.get(`${modelId}|${backend}`);
    if (existing && this.opened.has(existing)) return existing;
    onEvent({ type: 'loading', stage: 'engine', modelId });
    // The model's files are read and its tokenizer built while the runtime starts; its sessions wait for it.
    const opening = this.translator(modelId, backend, signal);
    await this.runtime.start(backend);
    onEvent({ type: 'loading', stage: 'model', modelId });
    const translator = await opening;
    onEvent({ type: 'loading', stage: 'opened', modelId });
    return translator;
  }

  /** Opens (once) a sentence-tagging model (tasks `unfair-tos` and `contract-clauses`) on the active backend. */
  async tagger(modelId: string): Promise<SentenceTagger> {
    const repository = this.requireRepository();
    const model = repository.model(modelId);
    if (model.task === 'translation')
      throw new LexletError('model-invalid', `${model.name} does not tag text.`);
    return this.runtime.withFallback((backend) => {
      const key = `${modelId}|${backend}`;
      let tagger = this.taggers.get(key);
      if (!tagger) {
        tagger = this.runtime.ort(backend).then((ort) =>
          loadSentenceTagger({
            readFile: (path) => repository.readFile(modelId, path),
            // Same scores as 'all' (checked on the CUAD contracts), opened in a fraction of the time.
            createSession: (bytes, { file, inputs, outputs }) =>
              this.runtime.createSession(backend, bytes, [], 'basic', {
                label: `${modelId}/${file}`,
                inputs,
                outputs,
              }),
            Tensor: ort.Tensor as unknown as TensorFactory,
          }),
        );
        tagger.catch(() => {
          if (this.taggers.get(key) === tagger) this.taggers.delete(key);
        });
        this.taggers.set(key, tagger);
      }
      return tagger;
    });
  }

  /** Releases every open session. */
  dispose(): Promise<void> {
    return this.closeTranslators(() => true);
  }

  private async closeTranslators(shouldClose: (key: string) => boolean): Promise<void> {
    const closing: Promise<unknown>[] = [];
    for (const [key, translator] of this.translators) {
      if (!shouldClose(key)) continue;
      this.translators.delete(key);
      closing.push(translator.then((opened) => opened.dispose()).catch(() => undefined));
    }
    await Promise.all(closing);
  }

  private requireRepository(): ModelRepository {
    if (!this.repository) throw new LexletError('catalog-invalid', 'No catalog loaded yet.');
    return this.repository;
  }
}
