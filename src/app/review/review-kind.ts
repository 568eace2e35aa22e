/**
 * Is a text a negotiated contract or a website's terms of service? A handful of drafting signs, each worth a few
 * points, decide it; the signs that decided it are returned so the page can say why it guessed what it guessed.
 */

export type ReviewKind = 'contract' | 'tos';

export interface KindGuess {
  kind: ReviewKind;
  /** The signs behind the guess, as short phrases ("says “Terms of Service”"). Empty when nothing was found. */
  reasons: string[];
  /** Points for each kind; the larger wins, a tie is a contract. */
  points: Record<ReviewKind, number>;
}

interface Sign {
  kind: ReviewKind;
  pattern: RegExp;
  points: number;
  reason: (count: number) => string;
  /** Hits needed before the sign counts (a single "you" proves little). */
  atLeast?: number;
}

const SIGNS: readonly Sign[] = [
  {
    kind: 'tos',
    pattern: /\b(?:terms\s+of\s+(?:service|use)|user\s+agreement|acceptable\s+use\s+policy)\b/gi,
    points: 4,
    reason: () => 'calls itself terms of service or use',
  },
  {
    kind: 'tos',
    pattern:
      /(?:Nutzungsbedingungen|Allgemeinen?\s+Geschäftsbedingungen|Termini\s+(?:di\s+servizio|e\s+condizioni|d['’]uso)|Condizioni\s+(?:d['’]uso|generali)|Regulamin|Warunki\s+(?:korzystania|świadczenia))/giu,
    points: 4,
    reason: () => 'calls itself terms of service or use (in German, Italian or Polish)',
  },
  {
    kind: 'tos',
    pattern: /\b(?:these|the)\s+Terms\b(?!\s+and\s+conditions\s+of\s+this)/g,
    points: 2,
    atLeast: 2,
    reason: () => 'refers to itself as “these Terms”',
  },
  {
    kind: 'tos',
    pattern:
      /\b(?:by\s+(?:accessing|using|visiting|registering|signing\s+up)|if\s+you\s+do\s+not\s+agree)\b/gi,
    points: 3,
    reason: () => 'binds the reader by use (“by using”, “if you do not agree”)',
  },
  {
    kind: 'tos',
    pattern: /\b(?:your\s+account|the\s+(?:site|website|app|platform))\b/gi,
    points: 2,
    reason: () => 'speaks of “your account” or “the website”',
  },
  {
    kind: 'tos',
    pattern: /\b(?:you|your|yours)\b/gi,
    points: 2,
    atLeast: 8,
    reason: (count) => `addresses the reader as “you” (${count} times)`,
  },
  {
    kind: 'contract',
    pattern:
      /\b(?:by\s+and\s+(?:between|among)|entered\s+into|is\s+made\s+(?:as\s+of|on)|made\s+and\s+entered)\b/gi,
    points: 4,
    reason: () => 'names its parties (“by and between”, “entered into”)',
  },
  {
    kind: 'contract',
    pattern: /\b(?:WHEREAS|RECITALS|IN\s+WITNESS\s+WHEREOF|NOW,?\s+THEREFORE)\b/g,
    points: 3,
    reason: () => 'has recitals or a signature clause (“WHEREAS”, “IN WITNESS WHEREOF”)',
  },
  {
    kind: 'contract',
    pattern: /^[ \t]*By:[ \t]*(?:_{3,}|\/s\/|$)/gm,
    points: 3,
    reason: () => 'ends with signature blocks (“By: ____”)',
  },
  {
    kind: 'contract',
    pattern: /\b(?:the\s+parties|each\s+party|either\s+party|neither\s+party|the\s+other\s+party)\b/gi,
    points: 2,
    reason: () => 'allocates duties between the parties (“each party”, “neither party”)',
  },
  {
    kind: 'contract',
    pattern: /\b(?:hereinafter|hereunder|hereto|thereof)\b/gi,
    points: 1,
    atLeast: 2,
    reason: () => 'uses contract drafting words (“hereunder”, “thereof”)',
  },
];

/** The signs sit in the title, the first clauses and the signature page: read those, not all of a long text. */
const HEAD_CHARS = 20_000;
const TAIL_CHARS = 5_000;

export function guessDocumentKind(text: string): KindGuess {
  const head =
    text.length <= HEAD_CHARS + TAIL_CHARS
      ? text
      : `${text.slice(0, HEAD_CHARS)}\n${text.slice(text.length - TAIL_CHARS)}`;
  const points: Record<ReviewKind, number> = { contract: 0, tos: 0 };
  const found: Record<ReviewKind, string[]> = { contract: [], tos: [] };
  for (const sign of SIGNS) {
    const count = head.match(sign.pattern)?.length ?? 0;
    if (count < (sign.atLeast ?? 1)) continue;
    points[sign.kind] += sign.points;
    found[sign.kind].push(sign.reason(count));
  }
  const kind: ReviewKind = points.tos > points.contract ? 'tos' : 'contract';
  return { kind, reasons: found[kind], points };
}

export const KIND_NAMES: Record<ReviewKind, string> = { contract: 'Contract', tos: 'Terms of service' };

/** "Looks like terms of service: calls itself terms of service or use; addresses the reader as “you” (9 times)." */
export function explainGuess(guess: KindGuess): string {
  if (guess.reasons.length === 0) return 'No clear signs either way, so it is read as a contract.';
  const name = guess.kind === 'tos' ? 'terms of service' : 'a contract';
  return `Looks like ${name}: ${guess.reasons.join('; ')}.`;
}
