import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ortNode from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { isAbortError } from '../errors';
import { contradictingRule } from './clause-conflicts';
import { clauseContexts } from './clause-context';
import { clausesAllowedByDocument } from './document-rules';
import { tagDocument, type TagProgress } from './document-tagger';
import { extractKeyFacts } from './facts';
import { formatDocumentTags } from './format';
import { loadSentenceTagger } from './load-tagger';
import type { FeaturizerJson } from './featurize';
import { parseTaggerConfig } from './model-config';
import { segmentClauses } from './segment';
import { SentenceTagger, type SessionLike, type TensorFactory } from './tagger';

const root = new URL('../../../', import.meta.url).pathname;
const contract = readFileSync(join(root, 'e2e/fixtures/review/contract.txt'), 'utf8');
const termsOfService = readFileSync(join(root, 'e2e/fixtures/review/terms-of-service.txt'), 'utf8');
const featurizerJson = (
  JSON.parse(readFileSync(join(root, 'public/models/lexlet-unfair-tos/config.json'), 'utf8')) as {
    featurizer: FeaturizerJson;
  }
).featurizer;

async function shippedTagger(model: string): Promise<SentenceTagger> {
  const dir = join(root, 'public/models', model);
  return loadSentenceTagger({
    readFile: async (p) => new Uint8Array(readFileSync(join(dir, p))),
    createSession: (bytes) => ortNode.InferenceSession.create(bytes) as Promise<SessionLike>,
    Tensor: ortNode.Tensor as unknown as TensorFactory,
  });
}

/** A long document of clauses of many lengths (more than two tagger batches), CRLF and LF mixed. */
function longDocument(): string {
  const parts: string[] = [];
  for (let i = 0; i < 24; i++) {
    const body = i % 2 === 0 ? contract : termsOfService.replace(/\n/g, '\r\n');
    parts.push(body.replace(/^(\d+)\. /gm, (_, n: string) => `${i * 20 + Number(n)}. `));
  }
  return parts.join('\n\n');
}

/**
 * The document tagged in one call: every clause read in its context, then the per-clause threshold, the document
 * rules and the clause-text rules.
 */
async function oneCallTags(text: string, tagger: SentenceTagger): Promise<string> {
  const segments = segmentClauses(text, { maxChars: 600 }).filter((s) => s.kind !== 'heading');
  const contexts = clauseContexts(text, segments);
  const probs = await tagger.probabilitiesOfIds(
    segments.map((s, i) => {
      const context = contexts[i];
      const clause = text.slice(s.start, s.end);
      return context ? tagger.idsInContext(clause, context) : tagger.ids(clause);
    }),
  );
  const { labels, documentRules } = tagger.config;
  const byDocument = documentRules ? clausesAllowedByDocument(probs, documentRules) : null;
  const spans = segments.flatMap((segment, i) => {
    const p = probs[i];
    if (!p) return [];
    const tags = tagger.decide(p);
    const clause = text.slice(segment.start, segment.end);
    return tags.labels
      .filter((label) => !contradictingRule(label, clause))
      .filter((label) => !byDocument || byDocument[labels.indexOf(label)]?.[i] === true)
      .map((label) => ({
        label,
        start: segment.start,
        end: segment.end,
        score: tags.scores[label] ?? 0,
        text: text.slice(segment.start, segment.end),
      }));
  });
  return formatDocumentTags({ spans, facts: extractKeyFacts(text) });
}

class PlainTensor {
  constructor(
    readonly type: string,
    readonly data: Int32Array | Float32Array,
    readonly dims: number[],
  ) {}
}

/**
 * A session whose scores depend on the padded width of the batch, the way float sums in a real session may in their
 * last bits: any change to how clauses are batched changes the tags.
 */
function widthSensitiveTagger(): SentenceTagger {
  const config = parseTaggerConfig(
    JSON.parse(readFileSync(join(root, 'public/models/lexlet-cuad/config.json'), 'utf8')),
  );
  const n = config.labels.length;
  const session: SessionLike = {
    run: async (feeds) => {
      const [rows = 0, width = 0] = (feeds[config.inputIds] as PlainTensor).dims;
      const probs = new Float32Array(rows * n).map((_, k) => ((width * 7 + (k % n) * 13) % 100) / 100);
      return { [config.output]: { data: probs } };
    },
  };
  return new SentenceTagger(session, PlainTensor as unknown as TensorFactory, config);
}

/** config.json of a hashed two-label tagger whose session a test writes itself. */
function twoLabelConfig(labels: [string, string], fields: Record<string, unknown>) {
  return parseTaggerConfig({
    model_type: 'hashed-ngram-bag',
    task: 'test',
    model_id: 'two-labels',
    version: 1,
    labels,
    featurizer: { ...featurizerJson, char_min: 0, char_max: 0 },
    onnx: { file: 'm.onnx', inputs: { ids: 'ids', mask: 'mask' }, output: 'probs', ids_dtype: 'int32' },
    ...fields,
  });
}

