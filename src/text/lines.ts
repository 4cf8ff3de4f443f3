// The clean intermediate form: one record per source line, keeping the
// original beside the normalized text so that every fact stays traceable.
import { isPageFurniture, normalizeText, stripMarkdown } from './normalize.js';
import { removeRunningHeads } from './running-heads.js';

export type { SourceLine } from './source-line.js';
import type { SourceLine } from './source-line.js';

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
