// Money amounts in the running text: `24267.9897万元`, `5000元`, `1.5亿元`,
// ranges `1000-3000元` (one amount per number) and Chinese numerals
// `三千元`. Tables are left to the table model.
import type { ParsedDocument } from '../parse/types.js';
import type { Amount } from './types.js';
import { blockChars, charBit } from './block-chars.js';

type Unit = Amount['unit'];
const MULT: Record<Unit, number> = { 元: 1, 万元: 1e4, 亿元: 1e8 };

const NUM = String.raw`\d+(?:,\d{3})*(?:\.\d+)?`;
const CN_DIGITS = '零〇一二两三四五六七八九十百千万亿';
const AMOUNT = new RegExp(
  [
    // 1亿5000万元
    String.raw`(?<![\d.A-Za-z])(${NUM})亿(${NUM})万元`,
    // 5000元, 24267.9897万元, 1000-3000元, 2万—5万元
    String.raw`(?<![\d.,A-Za-z])(${NUM})(?:(万|亿)?\s*[-—–~～至到]\s*(${NUM}))?\s*(万元|亿元|元)(?![旦宵素])`,
    // 三千元, 十万元
    `(?<![\\d.${CN_DIGITS}数几上近余多第])([${CN_DIGITS}]{1,10}?)(万元|亿元|元)(?![旦宵素])`,
  ].join('|'),
  'g',
);

const D: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const U: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** `三千` → 3000, `十万` → 100000, `一亿二千万` → 120000000. */
export function chineseNumber(s: string): number | null {
  let total = 0;
  let section = 0;
  let num = 0;
  for (const c of s) {
    if (c in D) num = D[c]!;
    else if (c in U) {
      section += (num || 1) * U[c]!;
      num = 0;
    } else if (c === '万') {
      total += (section + num) * 1e4;
      section = num = 0;
    } else if (c === '亿') {
      total = (total + section + num) * 1e8;
      section = num = 0;
    } else return null;
  }
  return total + section + num;
}

const SENTENCE_END = /[。！？；\n]/;

/** The clause around a match: up to `span` characters each side, clipped at sentence punctuation. */
export function clauseContext(text: string, start: number, end: number, span = 30): string {
  let left = text.slice(Math.max(0, start - span), start);
  const cut = Math.max(...[...left.matchAll(/[。！？；\n]/g)].map((m) => m.index + 1), 0);
  left = left.slice(cut);
  let right = text.slice(end, end + span);
  const stop = SENTENCE_END.exec(right);
  if (stop) right = right.slice(0, stop.index + 1);
  return (left + text.slice(start, end) + right).trim();
}

const YUAN = charBit('元');
const round = (n: number) => Math.round(n * 100) / 100;
const num = (s: string) => Number(s.replace(/,/g, ''));
const amount = (value: number, unit: Unit, text: string, context: string, lines: Amount['lines']): Amount => ({
  value,
  unit,
  yuan: round(value * MULT[unit]),
  text,
  context,
  lines,
});

export function extractAmounts(doc: ParsedDocument): Amount[] {
  const out: Amount[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'table' || !(blockChars(b) & YUAN)) continue;
    for (const m of b.text.matchAll(AMOUNT)) {
      const text = m[0];
      const ctx = clauseContext(b.text, m.index, m.index + text.length);
      if (m[1] !== undefined) {
        out.push(amount(num(m[1]) * 1e4 + num(m[2]!), '万元', text, ctx, b.lines));
      } else if (m[3] !== undefined) {
        const unit = m[6] as Unit;
        if (m[5] !== undefined) {
          const firstUnit: Unit = m[4] === '万' ? '万元' : m[4] === '亿' ? '亿元' : unit;
          out.push(amount(num(m[3]), firstUnit, text, ctx, b.lines), amount(num(m[5]), unit, text, ctx, b.lines));
        } else out.push(amount(num(m[3]), unit, text, ctx, b.lines));
      } else if (m[7] !== undefined) {
        // A bare `一元`/`二元` is a word (一元化, 二元结构), not money.
        if (!/[十百千万亿两]/.test(m[7]) && m[7].length < 2) continue;
        const v = chineseNumber(m[7]);
        if (v !== null && v > 0) out.push(amount(v, m[8] as Unit, text, ctx, b.lines));
      }
    }
  }
  // A run of hundreds of digits is no sum of money (and would be Infinity, null in JSON).
  return out.filter((a) => Number.isFinite(a.yuan));
}