/**
 * A tagger with two labels whose scores grow with a clause's length (ids in its mask row), under the given document
 * rules: the longest clause scores highest for both.
 */
function lengthScoredTagger(gates: number[], topK: (number | null)[]): SentenceTagger {
  const config = twoLabelConfig(['Governing Law', 'Notice'], {
    thresholds: [0.1, 0.1],
    document_rules: { gate: gates, top_k: topK },
  });
  const session: SessionLike = {
    run: async (feeds) => {
      const mask = feeds.mask as PlainTensor;
      const [rows = 0, width = 0] = mask.dims;
      const probs = new Float32Array(rows * 2);
      for (let r = 0; r < rows; r++) {
        const length = Array.from(mask.data.slice(r * width, (r + 1) * width)).reduce((a, b) => a + b, 0);
        probs[r * 2] = probs[r * 2 + 1] = Math.min(0.99, length / 40);
      }
      return { probs: { data: probs } };
    },
  };
  return new SentenceTagger(session, PlainTensor as unknown as TensorFactory, config);
}

describe('tagDocument with document rules', () => {
  const text = [
    'Short clause here.',
    '',
    'A somewhat longer clause that the parties agree on.',
    '',
    'The longest clause of this small agreement, which the parties sign on the date written above it.',
  ].join('\n');

  it('tags at most the best clauses a label allows, and keeps the rest as candidates', async () => {
    const tags = await tagDocument(text, lengthScoredTagger([0.1, 0.1], [1, null]), { candidateFloor: 0.02 });
    const governing = tags.spans.filter((s) => s.label === 'Governing Law');
    expect(governing.map((s) => s.text)).toEqual([text.split('\n')[4]]);
    expect(tags.spans.filter((s) => s.label === 'Notice')).toHaveLength(3);
    const held = (tags.candidates ?? []).filter((c) => c.label === 'Governing Law');
    expect(held).toHaveLength(2);
    expect(held.every((c) => c.score >= 0.1)).toBe(true);
  });

  it('tags nothing for a label when no clause reaches its gate', async () => {
    const tags = await tagDocument(text, lengthScoredTagger([1, 0.1], [null, null]), {
      candidateFloor: 0.02,
    });
    expect(tags.spans.some((s) => s.label === 'Governing Law')).toBe(false);
    expect((tags.candidates ?? []).filter((c) => c.label === 'Governing Law')).toHaveLength(3);
    expect(formatDocumentTags(tags)).toBe(
      await oneCallTags(text, lengthScoredTagger([1, 0.1], [null, null])),
    );
  });
});

describe('tagDocument with thresholds per language', () => {
  /** Both labels score 0.5 for every clause; German text needs 0.4, any other 0.6. */
  function halfScoredTagger(): SentenceTagger {
    const config = twoLabelConfig(['Arbitration', 'Choice of law'], {
      thresholds: [0.6, 0.6],
      thresholds_by_language: { de: [0.4, 0.6] },
    });
    const session: SessionLike = {
      run: async (feeds) => {
        const [rows = 0] = (feeds.ids as PlainTensor).dims;
        return { probs: { data: new Float32Array(rows * 2).fill(0.5) } };
      },
    };
    return new SentenceTagger(session, PlainTensor as unknown as TensorFactory, config);
  }
  const german = readFileSync(join(root, 'e2e/fixtures/review/terms-of-service-de.txt'), 'utf8');

  it("decides by the document's language, guessed from its words or given, and says which", async () => {
    const guessed = await tagDocument(german, halfScoredTagger(), { candidateFloor: 0.1 });
    expect(guessed.thresholdsLanguage).toBe('de');
    expect(guessed.thresholds).toEqual({ Arbitration: 0.4, 'Choice of law': 0.6 });
    expect(new Set(guessed.spans.map((s) => s.label))).toEqual(new Set(['Arbitration']));

    const english = await tagDocument(termsOfService, halfScoredTagger());
    expect(english.spans).toEqual([]);
    expect(english.thresholdsLanguage).toBeUndefined();
    const told = await tagDocument(termsOfService, halfScoredTagger(), { language: 'de' });
    expect(told.spans.length).toBeGreaterThan(0);
  });
});

