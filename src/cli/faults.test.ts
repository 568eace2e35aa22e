import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lexlet } from './run-lexlet.test-support';
import {
  ENCODER_PATH,
  FIXTURE_CATALOG,
  HTML_PAGE,
  TAGGER_GRAPH,
  catalogWithReplacedFile,
} from '../engine/runtime/broken-model.test-support';

const lines = (text: string) => text.split('\n').filter((line) => line !== '');

describe.skipIf(!existsSync(FIXTURE_CATALOG))('lexlet translate on bad models and awkward input', () => {
  const translate = ['translate', '--catalog', FIXTURE_CATALOG, '--from', 'en', '--to', 'es', '-q'];

  it('fails with one line naming the model and file when a model file is an HTML page', async () => {
    const catalog = catalogWithReplacedFile(ENCODER_PATH, HTML_PAGE);
    const run = await lexlet(
      ['translate', '--catalog', catalog, '--model', 'broken-en-es', '-q'],
      'Hello.\n',
    );
    expect(run.status).toBe(1);
    expect(lines(run.stderr)).toEqual([
      'lexlet: broken-en-es/onnx/encoder_model_quantized.onnx is not an ONNX model: it is text, beginning “<!DOCTYPE html>…”.',
    ]);
    expect(run.stdout).toBe('');
  }, 30_000);

  it('fails with one line naming both sides when a model takes other inputs than its task needs', async () => {
    const catalog = catalogWithReplacedFile(ENCODER_PATH, readFileSync(TAGGER_GRAPH));
    const run = await lexlet(
      ['translate', '--catalog', catalog, '--model', 'broken-en-es', '-q'],
      'Hello.\n',
    );
    expect(run.status).toBe(1);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toContain('it takes input_ids, mask but needs input_ids, attention_mask');
  }, 30_000);

  it('writes nothing for empty input and gives whitespace-only lines back unchanged, exit status 0', async () => {
    const empty = await lexlet(translate, '');
    expect([empty.status, empty.stdout, empty.stderr]).toEqual([0, '', '']);
    const blank = await lexlet(translate, '   \n\t\n \u00a0 \n');
    expect([blank.status, blank.stdout, blank.stderr]).toEqual([0, '   \n\t\n \u00a0 \n', '']);
  }, 30_000);

  it('translates mixed scripts, emoji and right-to-left lines in full, keeping every emoji', async () => {
    const input = [
      'مرحبا بالعالم، الاجتماع في 2024 😀.',
      'שלום עולם, הפגישה ב-15:30 👍🏽.',
      'The cat 🐱 sleeps 12 hours; Кошка спит. 猫在睡觉。 🇪🇸',
      '🎉',
    ].join('\n');
    const run = await lexlet([...translate, '--beam', '1'], `${input}\n`);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = run.stdout.split('\n');
    expect(out).toHaveLength(5);
    for (const emoji of ['😀', '👍🏽', '🐱', '🇪🇸']) expect(run.stdout).toContain(emoji);
    expect(out[3]).toBe('🎉');
    for (const number of ['2024', '15:30', '12']) expect(run.stdout).toContain(number);
  }, 60_000);

  it('refuses a source language no model reads with one line naming the pairs it knows', async () => {
    const run = await lexlet(
      ['translate', '--catalog', FIXTURE_CATALOG, '--from', 'ar', '--to', 'es', '-q'],
      'مرحبا\n',
    );
    expect(run.status).toBe(1);
    expect(lines(run.stderr)).toEqual([
      'lexlet: No model translates ar→es, directly or through English. Available pairs: en→es.',
    ]);
    expect(run.stdout).toBe('');
  }, 30_000);
});
