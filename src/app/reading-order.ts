/** Scripts written without spaces between words: every character decoded so far is a whole "word". */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;

/** A partial translation cut back to its whole words: the last one may still be half decoded ("Compr"). */
export function wholeWords(partial: string): string {
  if (/\s$/u.test(partial) || UNSPACED.test(partial)) return partial.trimEnd();
  const cut = partial.search(/\s\S*$/u);
  return cut < 0 ? '' : partial.slice(0, cut).trimEnd();
}

/**
 * What a streaming translation shows, in reading order: the finished sentences from the first on, then the
 * partial output of the first unfinished sentence, whole words only. Sentences decoded side by side thus never
 * appear interleaved, and a later sentence shows only once every earlier one is done.
 */
export function readingOrder(
  finished: readonly (string | undefined)[],
  partial: readonly (string | undefined)[],
): string[] {
  const shown: string[] = [];
  for (let index = 0; ; index++) {
    const done = finished[index];
    if (done !== undefined) {
      shown.push(done);
      continue;
    }
    const streaming = wholeWords(partial[index] ?? '');
    if (streaming) shown.push(streaming);
    return shown;
  }
}
