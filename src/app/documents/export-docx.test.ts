import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { docxPart, docxXmlParagraphs } from '../../../e2e/fixtures/documents/docx-xml';
import { docxParagraphs } from './docx-text';
import { translationDocx } from './export-docx';
import { exportParagraphs } from './export-paragraphs';

async function bytes(document: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(document));
}

function arrayBuffer(data: Uint8Array): ArrayBuffer {
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
}

describe('translationDocx', () => {
  it('writes one Word paragraph per translated paragraph, read back unchanged by mammoth', async () => {
    const paragraphs = ['El inquilino paga.', 'Línea uno\nlínea dos', '«Fin».'];
    const data = await bytes(
      await translationDocx(
        paragraphs.map((text) => ({ text, translated: true })),
        { title: 'lease', language: 'es' },
      ),
    );
    const read = await docxParagraphs(arrayBuffer(data), 'lease.es.docx');
    expect(read.map((paragraph) => paragraph.text)).toEqual(paragraphs);
  });

  it('exports the Title and Heading styles of the uploaded .docx as Title and Heading styles', async () => {
    const uploaded = await bytes(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({ text: 'Lease', heading: HeadingLevel.TITLE }),
              new Paragraph({ text: 'Rent', heading: HeadingLevel.HEADING_1 }),
              new Paragraph('The tenant pays.'),
              new Paragraph({ text: 'Late payment', heading: HeadingLevel.HEADING_2 }),
              new Paragraph('Interest applies.'),
            ],
          },
        ],
      }),
    );
    const read = await docxParagraphs(arrayBuffer(uploaded), 'lease.docx');
    expect(read).toEqual([
      { text: 'Lease', heading: 0 },
      { text: 'Rent', heading: 1 },
      { text: 'The tenant pays.' },
      { text: 'Late payment', heading: 2 },
      { text: 'Interest applies.' },
    ]);
    const document = { paragraphs: read.map((p) => p.text), headings: read.map((p) => p.heading) };
    const translations = [
      'Arrendamiento',
      'Renta',
      'El inquilino paga.',
      'Pago tardío',
      'Se aplican intereses.',
    ];
    const exported = await bytes(
      await translationDocx(exportParagraphs(document, translations), { title: 'lease.es', language: 'es' }),
    );
    expect(docxXmlParagraphs(exported).map(({ style, text }) => ({ style, text }))).toEqual([
      { style: 'Title', text: 'Arrendamiento' },
      { style: 'Heading1', text: 'Renta' },
      { style: undefined, text: 'El inquilino paga.' },
      { style: 'Heading2', text: 'Pago tardío' },
      { style: undefined, text: 'Se aplican intereses.' },
    ]);
    // The styles the paragraphs name are defined in the package, so Word shows them as headings.
    const styles = docxPart(exported, 'word/styles.xml');
    for (const id of ['Title', 'Heading1', 'Heading2']) expect(styles).toContain(`w:styleId="${id}"`);
  });

  it('marks paragraphs exported untranslated with the original language', async () => {
    const document = { paragraphs: ['Rent', 'The tenant pays.'], headings: [1, undefined] as const };
    const exported = await bytes(
      await translationDocx(exportParagraphs({ ...document, headings: [...document.headings] }, ['Renta']), {
        title: 'lease.es',
        language: 'es',
        sourceLanguage: 'en',
      }),
    );
    expect(docxXmlParagraphs(exported)).toEqual([
      { style: 'Heading1', text: 'Renta', languages: [] },
      { text: 'The tenant pays.', languages: ['en'] },
    ]);
  });
});
