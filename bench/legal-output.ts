/** Comparing legal tagging outputs (as `lexlet tag` prints them) between runners. */

/** The labels of one output line, without scores: backends round the last digit of a score differently. */
export function labelsOf(output: string): string {
  const parsed = JSON.parse(output) as {
    labels?: string[];
    spans?: { label: string; start: number; end: number }[];
  };
  return JSON.stringify(parsed.spans?.map(({ label, start, end }) => [label, start, end]) ?? parsed.labels);
}
