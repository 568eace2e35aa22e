import type { Fact, KeyFacts } from '../../engine/types';

export interface FactRow {
  name: string;
  fact: Fact;
}

/** The key facts as labelled rows in reading order: title, parties, then the dates. */
export function factRows(facts: KeyFacts): FactRow[] {
  const rows: FactRow[] = [];
  if (facts.title) rows.push({ name: 'Title', fact: facts.title });
  facts.parties.forEach((fact, i) => rows.push({ name: `Party ${i + 1}`, fact }));
  if (facts.agreementDate) rows.push({ name: 'Agreement date', fact: facts.agreementDate });
  if (facts.effectiveDate) rows.push({ name: 'Effective date', fact: facts.effectiveDate });
  if (facts.expirationDate) rows.push({ name: 'Expiration date', fact: facts.expirationDate });
  return rows;
}
