import type { DocumentRules } from './model-config';

/**
 * Which clauses a label may be tagged on when the model decides over the whole document
 * (training/lexlet_legal/document_rules.py): for label j, none unless some clause scores at least its gate, and
 * then only the `topK[j]` best-scoring clauses (earlier ones first on equal scores). The label's threshold still
 * applies on top. Returns `allowed[label][clause]`.
 */
export function clausesAllowedByDocument(
  probs: readonly (Float32Array | undefined)[],
  rules: DocumentRules,
): boolean[][] {
  return rules.gates.map((gate, label) => {
    const scores = probs.map((row) => row?.[label] ?? 0);
    if (!scores.some((score) => score >= gate)) return scores.map(() => false);
    const limit = rules.topK[label] ?? null;
    if (limit === null || limit >= scores.length) return scores.map(() => true);
    const allowed = scores.map(() => false);
    // Array.prototype.sort is stable, so equal scores keep document order, as numpy's stable argsort does.
    const best = scores
      .map((score, clause) => ({ score, clause }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
    for (const { clause } of best) allowed[clause] = true;
    return allowed;
  });
}
