// The clean intermediate form: one record per source line, keeping the
// original beside the normalized text so that every fact stays traceable.
import { isPageFurniture, normalizeText, stripMarkdown } from './normalize.js';
import { removeRunningHeads } from './running-heads.js';

export interface SourceLine {
  /** 1-based line number in the source file. */
  no: number;
  /** The line exactly as read (without its line terminator). */
  raw: string;
  /** Normalized text: markup removed, widths unified, CJK spacing removed. */
  text: string;
  /** Blank, or page furniture (footer, rule): carries no content. */
  blank: boolean;
  /** Markdown heading residue on the original line. */
  heading: boolean;
  listItem: boolean;
  bold: boolean;
  /** Tab-separated cells, normalized, when the raw line contains a tab. */
  cells: string[] | null;
  /** A running header or footer learned from its repetition at page breaks (blanked). */
  runningHead?: true;
}

/** Split on CRLF, CR or LF; a last line without a newline is kept. */
export function splitRawLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function toSourceLine(raw: string, no: number): SourceLine {
  if (raw.includes('\t')) {
    const md = stripMarkdown(raw.replace(/\t/g, '\u0001'));
    const cells = md.text.split('\u0001').map((c) => normalizeText(c));
    const text = cells.filter(Boolean).join(' ');
    return { no, raw, text, blank: text === '', heading: md.heading, listItem: md.listItem, bold: md.bold, cells };
  }
  const md = stripMarkdown(raw);
  const text = normalizeText(md.text);
  const blank = text === '' || isPageFurniture(text);
  return { no, raw, text: blank ? '' : text, blank, heading: md.heading, listItem: md.listItem, bold: md.bold, cells: null };
}

export function toSourceLines(text: string): SourceLine[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return removeRunningHeads(splitRawLines(body).map((raw, i) => toSourceLine(raw, i + 1))).lines;
}

/** Text with every whitespace removed: the form titles and 文号 are compared in. */
export const compact = (s: string): string => s.replace(/\s+/g, '');
