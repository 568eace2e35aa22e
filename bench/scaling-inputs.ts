/**
 * Inputs of a chosen length for the scaling benchmark, made of real lines: consecutive lines are joined with a
 * space until the text reaches the target number of source tokens. Lines longer than the target on their own are
 * skipped, so a text overshoots the target by less than one line; no line is used twice for one target.
 */

export interface LengthInputs {
  /** Source tokens aimed at. */
  target: number;
  texts: string[];
  /** Source tokens of each text, as the model's tokenizer counts them (no special tokens). */
  tokens: number[];
}

export function textsOfLength(
  lines: readonly string[],
  target: number,
  count: number,
  countTokens: (text: string) => number,
): LengthInputs {
  if (!Number.isInteger(target) || target < 1)
    throw new Error(`Target length must be a positive integer: ${target}`);
  const texts: string[] = [];
  const tokens: number[] = [];
  let parts: string[] = [];
  for (const line of lines) {
    if (texts.length === count) break;
    const text = line.trim();
    if (!text || countTokens(text) > target) continue;
    parts.push(text);
    const joined = parts.join(' ');
    const length = countTokens(joined);
    if (length >= target) {
      texts.push(joined);
      tokens.push(length);
      parts = [];
    }
  }
  if (texts.length < count) {
    throw new Error(
      `Only ${texts.length} texts of ${target} tokens could be made from ${lines.length} lines; ${count} were asked for`,
    );
  }
  return { target, texts, tokens };
}
