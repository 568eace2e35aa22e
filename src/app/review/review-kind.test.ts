import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainGuess, guessDocumentKind } from './review-kind';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../e2e/fixtures/review/${name}`, import.meta.url), 'utf8');

describe('guessDocumentKind', () => {
  it('reads a commercial contract as a contract, with its reasons', () => {
    const guess = guessDocumentKind(fixture('contract.txt'));
    expect(guess.kind).toBe('contract');
    expect(guess.reasons).toContain('names its parties (“by and between”, “entered into”)');
    expect(guess.points.contract).toBeGreaterThan(guess.points.tos);
  });

  it('reads website terms as terms of service', () => {
    const guess = guessDocumentKind(fixture('terms-of-service.txt'));
    expect(guess.kind).toBe('tos');
    expect(guess.reasons).toContain('calls itself terms of service or use');
    expect(guess.reasons.some((reason) => /addresses the reader as “you” \(\d+ times\)/.test(reason))).toBe(
      true,
    );
  });

  it('reads German, Italian and Polish terms of service by their titles', () => {
    for (const title of ['Allgemeine Geschäftsbedingungen', 'Termini di servizio', 'Regulamin serwisu']) {
      const guess = guessDocumentKind(`${title}\n\n1. Lorem ipsum dolor sit amet.`);
      expect(guess.kind).toBe('tos');
      expect(guess.reasons).toContain('calls itself terms of service or use (in German, Italian or Polish)');
    }
  });

  it('needs several “you”s before counting them', () => {
    expect(guessDocumentKind('If you need help, call us.').reasons).toEqual([]);
    const chatty = 'You may. You can. You will. Your turn. You know. You see. You did. You are here.';
    expect(guessDocumentKind(chatty)).toMatchObject({ kind: 'tos', points: { tos: 2, contract: 0 } });
  });

  it('does not take the “terms and conditions” or signature page of a contract for terms of service', () => {
    const text =
      'SUPPLY AGREEMENT\nThis Agreement is entered into by and between A Corp. and B Ltd. Subject to the terms and conditions of this Agreement, each party shall perform.\n\nBy: ________\nName:';
    const guess = guessDocumentKind(text);
    expect(guess.kind).toBe('contract');
    expect(guess.points.tos).toBe(0);
    expect(guess.reasons).toContain('ends with signature blocks (“By: ____”)');
  });

  it('calls a tie, or an empty text, a contract', () => {
    expect(guessDocumentKind('').kind).toBe('contract');
    expect(explainGuess(guessDocumentKind(''))).toBe(
      'No clear signs either way, so it is read as a contract.',
    );
    const both = 'Terms of Use. This agreement is entered into by and between A and B.';
    const guess = guessDocumentKind(both);
    expect(guess.points).toEqual({ tos: 4, contract: 4 });
    expect(guess.kind).toBe('contract');
  });

  it('explains the guess in one sentence', () => {
    expect(explainGuess(guessDocumentKind('Terms of Service. By using the app you accept them.'))).toBe(
      'Looks like terms of service: calls itself terms of service or use; binds the reader by use (“by using”, “if you do not agree”); speaks of “your account” or “the website”.',
    );
  });
});
