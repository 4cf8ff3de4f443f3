// The input stage before text/: what an office has, read into the plain text
// the text path reads. A PDF gives its pages laid out as paragraphs, with the
// page and line each comes from (pdf.ts, asynchronous: `loadSource`); a DOCX
// its paragraphs and tables (docx.ts), a saved web page its content element
// and metadata table (html.ts); anything else is decoded as text
// (text/decode.ts, which refuses other binaries in one line). Formats are told
// by content, never by file name.
import { GongbaoError } from '../errors.js';
import { decodeText } from '../text/decode.js';
import { docxToText, isDocx } from './docx.js';
import { htmlToText, isHtml } from './html.js';
import { isPdf, pdfToText, type PdfOptions } from './pdf.js';
import type { SourcePosition } from './pdf-layout.js';
import type { Diagnostic } from '../parse/types.js';

export type SourceFormat = 'text' | 'docx' | 'html' | 'pdf';
export type { SourcePosition };

export interface SourceText {
  text: string;
  format: SourceFormat;
  /** The text encoding, or the format's name for a DOCX or a web page (stored with the original). */
  encoding: string;
  /** A web page's metadata table (索引号, 发文字号, 成文日期…) as the page states it. */
  meta?: Record<string, string>;
  /** A PDF's pages, and per text line (index = line − 1) the page and line on the page it starts at. */
  pages?: number;
  positions?: (SourcePosition | null)[];
  /** A PDF's printed page numbers, per PDF page (null where none is printed). */
  printedPages?: (number | null)[];
  /** What reading the file found (pages read by OCR, with their confidence). */
  diagnostics?: Diagnostic[];
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** Read any input: a PDF asynchronously, everything else as `readSource` does. */
export async function loadSource(bytes: Uint8Array, file?: string, opts: PdfOptions = {}): Promise<SourceText> {
  if (!isPdf(bytes) || startsWith(bytes, ZIP)) return readSource(bytes, file);
  const pdf = await pdfToText(bytes, file, opts);
  return {
    text: pdf.text, format: 'pdf', encoding: 'pdf', pages: pdf.pages, positions: pdf.positions, printedPages: pdf.printedPages, diagnostics: pdf.diagnostics,
  };
}

/** Read a DOCX, a web page or text; a PDF needs `loadSource`. */
export function readSource(bytes: Uint8Array, file?: string): SourceText {
  // Any zip is read as a DOCX, so that a damaged or foreign one says so rather than "binary".
  if (isDocx(bytes) || startsWith(bytes, ZIP)) return { text: docxToText(bytes, file), format: 'docx', encoding: 'docx' };
  if (isPdf(bytes)) {
    // Stored sources keep the PDF's text beside the original; only a caller that skipped `loadSource` lands here.
    throw new GongbaoError('input-pdf', 'PDF 文件需经 loadSource 读取', file ? { file } : {});
  }
  if (isHtml(bytes)) {
    const page = htmlToText(bytes, file);
    return { text: page.text, format: 'html', encoding: 'html', meta: page.meta };
  }
  const decoded = decodeText(bytes, file);
  return { text: decoded.text, format: 'text', encoding: decoded.encoding };
}
