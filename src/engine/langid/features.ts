/**
 * Hashed character n-gram features of the language identifier, the exact mirror of
 * training/lexlet_langid/features.py (specification there; the parity test checks ids on fixed texts).
 */

export interface FeatureSpec {
  buckets: number;
  /** Longest character n-gram of a non-Chinese token. */
  maxN: number;
  /** Longest character n-gram of a Chinese token (characters and bigrams). */
  hanMaxN: number;
  maxTokens: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const LETTER = /^\p{L}$/u;
const encoder = new TextEncoder();

/** CJK ideographs: the same code-point ranges as features.py. */
export function isHan(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x3134f)
  );
}

export function fnv1a32(bytes: Uint8Array): number {
  let hash = FNV_OFFSET;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, FNV_PRIME) >>> 0;
  return hash >>> 0;
}

/** Runs of letters, split where Chinese characters meet letters of another script; the first `maxTokens`. */
export function tokenize(text: string, maxTokens: number): string[] {
  const tokens: string[] = [];
  let current: string[] = [];
  let currentHan = false;
  for (const char of text.normalize('NFKC').toLowerCase()) {
    if (!LETTER.test(char)) {
      if (current.length > 0) tokens.push(current.join(''));
      current = [];
      continue;
    }
    const han = isHan(char);
    if (current.length > 0 && han !== currentHan) {
      tokens.push(current.join(''));
      current = [];
    }
    currentHan = han;
    current.push(char);
  }
  if (current.length > 0) tokens.push(current.join(''));
  return tokens.slice(0, maxTokens);
}

/** Code-point n-grams of each token, in the order features.py makes them. */
export function featureStrings(tokens: readonly string[], spec: FeatureSpec): string[] {
  const features: string[] = [];
  for (const token of tokens) {
    const chars = Array.from(token);
    const han = isHan(chars[0] ?? '');
    const padded = han ? chars : [' ', ...chars, ' '];
    const maxN = han ? spec.hanMaxN : spec.maxN;
    for (let n = 1; n <= maxN; n++) {
      for (let i = 0; i + n <= padded.length; i++) {
        if (n === 1 && padded[i] === ' ') continue;
        features.push(padded.slice(i, i + n).join(''));
      }
    }
  }
  return features;
}

export function featureIds(text: string, spec: FeatureSpec): number[] {
  return featureStrings(tokenize(text, spec.maxTokens), spec).map(
    (feature) => fnv1a32(encoder.encode(feature)) % spec.buckets,
  );
}
