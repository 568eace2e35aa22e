import { Packer } from 'docx';
import { describe, expect, it } from 'vitest';
import { docxParagraphs } from './docx-text';
import { translationDocx } from './export-docx';

describe('translationDocx', () => {
  it('writes one Word paragraph per translated paragraph, read back unchanged by mammoth', async () => {
    const paragraphs = ['El inquilino paga.', 'Línea uno\nlínea dos', '«Fin».'];
    const buffer = await Packer.toBuffer(
      await translationDocx(paragraphs, { title: 'lease', language: 'es' }),
    );
    const data = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
    expect(await docxParagraphs(data, 'lease.es.docx')).toEqual(paragraphs);
  });
});
