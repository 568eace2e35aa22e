import { formatDuration } from '../format';

export interface DocumentProgress {
  paragraphsDone: number;
  paragraphsTotal: number;
  /** Source characters translated, counting the running paragraph in proportion to its finished sentences. */
  charactersDone: number;
  charactersTotal: number;
}

/** Where a run started, to measure its rate (paragraphs translated earlier do not count towards it). */
export interface RunClock {
  startedAt: number;
  charactersAtStart: number;
}

/**
 * Progress over all paragraphs. `running` is the paragraph being translated and how much of it is done (0–1).
 */
export function measureProgress(
  paragraphs: readonly string[],
  translations: readonly (string | undefined)[],
  running?: { index: number; fraction: number },
): DocumentProgress {
  let paragraphsDone = 0;
  let charactersDone = 0;
  let charactersTotal = 0;
  paragraphs.forEach((paragraph, index) => {
    charactersTotal += paragraph.length;
    if (translations[index] !== undefined) {
      paragraphsDone += 1;
      charactersDone += paragraph.length;
    } else if (running?.index === index) {
      charactersDone += Math.round(paragraph.length * Math.min(1, Math.max(0, running.fraction)));
    }
  });
  return { paragraphsDone, paragraphsTotal: paragraphs.length, charactersDone, charactersTotal };
}

/** Seconds left at the rate observed since the run started; null until there is something to go on. */
export function estimateSecondsLeft(progress: DocumentProgress, clock: RunClock, now: number): number | null {
  const elapsed = (now - clock.startedAt) / 1000;
  const translated = progress.charactersDone - clock.charactersAtStart;
  // Under a second or nothing done yet gives a rate too noisy to be worth showing.
  if (elapsed < 1 || translated <= 0) return null;
  return (progress.charactersTotal - progress.charactersDone) / (translated / elapsed);
}

/** "3 of 10 paragraphs · 1,234 of 5,678 characters · about 2 min 5 s left". */
export function progressText(progress: DocumentProgress, secondsLeft?: number | null): string {
  const count = (value: number) => value.toLocaleString('en');
  const parts = [
    `${count(progress.paragraphsDone)} of ${count(progress.paragraphsTotal)} paragraph${progress.paragraphsTotal === 1 ? '' : 's'}`,
    `${count(progress.charactersDone)} of ${count(progress.charactersTotal)} characters`,
  ];
  if (secondsLeft !== undefined) {
    const eta = formatDuration(secondsLeft);
    parts.push(eta ? `about ${eta} left` : 'estimating time left…');
  }
  return parts.join(' · ');
}
