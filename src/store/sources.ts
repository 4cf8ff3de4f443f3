// The stored original of an issue and the text it was read as. Text files,
// DOCX and web pages are read again from their bytes (fast, synchronous); a
// PDF's laid-out text is stored beside it with the page and line each text
// line starts at, so that provenance points into the PDF.
import { readSource, type SourcePosition } from '../formats/index.js';

export interface SourceRow {
  bytes: Buffer;
  /** sources.text: a PDF's laid-out text, else null. */
  text: string | null;
  positions_json?: string | null;
  file_name?: string;
}

/** The text the issue was parsed from. */
export const storedText = (row: SourceRow): string => (row.text ?? readSource(row.bytes, row.file_name).text).replace(/^\ufeff/, '');

/** Per text line (index = line − 1), its page and line in the PDF; null for other formats. */
export const storedPositions = (row: SourceRow): (SourcePosition | null)[] | null => (row.positions_json ? JSON.parse(row.positions_json) : null);
