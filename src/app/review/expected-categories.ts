/**
 * What a reviewer expects to find and did not. For contracts: the clause categories most commercial contracts
 * carry (by how often they occur in the CUAD contracts), each with why its absence matters. For terms of service
 * every unfair-term type is simply reported as detected or not.
 */
import type { ReviewKind } from './review-kind';

export interface ExpectedCategory {
  label: string;
  /** One line on why a reviewer looks for it. */
  why: string;
}

export const EXPECTED_CONTRACT_CATEGORIES: readonly ExpectedCategory[] = [
  { label: 'Governing Law', why: 'Which law governs the contract and any dispute.' },
  { label: 'Anti-Assignment', why: 'Whether a party may transfer the contract without consent.' },
  { label: 'Cap on Liability', why: 'The most either party can be made to pay.' },
  { label: 'Termination for Convenience', why: 'Whether a party may end the contract without cause.' },
  { label: 'Renewal Term', why: 'What happens when the initial term ends.' },
  { label: 'Notice Period to Terminate Renewal', why: 'How far ahead non-renewal must be notified.' },
  { label: 'Change of Control', why: 'What happens if a party is acquired or merges.' },
  { label: 'Audit Rights', why: 'The right to inspect the other party’s books and records.' },
  { label: 'Insurance', why: 'The cover a party must carry.' },
  { label: 'Warranty Duration', why: 'How long the warranties last.' },
  { label: 'Post-Termination Services', why: 'Duties that continue after the contract ends.' },
];

export interface MissingCategories {
  /** Expected and not found, in the order above (contracts) or the model's label order (terms of service). */
  expected: ExpectedCategory[];
  /** The model's other categories that were not found (contracts only; most contracts have few of them). */
  others: string[];
}

/** Categories of the model that are not among `found`; only categories the model can tag are ever expected. */
export function missingCategories(
  kind: ReviewKind,
  modelLabels: readonly string[],
  found: ReadonlySet<string>,
): MissingCategories {
  const known = new Set(modelLabels);
  if (kind === 'tos') {
    return {
      expected: modelLabels.filter((l) => !found.has(l)).map((label) => ({ label, why: '' })),
      others: [],
    };
  }
  const expected = EXPECTED_CONTRACT_CATEGORIES.filter((c) => known.has(c.label) && !found.has(c.label));
  const expectedLabels = new Set(EXPECTED_CONTRACT_CATEGORIES.map((c) => c.label));
  const others = modelLabels.filter((label) => !expectedLabels.has(label) && !found.has(label));
  return { expected, others };
}
