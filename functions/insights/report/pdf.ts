/**
 * The morning report as a one-page PDF, made with PDFKit. The text is Vietnamese, so the page embeds DejaVu Sans
 * (assets/fonts, its licence beside it; PDFKit keeps only the glyphs used): PDF's standard fonts have no "ạ" or
 * "ệ". The font is read from beside the bundle on Lambda (the CDK bundling copies it there) or from assets/ when
 * run from the sources.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import type { ReportWords } from './wording.js';

export const REPORT_FONT_FILE = 'DejaVuSans.ttf';

/**
 * Where the font is, looking up from this module: `fonts/` beside a Lambda bundle (its entry or a chunk below it),
 * or `assets/fonts/` of the repository (the sources, or the site's build under web/dist).
 */
function fontCandidates(): string[] {
  const candidates: string[] = [];
  let directory = dirname(fileURLToPath(import.meta.url));
  for (let level = 0; level < 8; level += 1) {
    candidates.push(
      join(directory, 'fonts', REPORT_FONT_FILE),
      join(directory, 'assets', 'fonts', REPORT_FONT_FILE),
    );
    directory = dirname(directory);
  }
  return candidates;
}

let font: Promise<Buffer> | undefined;
function reportFont(): Promise<Buffer> {
  font ??= (async () => {
    const found = fontCandidates().find((candidate) => existsSync(candidate));
    if (!found)
      throw new Error(`The report's font ${REPORT_FONT_FILE} is missing from the bundle and assets/fonts.`);
    return readFile(found);
  })();
  return font;
}

const INK = '#1a1a1a';
const MUTED = '#4a4a4a';
const ACCENT = '#0b5563';

/** The report's words on an A4 page (a second one only if the lines run over). */
export async function reportPdf(words: ReportWords, language: 'vi' | 'en'): Promise<Buffer> {
  const document = new PDFDocument({
    size: 'A4',
    margin: 48,
    // The embedded font from the start: the standard Helvetica is never loaded (nor its metrics read from disk).
    font: (await reportFont()) as unknown as string,
    lang: language,
    info: { Title: words.title, Author: 'Hạ Long smart-tourism platform', Subject: words.subtitle },
    displayTitle: true,
    pdfVersion: '1.7',
    tagged: true,
  });
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });

  document.fillColor(ACCENT).fontSize(18).text(words.title);
  document.moveDown(0.2).fillColor(MUTED).fontSize(10).text(words.subtitle);
  if (words.demoNotice) {
    document.moveDown(0.6).fillColor('#7a4b00').fontSize(10).text(words.demoNotice);
  }
  for (const section of words.sections) {
    document.moveDown(0.9).fillColor(ACCENT).fontSize(13).text(section.heading);
    document.moveDown(0.2).fillColor(INK).fontSize(10);
    for (const line of section.lines) document.text(`•  ${line}`, { paragraphGap: 3, indent: 0 });
  }
  document.end();
  return finished;
}
