import type { Document } from 'docx';

export interface DocxExportOptions {
  title: string;
  /** BCP 47 code of the translation, so spelling and hyphenation use the right language. */
  language: string;
}

/** A Word document with one paragraph per translated paragraph; line breaks inside one stay line breaks. */
export async function translationDocx(
  paragraphs: readonly string[],
  options: DocxExportOptions,
): Promise<Document> {
  const docx = await import('docx');
  return new docx.Document({
    creator: 'Lexlet',
    title: options.title,
    styles: { default: { document: { run: { language: { value: options.language } } } } },
    sections: [
      {
        children: paragraphs.map(
          (paragraph) =>
            new docx.Paragraph({
              children: paragraph
                .split('\n')
                .map((line, index) => new docx.TextRun({ text: line, break: index > 0 ? 1 : undefined })),
            }),
        ),
      },
    ],
  });
}

export async function translationDocxBlob(
  paragraphs: readonly string[],
  options: DocxExportOptions,
): Promise<Blob> {
  const [{ Packer }, document] = await Promise.all([import('docx'), translationDocx(paragraphs, options)]);
  return Packer.toBlob(document);
}
