// Line-level judgements around tables: captions and unit notes, wrapped cell
// text, and the two-column page layout that conversion turns into tab lines.
import type { SourceLine } from '../text/lines.js';

const NUMERAL = '[\\d一二三四五六七八九十]';
const CAPTION_NUMBERED = new RegExp(`^(?:附表|表|专栏)\\s*${NUMERAL}`, 'u');
const CAPTION_ENDING = /(?:表|清单|名单|名册|名录|计划|目录|一览|明细|指标)$/u;
/** Outline markers: such a line is a section heading, which the outline needs. */
const OUTLINE_MARKER = /^(?:[一二三四五六七八九十百]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．](?!\d)|第[一二三四五六七八九十百\d]+[章节条]|[①-⑳])/u;

export const isUnitNote = (text: string): boolean => text.length <= 40 && /^[（(]?\s*(?:计量)?单位\s*[：:]/u.test(text);

/** `表4-1 …`, `专栏 1 …`, or a short title ending in 表/清单/名单/计划/目录…, edition note allowed. */
export function isCaptionText(text: string): boolean {
  if (text.length < 2 || text.length > 80 || /[。；！？：:，]$/u.test(text)) return false;
  if (CAPTION_NUMBERED.test(text)) return true;
  if (OUTLINE_MARKER.test(text)) return false;
  const core = text.replace(/\s*[（(][^（）()]{1,20}[）)]$/u, '').replace(/\s+/g, '');
  return CAPTION_ENDING.test(core);
}

/** `（单位：万元）` stays as printed; a bare `单位：万元` gets the parentheses a caption suffix takes. */
export function withUnit(caption: string, unit: string): string {
  return /^[（(]/.test(unit) ? `${caption}${unit}` : `${caption}（${unit}）`;
}

/**
 * A non-tab line inside a table that is the wrapped tail of the previous
 * row's last cell. Only short plain text qualifies: headings, list items,
 * numbered items, notes and captions all end a table instead.
 */
export function isWrappedCellText(l: SourceLine): boolean {
  const t = l.text;
  if (l.blank || l.cells || l.heading || l.listItem || t.length > 30) return false;
  if (OUTLINE_MARKER.test(t) || /^(?:注|备注|说明|附件|附表)/u.test(t)) return false;
  return !isCaptionText(t) && !isUnitNote(t);
}

/** Appends wrapped text to the last non-empty cell (CJK text joins without a space). */
export function appendToLastCell(cells: string[], text: string): void {
  for (let j = cells.length - 1; j >= 0; j--) {
    if (cells[j]) {
      const prev = cells[j]!;
      const sep = /[A-Za-z0-9]$/.test(prev) && /^[A-Za-z0-9]/.test(text) ? ' ' : '';
      cells[j] = prev + sep + text;
      return;
    }
  }
  if (cells.length) cells[0] = text;
}

/** Drops TOC dot leaders (`投资匡算 .....`), which are layout, not content. */
export function stripLeader(cell: string): string {
  let end = cell.length;
  let dots = 0;
  while (end > 0) {
    const c = cell[end - 1]!;
    if (c === '.' || c === '．' || c === '·' || c === '…') dots++;
    else if (c !== ' ') break;
    end--;
  }
  return dots >= 3 ? cell.slice(0, end) : cell;
}

// Leading-group rosters: `组 长：`, `副组长：`, `成 员：`, `常务副指挥长：`.
const ROLE_LABEL = /^(?:常务)?副?(?:总指挥长?|指挥长|组长|主任|成员|委员|组员|秘书长)[：:]/u;
const PERSON_NAME = /^\p{Script=Han}{2,3}$/u;
const OFFICE_TITLE = /(?:局长|主任|经理|书记|县长|部长|队长|场长|站长|所长|政委|镇长|乡长|校长|院长|行长|主席|委员)$/u;

/**
 * Two page columns (a name list beside body text) joined by tabs look like a
 * table. Their tell-tales: roster role labels in cells, sentences broken
 * mid-clause in a cell (ending in `，` or `、`), and a first row that is
 * already a name with an office rather than a header.
 */
export function interleavedScore(rows: readonly string[][]): number {
  let score = 0;
  for (const row of rows) {
    for (const c of row) {
      const t = c.replace(/\s+/g, '');
      if (ROLE_LABEL.test(t)) score += 2;
      else if (t.length > 4 && /[，、；]$/u.test(t)) score += 1;
    }
  }
  const first = (rows[0] ?? []).map((c) => c.replace(/\s+/g, ''));
  if (first.some((c) => PERSON_NAME.test(c) && !OFFICE_TITLE.test(c)) && first.some((c) => OFFICE_TITLE.test(c))) score += 1;
  return score;
}

export const INTERLEAVED_THRESHOLD = 2;

/**
 * Fits a row to `width` columns. A row printed wider than the table first
 * loses trailing empties, then leading empties (a row shifted right by a
 * merged cell); whatever still overflows joins the last column.
 */
export function fitRow(cells: readonly string[], width: number): { row: string[]; overflow: boolean } {
  const r = cells.slice();
  while (r.length > width && r[r.length - 1] === '') r.pop();
  while (r.length > width && r[0] === '') r.shift();
  let overflow = false;
  if (r.length > width && width > 0) {
    const tail = r.splice(width - 1).filter(Boolean).join(' ');
    r.push(tail);
    overflow = true;
  }
  while (r.length < width) r.push('');
  return { row: r, overflow };
}
