import { describe, expect, it } from 'vitest';
import { LARGE_TEXT_CHARS, isLargeText, textAsFile } from './large-text';

describe('large text', () => {
  it('is text past the threshold, which opens as a .txt document with the text unchanged', async () => {
    expect(isLargeText('a'.repeat(LARGE_TEXT_CHARS))).toBe(false);
    const text = `${'é'.repeat(LARGE_TEXT_CHARS)}\r\n`;
    expect(isLargeText(text)).toBe(true);
    const file = textAsFile(text);
    expect(file.name).toBe('Pasted text.txt');
    expect(await file.text()).toBe(text);
  });
});
