// Word's automatic numbering (word/numbering.xml): a paragraph with
// `w:numPr` shows a number the text does not contain ("一、", "（二）", "3.").
// The outline of a 公文 is read from those markers, so they are written into
// the paragraph's text as Word displays them: each level's counter, formatted
// (decimal, 一二三, 甲乙丙, ①…), put into the level's `lvlText` (`%1、`).
import { attr, tagVal } from './docx-xml.js';

interface Level {
  start: number;
  fmt: string;
  text: string;
}

export interface Numbering {
  /** numId → the levels of its abstract numbering (index = ilvl), with level start overrides applied. */
  levels: Map<string, Level[]>;
}

export function readNumbering(xml: string | undefined): Numbering {
  const levels = new Map<string, Level[]>();
  if (!xml) return { levels };
  const abstract = new Map<string, Level[]>();
  for (const m of xml.matchAll(/<w:abstractNum\b([^>]*)>([\s\S]*?)<\/w:abstractNum>/g)) {
    const id = attr(m[1], 'w:abstractNumId');
    if (id === undefined) continue;
    const lv: Level[] = [];
    for (const l of m[2]!.matchAll(/<w:lvl\b([^>]*)>([\s\S]*?)<\/w:lvl>/g)) {
      const ilvl = Number(attr(l[1], 'w:ilvl') ?? 0);
      if (ilvl >= 0 && ilvl < 9) lv[ilvl] = { start: Number(tagVal(l[2]!, 'w:start') ?? 1), fmt: tagVal(l[2]!, 'w:numFmt') ?? 'decimal', text: tagVal(l[2]!, 'w:lvlText') ?? '' };
    }
    abstract.set(id, lv);
  }
  for (const m of xml.matchAll(/<w:num\b([^>]*)>([\s\S]*?)<\/w:num>/g)) {
    const id = attr(m[1], 'w:numId');
    const base = tagVal(m[2]!, 'w:abstractNumId');
    if (id === undefined || base === undefined || !abstract.has(base)) continue;
    const lv = abstract.get(base)!.map((l) => ({ ...l }));
    for (const o of m[2]!.matchAll(/<w:lvlOverride\b([^>]*)>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const k = Number(attr(o[1], 'w:ilvl') ?? -1);
      const start = tagVal(o[2]!, 'w:startOverride');
      if (lv[k] && start !== undefined) lv[k] = { ...lv[k]!, start: Number(start) };
    }
    levels.set(id, lv);
  }
  return { levels };
}

const DIGITS = '〇一二三四五六七八九';
function chinese(n: number): string {
  if (n <= 0 || n >= 100) return String(n);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  return `${tens > 1 ? DIGITS[tens] : ''}十${n % 10 ? DIGITS[n % 10] : ''}`;
}
const roman = (n: number): string => {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s, n -= v);
  return out;
};
const letter = (n: number): string => String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);

/** A counter value as the numbering format writes it. */
export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'chineseCounting': case 'chineseCountingThousand': case 'chineseLegalSimplified': case 'taiwaneseCounting': case 'ideographDigital':
      return chinese(n);
    case 'ideographTraditional': return '甲乙丙丁戊己庚辛壬癸'[n - 1] ?? String(n);
    case 'upperLetter': return letter(n);
    case 'lowerLetter': return letter(n).toLowerCase();
    case 'upperRoman': return roman(n);
    case 'lowerRoman': return roman(n).toLowerCase();
    case 'decimalEnclosedCircle': case 'decimalEnclosedCircleChinese': return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth': return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    default: return String(n);
  }
}

/** Counters of one document: `label(numId, ilvl)` gives the next label of that list level, or null (bullets, none). */
export function numberer(numbering: Numbering): (numId: string, ilvl: number) => string | null {
  const counters = new Map<string, number[]>();
  return (numId, ilvl) => {
    const lv = numbering.levels.get(numId);
    const level = lv?.[ilvl];
    if (!lv || !level || level.fmt === 'bullet' || level.fmt === 'none') return null;
    const c = counters.get(numId) ?? [];
    c[ilvl] = c[ilvl] === undefined ? level.start : c[ilvl]! + 1;
    for (let k = ilvl + 1; k < 9; k++) c[k] = undefined as unknown as number;
    counters.set(numId, c);
    return level.text.replace(/%([1-9])/g, (_m, d: string) => {
      const k = Number(d) - 1;
      return formatNumber(c[k] ?? lv[k]?.start ?? 1, lv[k]?.fmt ?? 'decimal');
    });
  };
}
