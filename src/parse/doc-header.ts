// A document's opening as the splitter finds it, and the look-ahead its
// rules share (split, 令 headings, a 文号 printed below the title).
import type { SourceLine } from '../text/lines.js';

export interface DocHeader {
  /** Index (into the line array) of the first title line. */
  start: number;
  /** Indices of the title lines. */
  titleLines: number[];
  /** Index of the 文号 line, or -1 when the body prints none. */
  numberLine: number;
  title: string;
  docNumber: string | null;
  /** The printed 文号 used a bracket or spacing variant. */
  repaired: boolean;
  /** A 令: its heading's organ (`国务院`), whose 第N号 is the number line. */
  order?: { organ: string; heading: string };
}

/** How far a rule may look past blank lines for the next printed line. */
export const MAX_GAP = 12;

export function prevNonBlank(lines: SourceLine[], i: number, floor: number): number {
  for (let j = i - 1; j >= floor && j >= i - MAX_GAP; j--) if (!lines[j]!.blank) return j;
  return -1;
}

export function nextNonBlankWithin(lines: SourceLine[], i: number, end: number): number {
  for (let j = i + 1; j < end && j <= i + MAX_GAP; j++) if (!lines[j]!.blank) return j;
  return -1;
}