describe('tagDocument with progress, cancellation and candidates', () => {
  it('batches clauses exactly as one call would, so progress never changes a tag', async () => {
    const tagger = widthSensitiveTagger();
    const text = longDocument();
    const tags = await tagDocument(text, tagger, {
      onProgress: () => {},
      signal: new AbortController().signal,
    });
    expect(tags.spans.length).toBeGreaterThan(0);
    expect(formatDocumentTags(tags)).toBe(await oneCallTags(text, tagger));
  });

  it('reports progress per batch and tags exactly what one call would', async () => {
    const tagger = await shippedTagger('lexlet-cuad');
    const text = longDocument();
    const events: TagProgress[] = [];
    const tags = await tagDocument(text, tagger, {
      onProgress: (event) => events.push(event),
      signal: new AbortController().signal,
      candidateFloor: 0.02,
    });
    const total = segmentClauses(text, { maxChars: 600 }).filter((s) => s.kind !== 'heading').length;
    expect(total).toBeGreaterThan(128);
    expect(events[0]).toEqual({ done: 0, total });
    expect(events.at(-1)).toEqual({ done: total, total });
    expect(events.length).toBe(Math.ceil(total / 64) + 1);
    for (let i = 1; i < events.length; i++) expect(events[i]?.done).toBeGreaterThan(events[i - 1]?.done ?? 0);
    expect(formatDocumentTags(tags)).toBe(await oneCallTags(text, tagger));
  }, 60_000);

  it('keeps sub-threshold scores above the floor as candidates, with the thresholds', async () => {
    const tagger = await shippedTagger('lexlet-cuad');
    const tags = await tagDocument(contract, tagger, { candidateFloor: 0.05 });
    const thresholds = tags.thresholds ?? {};
    expect(Object.keys(thresholds)).toEqual(tagger.config.labels);
    expect(tags.candidates?.length).toBeGreaterThan(0);
    const decided = new Set(tags.spans.map((s) => `${s.label}@${s.start}`));
    for (const candidate of tags.candidates ?? []) {
      expect(candidate.score).toBeGreaterThanOrEqual(0.05);
      // Under the label's threshold, or held back by the document rules (a gated-off label, a lower rank).
      if (!tagger.config.documentRules) {
        expect(candidate.score).toBeLessThanOrEqual(thresholds[candidate.label] ?? 0);
      }
      expect(decided.has(`${candidate.label}@${candidate.start}`)).toBe(false);
      expect(contract.slice(candidate.start, candidate.end).trim()).not.toBe('');
    }
    for (const span of tags.spans) expect(span.score).toBeGreaterThanOrEqual(thresholds[span.label] ?? 1);
    const withoutFloor = await tagDocument(contract, tagger);
    expect(withoutFloor.candidates).toBeUndefined();
    expect(withoutFloor.thresholds).toBeUndefined();
    expect(withoutFloor.spans).toEqual(tags.spans);
  }, 30_000);

  it('drops a label the clause text rules out, from the spans and the candidates alike', async () => {
    const tagger = await shippedTagger('lexlet-cuad');
    const tags = await tagDocument(contract, tagger, { candidateFloor: 0.02 });
    const cap = contract.indexOf('Limitation of Liability.');
    const onCap = [...tags.spans, ...(tags.candidates ?? [])].filter((s) => s.start <= cap && cap < s.end);
    // The model scores "Uncapped Liability" over its threshold on this plain cap; the clause's words settle it.
    expect(onCap.map((s) => s.label)).toContain('Cap on Liability');
    expect(onCap.map((s) => s.label)).not.toContain('Uncapped Liability');
    const probs = await tagger.probabilities([contract.slice(onCap[0]?.start, onCap[0]?.end)]);
    const uncapped = tagger.config.labels.indexOf('Uncapped Liability');
    expect(probs[0]?.[uncapped]).toBeGreaterThanOrEqual(tagger.config.thresholds[uncapped] ?? 1);
  }, 30_000);

  it('stops between batches when the signal aborts', async () => {
    const tagger = await shippedTagger('lexlet-unfair-tos');
    const controller = new AbortController();
    const events: TagProgress[] = [];
    const run = tagDocument(longDocument(), tagger, {
      signal: controller.signal,
      onProgress: (event) => {
        events.push(event);
        if (event.done > 0) controller.abort();
      },
    });
    const error: unknown = await run.catch((caught: unknown) => caught);
    expect(isAbortError(error)).toBe(true);
    expect(events.map((event) => event.done)).toEqual([0, 64]);

    const already = new AbortController();
    already.abort();
    const early: unknown = await tagDocument(contract, tagger, { signal: already.signal }).catch(
      (caught: unknown) => caught,
    );
    expect(isAbortError(early)).toBe(true);
  }, 30_000);

  it('rejects a candidate floor outside (0, 1]', async () => {
    const tagger = await shippedTagger('lexlet-unfair-tos');
    await expect(tagDocument(contract, tagger, { candidateFloor: 0 })).rejects.toThrow(/candidateFloor/);
    await expect(tagDocument(contract, tagger, { candidateFloor: 1.5 })).rejects.toThrow(/candidateFloor/);
  });
});
