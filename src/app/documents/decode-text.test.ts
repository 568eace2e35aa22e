import { describe, expect, it } from 'vitest';
import { decodeUtf8Text } from './decode-text';

describe('decodeUtf8Text', () => {
  it('decodes UTF-8, dropping only a byte order mark', () => {
    const bytes = new TextEncoder().encode('Año ✓\n');
    expect(decodeUtf8Text(bytes, 'a.txt')).toBe('Año ✓\n');
    expect(decodeUtf8Text(Uint8Array.of(0xef, 0xbb, 0xbf, 0x68, 0x69), 'a.txt')).toBe('hi');
  });

  it('refuses Latin-1 bytes instead of guessing', () => {
    expect(() => decodeUtf8Text(Uint8Array.of(0x41, 0xf1, 0x6f), 'latin.txt')).toThrow(
      '“latin.txt” is not UTF-8 text (or not text at all). Save it as UTF-8 text and open it again.',
    );
  });

  it('names UTF-16 files', () => {
    expect(() => decodeUtf8Text(Uint8Array.of(0xff, 0xfe, 0x41, 0x00), 'wide.txt')).toThrow(
      '“wide.txt” is saved as UTF-16 text. Save it as UTF-8 and open it again.',
    );
  });
});
