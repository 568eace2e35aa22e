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

  it('says a binary file named .txt is not a text file, by its NUL bytes or control characters', () => {
    const message =
      '“photo.txt” is not a text file: it holds binary data (such as an image, an archive or a program) ' +
      'under a .txt name. Open a text, .docx or .pdf file.';
    // Valid UTF-8 throughout, so only the NUL bytes give it away.
    expect(() =>
      decodeUtf8Text(Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41), 'photo.txt'),
    ).toThrow(message);
    const controls = Uint8Array.from({ length: 400 }, (_, index) => (index % 10 === 0 ? 0x01 : 0x61));
    expect(() => decodeUtf8Text(controls, 'photo.txt')).toThrow(message);
  });

  it('keeps tabs, form feeds and line breaks as text', () => {
    expect(decodeUtf8Text(new TextEncoder().encode('a\tb\fc\r\nd\u001b'), 'a.txt')).toBe(
      'a\tb\fc\r\nd\u001b',
    );
  });
});
