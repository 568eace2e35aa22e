import type { Fact, KeyFacts } from '../../engine/types';

export interface FactRow {
  name: string;
  fact: Fact;
  /** What the row says: a worked-out value (an expiration date computed from the term), else the quoted words. */
  shown: string;
}

/** The key facts as labelled rows in reading order: title, parties, the dates, the term and its renewal, then the governing law and the liability cap. */
export function factRows(facts: KeyFacts): FactRow[] {
  const rows: FactRow[] = [];
  const add = (name: string, fact: Fact | undefined) => {
    if (fact) rows.push({ name, fact, shown: fact.value ?? fact.text });
  };
  add('Title', facts.title);
  facts.parties.forEach((fact, i) => add(`Party ${i + 1}`, fact));
  add('Agreement date', facts.agreementDate);
  add('Effective date', facts.effectiveDate);
  add('Expiration date', facts.expirationDate);
  add('Term', facts.term);
  add('Renewal', facts.renewal);
  add('Notice to stop renewal', facts.renewalNotice);
  add('Governing law', facts.governingLaw);
  add('Liability cap', facts.liabilityCap);
  return rows;
}
