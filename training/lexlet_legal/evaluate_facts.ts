/**
 * Scores the rule-based key facts (src/engine/legal/facts.ts) against CUAD gold spans, train and dev separately.
 * Reads work/legal/cuad/contracts.jsonl (from `python -m lexlet_legal.cuad_data`), writes
 * work/legal/facts-scores.json.
 *
 *   node --import tsx training/lexlet_legal/evaluate_facts.ts                 # tables + scores file
 *   node --import tsx training/lexlet_legal/evaluate_facts.ts --show parties  # train errors of one fact
 *   node --import tsx training/lexlet_legal/evaluate_facts.ts --facts /tmp/old-facts.ts  # another version, no file
 *
 * Measures (a prediction is right when its span overlaps a gold span of the same CUAD label by at least a
 * character, or has the same text as one up to case and spacing; gold Effective/Expiration Date spans are often
 * whole clauses, so overlap rather than equality):
 * - title, agreementDate, effectiveDate, expirationDate, term, governingLaw, renewal, renewalNotice,
 *   liabilityCap: precision = right / contracts with a prediction,
 *   recall = right / contracts with gold of that label; "tight" = right and character Jaccard >= 0.5 with the gold
 *   span (CUAD's match rule), over predictions.
 * - parties: per-contract precision = predicted party spans overlapping a gold Parties span / predicted, averaged
 *   over contracts with a prediction (micro over all spans shown too). Gold Parties spans include defined short
 *   names ("Acme", "the Company") and later mentions, so recall is taken over the first two gold party names in
 *   reading order: overlapping gold spans merged, defined terms (words the contract quotes) and repeats skipped.
 *   Recall = share of those names overlapped (or matched in text) by a prediction; "both" = share of contracts with two gold names
 *   whose two are both found.
 * Only train contracts were looked at to write the rules; dev is the held-out check.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Fact, KeyFacts } from '../../src/engine/legal/facts';
import { sharedData } from './shared_data';

interface Span {
  label: string;
  start: number;
  end: number;
}
interface Contract {
  file: string;
  split: string;
  spans: Span[];
}

const work = new URL('../work/legal/', import.meta.url);
const txtDir = sharedData('legal/cuad_v1/full_contract_txt');
const SINGLE = {
  title: 'Document Name',
  agreementDate: 'Agreement Date',
  effectiveDate: 'Effective Date',
  expirationDate: 'Expiration Date',
  // Shown instead of an expiration date when none can be stated; CUAD puts the term clause under Expiration Date.
  term: 'Expiration Date',
  // Either of the two, to compare with a version that showed the term in the expiration date's place.
  expirationOrTerm: 'Expiration Date',
  governingLaw: 'Governing Law',
  renewal: 'Renewal Term',
  renewalNotice: 'Notice Period to Terminate Renewal',
  liabilityCap: 'Cap on Liability',
} as const;
type SingleKey = keyof typeof SINGLE;
const SINGLE_KEYS = Object.keys(SINGLE) as SingleKey[];

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;
// Gold spans sit at the first occurrence of the annotated string, so a prediction of the same words elsewhere
// (the capitalised heading against "This Supply Agreement" below it) is the same answer.
const norm = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
const jaccard = (a: { start: number; end: number }, b: { start: number; end: number }) => {
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  return inter / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
};

/**
 * The first two gold party names in reading order: gold Parties spans merged where they overlap, less defined
 * terms (a span whose words the contract puts in quotes somewhere, such as "Acme" or "Distributor": CUAD places
 * those at their first occurrence, which may be in the title) and repeats of a name already taken.
 */
