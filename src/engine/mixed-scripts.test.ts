import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadNodeOrt } from '../cli/node-ort';
import { Engine } from './engine';
import { createNodeModelRepository } from './models/node-repository';
import { translateDocument, type TranslateSentences } from './translate/document';
import type { TranslateEvent } from './types';

const EMOJI = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|[\u{1F1E6}-\u{1F1FF}]/gu;

/**
 * A model as small models behave: it wraps what it translates in ‹ › (so the test sees what reached it), drops
 * emoji and a rare name, and garbles numbers of more than one digit.
 */
const lossyModel: TranslateSentences = async (sentences) =>
  sentences.map((sentence) => ({
    text: `‹${sentence
      .replace(EMOJI, '')
      .replace(/Qwyzhar/gu, '')
      .replace(/\p{Nd}{2,}/gu, '0')}›`,
    tokens: 1,
  }));

/** Every emoji of a text, in order. */
const emojiOf = (text: string) => text.match(/\p{Extended_Pictographic}/gu) ?? [];

const MIXED = [
  'مرحبا بالعالم، الاجتماع في 2024 😀. التقيت Qwyzhar أمس.',
  'שלום עולם, הפגישה ב-15:30 👍🏽.',
  'The cat 🐱 sleeps 12 hours; Кошка спит. 猫在睡觉。 🇪🇸',
  '🎉🎉',
].join('\n');

describe('Mixed scripts, emoji and right-to-left text', () => {
  it('translate in full: emoji, numbers and names kept, nothing dropped, through the repair passes', async () => {
    const events: TranslateEvent[] = [];
    const result = await translateDocument(MIXED, {
      locale: 'en',
      targetLocale: 'es',
      translateSentences: lossyModel,
      countPieces: async (words) => words.map((word) => (word.toLowerCase() === 'qwyzhar' ? 6 : 1)),
      onEvent: (event) => events.push(event),
    });
    const lines = result.text.split('\n');
    expect(lines).toHaveLength(4);
    expect(emojiOf(result.text)).toEqual(emojiOf(MIXED));
    expect(result.text).toContain('👍🏽');
    expect(result.text).toContain('🇪🇸');
    expect(lines[3]).toBe('🎉🎉');
    for (const number of ['2024', '15:30', '12']) expect(result.text).toContain(number);
    expect(lines[0]).toContain('Qwyzhar');
    // The right-to-left and other-script words reached the model and came back, none dropped.
    for (const words of ['مرحبا بالعالم', 'שלום עולם', 'Кошка спит', '猫在睡觉'])
      expect(result.text).toContain(words);
    const segments = events.filter((event) => event.type === 'segment');
    expect(segments.every((event) => event.translation.length > 0)).toBe(true);
  });
});

const CATALOG = fileURLToPath(new URL('../../e2e/fixtures/models/catalog.json', import.meta.url));

describe.skipIf(!existsSync(CATALOG))('Mixed scripts on the fixture model', () => {
  let engine: Engine | undefined;
  afterEach(async () => engine?.dispose());

  it('completes, keeps the emoji and numbers, and writes something for every line', async () => {
    engine = new Engine({
      loadOrt: loadNodeOrt,
      repository: createNodeModelRepository,
      environment: { nativeCpu: true },
    });
    await engine.loadCatalog(CATALOG);
    const result = await engine.translate(
      { modelId: 'fixture-tiny-en-es', text: MIXED, options: { numBeams: 1 } },
      () => {},
    );
    const lines = result.text.split('\n');
    expect(lines).toHaveLength(4);
    expect(emojiOf(result.text)).toEqual(emojiOf(MIXED));
    for (const number of ['2024', '15:30', '12']) expect(result.text).toContain(number);
    for (const line of lines)
      expect(line.replace(EMOJI, '').trim().length + emojiOf(line).length).toBeGreaterThan(0);
  }, 60_000);
});
