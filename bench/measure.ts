/**
 * The translation measurement shared by the Node and the browser benchmarks: the same sentences, passes and
 * medians, whatever runs the model.
 */

export interface SentenceTranslatorLike {
  translate(sentence: string, options: { numBeams: number }): Promise<{ tokens: number }>;
}

export interface ThroughputRow {
  beams: number;
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

/** One unmeasured warm-up pass (WebAssembly tiers up while hot), then `repeats` timed passes; medians. */
export async function measureThroughput(
  translator: SentenceTranslatorLike,
  sentences: readonly string[],
  numBeams: number,
  repeats: number,
): Promise<ThroughputRow> {
  for (const sentence of sentences) await translator.translate(sentence, { numBeams });
  const sentenceRates: number[] = [];
  const tokenRates: number[] = [];
  const latencies: number[] = [];
  for (let pass = 0; pass < repeats; pass++) {
    let tokens = 0;
    const started = performance.now();
    for (const sentence of sentences) {
      const sentenceStarted = performance.now();
      tokens += (await translator.translate(sentence, { numBeams })).tokens;
      latencies.push(performance.now() - sentenceStarted);
    }
    const seconds = (performance.now() - started) / 1000;
    sentenceRates.push(sentences.length / seconds);
    tokenRates.push(tokens / seconds);
  }
  return {
    beams: numBeams,
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
