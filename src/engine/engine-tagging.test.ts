import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ortNode from 'onnxruntime-node';
import { afterEach, describe, expect, it } from 'vitest';
import { loadNodeOrt } from '../cli/node-ort';
import { Engine } from './engine';
import { isAbortError, LexletError } from './errors';
import { tagDocument } from './legal/document-tagger';
import { loadSentenceTagger } from './legal/load-tagger';
import type { SessionLike, TensorFactory } from './legal/tagger';
import { createNodeModelRepository } from './models/node-repository';
import type { TagProgress } from './types';

const CATALOG = fileURLToPath(new URL('../../public/models/catalog.json', import.meta.url));
const fixture = (name: string) =>
  readFileSync(new URL(`../../e2e/fixtures/review/${name}`, import.meta.url), 'utf8');

describe('Engine.tagDocument on the bundled tagging models', () => {
  let engine: Engine | undefined;
  afterEach(async () => engine?.dispose());

  async function create(): Promise<Engine> {
    engine = new Engine({
      loadOrt: loadNodeOrt,
      repository: createNodeModelRepository,
      environment: { nativeCpu: true },
    });
    await engine.loadCatalog(CATALOG);
    return engine;
  }

  it('tags a contract with progress, key facts and candidates', async () => {
    const engine = await create();
    const text = fixture('contract.txt');
    const events: TagProgress[] = [];
    const tags = await engine.tagDocument({ modelId: 'lexlet-cuad', text, candidateFloor: 0.05 }, (event) =>
      events.push(event),
    );
    const governing = tags.spans.find((span) => span.label === 'Governing Law');
    expect(governing?.text).toContain('governed by and construed in accordance with the laws of the State');
    for (const span of tags.spans) expect(text.slice(span.start, span.end)).toBe(span.text);
    expect(tags.facts.parties.map((party) => party.text)).toEqual([
      'Northwind Analytics, Inc.',
      'Harbor Logistics LLC',
    ]);
    expect(tags.facts.agreementDate?.text).toBe('March 1, 2021');
    expect(events[0]?.done).toBe(0);
    expect(events.at(-1)).toEqual({ done: events[0]?.total, total: events[0]?.total });
    expect(tags.thresholds?.['Governing Law']).toBeGreaterThan(0);
    expect(tags.candidates?.every((candidate) => candidate.score >= 0.05)).toBe(true);
  }, 60_000);

  it('tags unfair terms of service with the unfair-ToS model', async () => {
    const engine = await create();
    const text = fixture('terms-of-service.txt');
    const tags = await engine.tagDocument({ modelId: 'lexlet-unfair-tos', text }, () => {});
    const labelsOf = (needle: string) =>
      tags.spans.filter((span) => span.text.includes(needle)).map((span) => span.label);
    expect(labelsOf('binding individual arbitration')).toContain('Arbitration');
    expect(labelsOf('modify these Terms')).toContain('Unilateral change');
    expect(labelsOf('support team')).toEqual([]);
    expect(tags.candidates).toBeUndefined();
  }, 60_000);

  it('opens taggers with basic graph optimisation and scores exactly as the fully optimised graph', async () => {
    const engine = await create();
    const text = `${fixture('contract.txt')}\n\n${fixture('terms-of-service.txt')}`;
    for (const modelId of ['lexlet-cuad', 'lexlet-unfair-tos']) {
      const dir = fileURLToPath(new URL(`../../public/models/${modelId}/`, import.meta.url));
      const fullyOptimised = await loadSentenceTagger({
        readFile: async (path) => new Uint8Array(readFileSync(join(dir, path))),
        createSession: (bytes) =>
          ortNode.InferenceSession.create(bytes, { graphOptimizationLevel: 'all' }) as Promise<SessionLike>,
        Tensor: ortNode.Tensor as unknown as TensorFactory,
      });
      const request = { modelId, text, candidateFloor: 0.001 };
      expect(await engine.tagDocument(request, () => {})).toEqual(
        await tagDocument(text, fullyOptimised, { candidateFloor: 0.001 }),
      );
    }
  }, 60_000);

  it('refuses a translation model and honours an aborted signal', async () => {
    const engine = await create();
    const wrong: unknown = await engine
      .tagDocument({ modelId: 'lexlet-en-es', text: 'Hello.' }, () => {})
      .catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(LexletError);
    expect((wrong as LexletError).message).toMatch(/does not tag text/);
    const controller = new AbortController();
    controller.abort();
    const aborted: unknown = await engine
      .tagDocument({ modelId: 'lexlet-cuad', text: fixture('contract.txt') }, () => {}, controller.signal)
      .catch((error: unknown) => error);
    expect(isAbortError(aborted)).toBe(true);
  }, 60_000);
});