function goldPartyNames(text: string, spans: Span[]): Span[] {
  const sorted = spans.filter((s) => s.label === 'Parties').sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of sorted) {
    const last = merged.at(-1);
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  const names: Span[] = [];
  const seen = new Set<string>();
  for (const s of merged) {
    const body = text.slice(s.start, s.end);
    const bare = body.replace(/^[\s"“”'‘’(]+|[\s"“”'‘’),.;:]+$/g, '');
    const escaped = bare.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    const quoted = new RegExp(`["“'‘]\\s*(?:the\\s+)?${escaped}\\s*["”'’]`, 'i');
    // Also left out: gold spans that are a definition ("CNS and WPD are ... the "Parties"") or a description.
    const definition = /["“”]/.test(bare) || /^(?:its|an?|the|you|your|doing|together|hereinafter|each|both)\b/.test(bare);
    if (!bare || bare.length > 120 || definition || /^["“”'‘’(]/.test(body) || quoted.test(text)) continue;
    if (seen.has(norm(bare))) continue;
    seen.add(norm(bare));
    names.push(s);
    if (names.length === 2) break;
  }
  return names;
}

interface SingleCounts {
  gold: number;
  predicted: number;
  right: number;
  tight: number;
}
interface PartyCounts {
  goldContracts: number;
  predictedContracts: number;
  precisionSum: number;
  spans: number;
  rightSpans: number;
  names: number;
  foundNames: number;
  twoNameContracts: number;
  bothFound: number;
}

function newCounts() {
  const single = Object.fromEntries(
    SINGLE_KEYS.map((k) => [k, { gold: 0, predicted: 0, right: 0, tight: 0 }]),
  ) as Record<SingleKey, SingleCounts>;
  const parties: PartyCounts = {
    goldContracts: 0,
    predictedContracts: 0,
    precisionSum: 0,
    spans: 0,
    rightSpans: 0,
    names: 0,
    foundNames: 0,
    twoNameContracts: 0,
    bothFound: 0,
  };
  return { single, parties, contracts: 0, ms: 0, termAsDate: 0 };
}

const arg = (name: string) =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
const show = arg('--show');
const other = arg('--facts');
const { extractKeyFacts } = (await import(
  other ? pathToFileURL(resolve(other)).href : '../../src/engine/legal/facts'
)) as { extractKeyFacts: (text: string) => KeyFacts };
const quote = (text: string, s: { start: number; end: number }) =>
  JSON.stringify(text.slice(s.start, s.end).replace(/\s+/g, ' ').slice(0, 140));

const bySplit = { train: newCounts(), dev: newCounts() };
for (const line of readFileSync(new URL('cuad/contracts.jsonl', work), 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const contract = JSON.parse(line) as Contract;
  const counts = contract.split === 'dev' ? bySplit.dev : bySplit.train;
  const text = readFileSync(join(txtDir, contract.file), 'utf8');
  const t0 = performance.now();
  const facts: KeyFacts = extractKeyFacts(text);
  counts.ms += performance.now() - t0;
  counts.contracts++;
  const report = show !== undefined && contract.split === 'train';
  for (const f of [facts.title, ...facts.parties, facts.agreementDate, facts.effectiveDate, facts.expirationDate, facts.term]) {
    if (f && text.slice(f.start, f.end) !== f.text) throw new Error(`bad offsets in ${contract.file}`);
  }

  for (const key of SINGLE_KEYS) {
    const gold = contract.spans.filter((s) => s.label === SINGLE[key]);
    const pred: Fact | undefined = key === 'expirationOrTerm' ? (facts.expirationDate ?? facts.term) : facts[key];
    const c = counts.single[key];
    if (gold.length) c.gold++;
    let right = false;
    if (pred) {
      c.predicted++;
      const hits = gold.filter((g) => overlaps(pred, g) || norm(pred.text) === norm(text.slice(g.start, g.end)));
      right = hits.length > 0;
      if (right) c.right++;
      if (hits.some((g) => !overlaps(pred, g) || jaccard(pred, g) >= 0.5)) c.tight++;
    }
    if (report && show === key && !right && (pred || gold.length)) {
      console.log(`--- ${contract.file}`);
      console.log(`  predicted: ${pred ? `${pred.start} ${quote(text, pred)}` : '-'}`);
      for (const g of gold.slice(0, 3)) console.log(`  gold:      ${g.start} ${quote(text, g)}`);
    }
  }

  // An expiration "date" with neither a year in it nor a worked-out value is a length of time shown as a date.
  const exp = facts.expirationDate;
  if (exp && exp.value === undefined && !/\b(?:19|20)\d{2}\b|\d{1,2}\/\d{1,2}\/\d{2}/.test(exp.text)) counts.termAsDate++;

  const p = counts.parties;
  const goldSpans = contract.spans.filter((s) => s.label === 'Parties');
  const names = goldPartyNames(text, contract.spans);
  const same = (f: Fact, g: Span) => overlaps(f, g) || norm(f.text) === norm(text.slice(g.start, g.end));
  const right = facts.parties.filter((f) => goldSpans.some((g) => same(f, g))).length;
  const found = names.filter((n) => facts.parties.some((f) => same(f, n))).length;
  if (facts.parties.length) {
    p.predictedContracts++;
    p.precisionSum += right / facts.parties.length;
  }
  p.spans += facts.parties.length;
  p.rightSpans += right;
  if (names.length) p.goldContracts++;
  p.names += names.length;
  p.foundNames += found;
  if (names.length === 2) {
    p.twoNameContracts++;
    if (found === 2) p.bothFound++;
  }
  if (report && show === 'parties' && (right < facts.parties.length || found < names.length)) {
    console.log(`--- ${contract.file}`);
    console.log(`  predicted: ${facts.parties.map((f) => quote(text, f)).join(' | ') || '-'}`);
    console.log(`  gold names: ${names.map((n) => quote(text, n)).join(' | ') || '-'}`);
  }
}

const pct = (a: number, b: number) => (b ? Math.round((1000 * a) / b) / 10 : 0);
const f1 = (p: number, r: number) => (p + r ? Math.round((20 * p * r) / (p + r)) / 10 : 0);

function scores(counts: ReturnType<typeof newCounts>) {
  const out: Record<string, Record<string, number>> = {};
  for (const key of SINGLE_KEYS) {
    const c = counts.single[key];
    const precision = pct(c.right, c.predicted);
    const recall = pct(c.right, c.gold);
    out[key] = {
      gold: c.gold,
      predicted: c.predicted,
      right: c.right,
      precision,
      recall,
      f1: f1(precision, recall),
      tightPrecision: pct(c.tight, c.predicted),
    };
  }
  const p = counts.parties;
  const precision = pct(p.precisionSum, p.predictedContracts);
  const recall = pct(p.foundNames, p.names);
  out.parties = {
    gold: p.goldContracts,
    predicted: p.predictedContracts,
    precision,
    recall,
    f1: f1(precision, recall),
    spanPrecisionMicro: pct(p.rightSpans, p.spans),
    spans: p.spans,
    bothFirstTwo: pct(p.bothFound, p.twoNameContracts),
    twoNameContracts: p.twoNameContracts,
  };
  out.expirationDate = { ...out.expirationDate, termAsDate: counts.termAsDate };
  out.timing = { contracts: counts.contracts, msPerContract: Math.round((100 * counts.ms) / counts.contracts) / 100 };
  return out;
}

const result = { train: scores(bySplit.train), dev: scores(bySplit.dev) };
if (show === undefined) {
  for (const split of ['train', 'dev'] as const) {
    const s = result[split];
    console.log(`\n${split} (${s.timing?.contracts} contracts, ${s.timing?.msPerContract} ms each)`);
    console.log('| fact | gold | predicted | P | R | F1 | extra |');
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    for (const key of [...SINGLE_KEYS.slice(0, 1), 'parties', ...SINGLE_KEYS.slice(1)]) {
      const r = s[key];
      if (!r) continue;
      const extra =
        key === 'parties'
          ? `both first two ${r.bothFirstTwo}% of ${r.twoNameContracts}; span P ${r.spanPrecisionMicro} of ${r.spans}`
          : `tight P ${r.tightPrecision}${r.termAsDate === undefined ? '' : `; a term shown as the date ${r.termAsDate}`}`;
      console.log(`| ${key} | ${r.gold} | ${r.predicted} | ${r.precision} | ${r.recall} | ${r.f1} | ${extra} |`);
    }
  }
  // Accuracy as the README reports it: contracts whose gold answer the shown fact matches, over those with one.
  const dev = bySplit.dev.single;
  console.log('\ndev accuracy\n| fact | contracts with a gold answer | correct | accuracy |\n| --- | --- | --- | --- |');
  for (const key of SINGLE_KEYS) {
    const c = dev[key];
    console.log(`| ${key} | ${c.gold} | ${c.right} | ${pct(c.right, c.gold)}% |`);
  }
  const p = bySplit.dev.parties;
  console.log(`| parties (first two names) | ${p.names} names | ${p.foundNames} | ${pct(p.foundNames, p.names)}% |`);
  console.log(`\nexpiration dates that are a term, not a date: ${bySplit.dev.termAsDate} of ${bySplit.dev.single.expirationDate.predicted}`);
  if (!other) {
    writeFileSync(new URL('facts-scores.json', work), JSON.stringify(result, null, 1) + '\n');
    console.log('\nwrote training/work/legal/facts-scores.json');
  }
}
