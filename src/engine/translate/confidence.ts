/**
 * Below this mean token log-probability a translation is marked as unsure. Chosen on the en→es model: −0.795 marks
 * the least sure 15% of the Tatoeba dev lines; rounded, it marks 14.1% of them and 14.9% of the first 2,000 UN
 * test lines (bench/confidence.ts; README, "Confidence marks").
 */
export const UNSURE_BELOW = -0.8;

/** The event fields for a sentence the decoder scored `confidence` (nothing when it gave no score). */
export function confidenceOf(confidence: number | undefined): { confidence?: number; unsure?: boolean } {
  if (confidence === undefined || !Number.isFinite(confidence)) return {};
  return { confidence, unsure: confidence < UNSURE_BELOW };
}
