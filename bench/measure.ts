/**
 * The translation measurement shared by the Node and the browser benchmarks: the same sentences, passes and
 * medians, whatever runs the model.
 */

export interface SentenceTranslatorLike {
  translate(sentence: string, options: { numBeams: number }): Promise<{ tokens: number }>;
  translateBatch(sentences: readonly string[], options: { numBeams: number }): Promise<{ tokens: number }[]>;
}

export interface ThroughputRow {
  beams: number;
  /** Sentences decoded together (1: one at a time). */
  together: number;
  sentencesPerSecond: number;
  tokensPerSecond: number;
  /** Median time of one sentence. */
  msPerSentence: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Translates `sentences` in runs of `together`; calls `onRun` with each run's size and milliseconds. */
async function translateAll(
  translator: SentenceTranslatorLike,
  sentences: readonly string[],
  numBeams: number,
  together: number,
  onRun: (size: number, ms: number) => void = () => undefined,
): Promise<number> {
  let tokens = 0;
  for (let start = 0; start < sentences.length; start += together) {
    const run = sentences.slice(start, start + together);
    const started = performance.now();
    const results =
      together === 1
        ? [await translator.translate(run[0] as string, { numBeams })]
        : await translator.translateBatch(run, { numBeams });
    onRun(run.length, performance.now() - started);
    tokens += results.reduce((sum, result) => sum + result.tokens, 0);
  }
  return tokens;
}

/**
 * One unmeasured warm-up pass (WebAssembly tiers up while hot), then `repeats` timed passes; medians. With
 * `together` > 1 the sentences go to the translator in runs of that many, decoded together.
 */
export async function measureThroughput(
  translator: SentenceTranslatorLike,
  sentences: readonly string[],
  numBeams: number,
  repeats: number,
  together = 1,
): Promise<ThroughputRow> {
  const size = Math.max(1, Math.floor(together));
  await translateAll(translator, sentences, numBeams, size);
  const sentenceRates: number[] = [];
  const tokenRates: number[] = [];
  const latencies: number[] = [];
  for (let pass = 0; pass < repeats; pass++) {
    const started = performance.now();
    const tokens = await translateAll(translator, sentences, numBeams, size, (count, ms) =>
      latencies.push(ms / count),
    );
    const seconds = (performance.now() - started) / 1000;
    sentenceRates.push(sentences.length / seconds);
    tokenRates.push(tokens / seconds);
  }
  return {
    beams: numBeams,
    together: size,
    sentencesPerSecond: median(sentenceRates),
    tokensPerSecond: median(tokenRates),
    msPerSentence: median(latencies),
  };
}

/** Plain sentences of everyday length, for when no input file is given. */
export const SAMPLE_SENTENCES: Record<string, string[]> = {
  en: [
    'The meeting starts at nine tomorrow morning.',
    'Please send me the signed contract by Friday.',
    'I would like a cup of coffee.',
    'The weather is nice today.',
    'Where is the nearest train station?',
    'We have read and accept the terms of service.',
    'My brother lives in a small house near the sea.',
    'Can you help me carry these boxes?',
    'The company may change these terms at any time.',
    'She reads a book every week.',
    'This agreement is governed by the laws of Spain.',
    'They arrived late because of the rain.',
  ],
  es: [
    'La reunión empieza mañana a las nueve.',
    'Por favor, envíame el contrato firmado antes del viernes.',
    'Me gustaría una taza de café.',
    'Hoy hace buen tiempo.',
    '¿Dónde está la estación de tren más cercana?',
    'Hemos leído y aceptamos las condiciones del servicio.',
    'Mi hermano vive en una casa pequeña cerca del mar.',
    '¿Puedes ayudarme a llevar estas cajas?',
    'La empresa puede cambiar estas condiciones en cualquier momento.',
    'Ella lee un libro cada semana.',
    'Este contrato se rige por las leyes de España.',
    'Llegaron tarde por la lluvia.',
  ],
};

/** Prints rows as an aligned plain-text table. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((_, column) =>
    Math.max(...[header, ...rows].map((row) => (row[column] ?? '').length)),
  );
  return [header, ...rows]
    .map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '))
    .join('\n');
}
