// The input stage before text/: what an office has, read into the plain text
// the text path reads. A DOCX gives its paragraphs and tables (docx.ts), a
// saved web page its content element and metadata table (html.ts); anything
// else is decoded as text (text/decode.ts, which refuses binaries such as a PDF
// in one line). Formats are told by content, never by file name.
import { GongbaoError } from '../errors.js';
import { decodeText } from '../text/decode.js';
import { docxToText, isDocx } from './docx.js';
import { htmlToText, isHtml } from './html.js';

export type SourceFormat = 'text' | 'docx' | 'html';

export interface SourceText {
  text: string;
  format: SourceFormat;
  /** The text encoding, or the format's name for a DOCX or a web page (stored with the original). */
  encoding: string;
  /** A web page's metadata table (索引号, 发文字号, 成文日期…) as the page states it. */
  meta?: Record<string, string>;
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

export function readSource(bytes: Uint8Array, file?: string): SourceText {
  // Any zip is read as a DOCX, so that a damaged or foreign one says so rather than "binary".
  if (isDocx(bytes) || startsWith(bytes, ZIP)) return { text: docxToText(bytes, file), format: 'docx', encoding: 'docx' };
  if (startsWith(bytes, PDF)) {
    throw new GongbaoError('input-binary', '这是 PDF 文件，暂不能直接读取：请先转换为文本，或改用 Word 文档（DOCX）或网页（HTML）', file ? { file } : {});
  }
  if (isHtml(bytes)) {
    const page = htmlToText(bytes, file);
    return { text: page.text, format: 'html', encoding: 'html', meta: page.meta };
  }
  const decoded = decodeText(bytes, file);
  return { text: decoded.text, format: 'text', encoding: decoded.encoding };
}
