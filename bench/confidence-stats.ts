/** A line's confidence: that of its least sure sentence (segments in order; undefined when none was scored). */
export function lineConfidences(
  lines: readonly string[],
  segments: readonly { source: string; confidence?: number }[],
): (number | undefined)[] {
  const squeeze = (text: string) => text.replace(/\s+/gu, '');
  let next = 0;
  return lines.map((line) => {
    const length = squeeze(line).length;
    let covered = 0;
    let least: number | undefined;
    while (covered < length && next < segments.length) {
      const segment = segments[next++] as { source: string; confidence?: number };
      covered += squeeze(segment.source).length;
      if (segment.confidence !== undefined) least = Math.min(least ?? Infinity, segment.confidence);
    }
    return least;
  });
}

/** The value below which `share` of `values` lie (nearest rank). */
export function quantile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) throw new Error('No values to take a quantile of.');
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] as number;
}

/** How many lines fall below `threshold`, and the mean score of those lines and of the others. */
export function markedVersusRest(
  confidences: readonly (number | undefined)[],
  scores: readonly number[],
  threshold: number,
): { marked: number; markedChrf: number; restChrf: number } {
  const marked: number[] = [];
  const rest: number[] = [];
  confidences.forEach((confidence, i) =>
    (confidence !== undefined && confidence < threshold ? marked : rest).push(scores[i] as number),
  );
  const mean = (values: number[]) =>
    values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  return { marked: marked.length, markedChrf: mean(marked), restChrf: mean(rest) };
}
