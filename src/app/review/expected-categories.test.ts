import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXPECTED_CONTRACT_CATEGORIES, missingCategories } from './expected-categories';

const cuadLabels = [
  'Renewal Term',
  'Notice Period to Terminate Renewal',
  'Governing Law',
  'Non-Compete',
  'Termination for Convenience',
  'Change of Control',
  'Anti-Assignment',
  'Audit Rights',
  'Cap on Liability',
  'Warranty Duration',
  'Insurance',
  'Post-Termination Services',
];

describe('missingCategories', () => {
  it('lists the usual contract categories that were not found, with why they matter', () => {
    const found = new Set(['Governing Law', 'Anti-Assignment', 'Insurance']);
    const missing = missingCategories('contract', cuadLabels, found);
    expect(missing.expected.map((c) => c.label)).toEqual([
      'Cap on Liability',
      'Termination for Convenience',
      'Renewal Term',
      'Notice Period to Terminate Renewal',
      'Change of Control',
      'Audit Rights',
      'Warranty Duration',
      'Post-Termination Services',
    ]);
    expect(missing.expected.every((c) => c.why.length > 0)).toBe(true);
    expect(missing.others).toEqual(['Non-Compete']);
  });

  it('only expects categories the model can tag', () => {
    const missing = missingCategories('contract', ['Governing Law', 'Exclusivity'], new Set());
    expect(missing.expected.map((c) => c.label)).toEqual(['Governing Law']);
    expect(missing.others).toEqual(['Exclusivity']);
  });

  it('lists every undetected unfair-term type for terms of service', () => {
    const labels = ['Limitation of liability', 'Arbitration', 'Choice of law'];
    const missing = missingCategories('tos', labels, new Set(['Arbitration']));
    expect(missing.expected.map((c) => c.label)).toEqual(['Limitation of liability', 'Choice of law']);
    expect(missing.others).toEqual([]);
  });

  it('names only categories of the shipped contract model', () => {
    const catalog = JSON.parse(
      readFileSync(new URL('../../../public/models/catalog.json', import.meta.url), 'utf8'),
    ) as { models: { task: string; labels?: string[] }[] };
    const shipped = catalog.models.find((model) => model.task === 'contract-clauses')?.labels ?? [];
    for (const category of EXPECTED_CONTRACT_CATEGORIES) expect(shipped).toContain(category.label);
  });
});
