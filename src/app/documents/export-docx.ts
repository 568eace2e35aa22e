import type { Document } from 'docx';
import type { HeadingLevel } from './document-paragraph';
import type { ExportParagraph } from './export-paragraphs';

export interface DocxExportOptions {
  title: string;
  /** BCP 47 code of the translation, so spelling and hyphenation use the right language. */
  language: string;
  /** BCP 47 code of the original, for paragraphs exported untranslated. */
  sourceLanguage?: string;
}

type DocxModule = typeof import('docx');

/** Word's Title and Heading 1–6 styles, which outlines, tables of contents and navigation panes follow. */
function headingStyle(docx: DocxModule, level: HeadingLevel) {
  const styles = [
    docx.HeadingLevel.TITLE,
    docx.HeadingLevel.HEADING_1,
    docx.HeadingLevel.HEADING_2,
    docx.HeadingLevel.HEADING_3,
    docx.HeadingLevel.HEADING_4,
    docx.HeadingLevel.HEADING_5,
    docx.HeadingLevel.HEADING_6,
  ] as const;
  return styles[level];
}

/**
 * A Word document with one paragraph per paragraph of the original: titles and headings keep their styles, line
 * breaks inside a paragraph stay line breaks, and a paragraph still in the original is marked with its language.
 */
export async function translationDocx(
  paragraphs: readonly ExportParagraph[],
  options: DocxExportOptions,
): Promise<Document> {
  const docx = await import('docx');
  return new docx.Document({
    creator: 'Lexlet',
    title: options.title,
    styles: { default: { document: { run: { language: { value: options.language } } } } },
    sections: [
      {
        children: paragraphs.map((paragraph) => {
          const language =
            !paragraph.translated && options.sourceLanguage ? { value: options.sourceLanguage } : undefined;
          return new docx.Paragraph({
            ...(paragraph.heading === undefined ? {} : { heading: headingStyle(docx, paragraph.heading) }),
            children: paragraph.text.split('\n').map(
              (line, index) =>
                new docx.TextRun({
                  text: line,
                  break: index > 0 ? 1 : undefined,
                  ...(language ? { language } : {}),
                }),
            ),
          });
        }),
      },
    ],
  });
}

export async function translationDocxBlob(
  paragraphs: readonly ExportParagraph[],
  options: DocxExportOptions,
): Promise<Blob> {
  const [{ Packer }, document] = await Promise.all([import('docx'), translationDocx(paragraphs, options)]);
  return Packer.toBlob(document);
}
