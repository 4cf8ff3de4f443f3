// Holiday arrangements (放假安排) read from a notice: every 放假 day and every
// 上班 (make-up working) day it states, with the line that states it. The
// 国务院办公厅 publishes "关于YYYY年部分节假日安排的通知" each year; later
// notices adjust it ("春节假期延长至2月2日"); local governments add their own
// days (火把节, 彝历新年, 古尔邦节…).
//
// The reader never refuses input: a paragraph it cannot read adds nothing.
// Per sentence it finds the dates (`2月4日至10日`, `2018年12月30日至2019年1月1日`,
// `2月2日（星期六）、3日（星期日）`, noisy `1月28(星期六)`), then classes each
// by the keyword of its clause: 放假/休息/补休 → holiday, 上班 → workday.
import type { Block } from '../parse/types.js';
import { chineseNumber, isoDate } from '../parse/dates.js';
import type { SourceLine } from '../text/lines.js';
import { addDays } from '../time.js';

export type CalendarDayKind = 'holiday' | 'workday';

export interface NoticeDay {
  date: string;
  kind: CalendarDayKind;
  /** The festival, when the notice names it (元旦, 春节, 火把节…). */
  name: string | null;
  /** Source line that states the day. */
  line: number;
  /** "延长至…": the break runs on from the holiday before it up to this day (the calendar fills the gap). */
  extendsBreak?: boolean;
}

export interface HolidayReading {
  /** The year the notice arranges (from its title, else its first stated year). */
  year: number | null;
  /** Years whose whole national arrangement the notice states: it confirms the calendar of those years. */
  confirms: number[];
  days: NoticeDay[];
}

/** Festivals of the national arrangement (《全国年节及纪念日放假办法》). */
export const NATIONAL_FESTIVALS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] as const;

/** A title that announces holiday arrangements. */
export const HOLIDAY_TITLE = /节假日安排|放假(?:安排|时间|调休|的(?:通知|决定|公告|通告))|假期安排|延长.{0,10}假期|假期.{0,4}延长/u;

export const isHolidayNoticeTitle = (title: string): boolean => {
  const t = title.replace(/\s+/g, '');
  return HOLIDAY_TITLE.test(t) && !/期间/.test(t);
};

const NUM = '(?:\\d{1,2}|[一二三四五六七八九十]{1,3})';
const YEAR = '(?:((?:19|20)\\d{2})\\s*年)';
/** A date: optional year, month, day with its 日 optional (`1月28(星期六)`). */
const DATE = new RegExp(`${YEAR}?\\s*(${NUM})\\s*月\\s*(${NUM})(?![\\d一二三四五六七八九十])\\s*(?:日|号)?`, 'gu');
/** The same, at the start of the text after a range or list link. */
const DATE_AT = new RegExp(`^${DATE.source}`, 'u');
/** A day alone, continuing a range or a list: `至10日`, `、3日`. */
const DAY_ONLY = new RegExp(`^\\s*(${NUM})\\s*(?:日|号)`, 'u');
const LINK_RANGE = /^\s*(?:至|到|—+|-+|–|~|～)\s*/u;
const LINK_LIST = /^\s*(?:、|和|及)\s*/u;
/** Parenthesised asides after a date: weekday, lunar day. */
const ASIDE = /^\s*[（(][^（）()]{0,30}[）)]/u;

const HOLIDAY_WORD = /放假|休假|休息|补休|调休|假期|公休|连休|歇业/u;
const WORK_WORD = /上班|上岗|工作日|照常工作|正常工作/u;
const NEGATED = /不(?:放假|休息|调休|上班)/u;
const ENCOURAGED = /鼓励|倡导|提倡|可结合|自行安排|弹性/u;
const EXTENDS = /延长|顺延|延至/u;
/** `调休上班`, `补班`: a make-up working day, though 调休 alone speaks of days off. */
const MAKE_UP_WORK = /调休上班|补班|调整为工作日/u;
/** `上班取消`, `取消…上班`: a make-up working day withdrawn is a day off. */
const CANCELLED_WORK = /(?:上班|补班)(?:安排)?(?:取消|调整为休息)|取消.{0,8}(?:上班|补班)/u;

interface Found {
  start: number;
  end: number;
  dates: string[];
}

const num = (s: string) => chineseNumber(s) ?? NaN;

/** Every date, range and list in a sentence, in order, with the year carried along. */
function findDates(sentence: string, defaultYear: number | null): Found[] {
  const out: Found[] = [];
  let year = defaultYear;
  DATE.lastIndex = 0;
  for (let m = DATE.exec(sentence); m; m = DATE.exec(sentence)) {
    if (m[1]) year = Number(m[1]);
    if (year === null) continue;
    // `三月三` (a lunar festival's name) is no date: Chinese-numeral days need their 日.
    if (!/^\d+$/.test(m[3]!) && !/[日号]\s*$/.test(m[0])) continue;
    const month = num(m[2]!);
    const first = isoDate(year, month, num(m[3]!));
    if (!first) continue;
    const start = m.index;
    let end = DATE.lastIndex;
    const dates = [first];
    let lastMonth = month;
    let lastYear = year;
    // Asides, then `至 …` or `、 …`, repeatedly.
    for (;;) {
      const rest = sentence.slice(end);
      const aside = ASIDE.exec(rest);
      if (aside) {
        end += aside[0].length;
        continue;
      }
      const range = LINK_RANGE.exec(rest);
      const list = range ? null : LINK_LIST.exec(rest);
      const link = range ?? list;
      if (!link) break;
      const after = rest.slice(link[0].length);
      const full = DATE_AT.exec(after);
      const dayOnly = full ? null : DAY_ONLY.exec(after);
      if (!full && !dayOnly) break;
      let y = lastYear;
      let mo = lastMonth;
      let d: number;
      if (full) {
        if (full[1]) y = Number(full[1]);
        mo = num(full[2]!);
        d = num(full[3]!);
      } else d = num(dayOnly![1]!);
      let next = isoDate(y, mo, d);
      // `12月31日至1月2日` with no years: the range crosses into the next year.
      if (next && range && !full?.[1] && next < dates[dates.length - 1]!) next = isoDate(y + 1, mo, d);
      if (!next) break;
      if (range) dates.push(...daysBetween(dates[dates.length - 1]!, next));
      else dates.push(next);
      [lastYear, lastMonth] = [Number(next.slice(0, 4)), Number(next.slice(5, 7))];
      end += link[0].length + (full ?? dayOnly)![0].length;
    }
    year = lastYear;
    out.push({ start, end, dates: [...new Set(dates)] });
    DATE.lastIndex = end;
  }
  return out;
}

/** The days after `from` up to and including `to` (at most 62: a break is never longer). */
function daysBetween(from: string, to: string): string[] {
  const span = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  if (!(span > 0) || span > 62) return [to];
  return Array.from({ length: span }, (_, i) => addDays(from, i + 1));
}

/** The kind a clause gives the dates in it: the keyword after them, else before them. */
function classify(clause: string, at: number): CalendarDayKind | null {
  const kindOf = (s: string): CalendarDayKind | null => {
    if (CANCELLED_WORK.test(s)) return 'holiday';
    if (MAKE_UP_WORK.test(s)) return 'workday';
    const neg = NEGATED.exec(s);
    if (neg) return /上班/.test(neg[0]) ? 'holiday' : 'workday';
    const h = HOLIDAY_WORD.exec(s);
    const w = WORK_WORD.exec(s);
    if (h && w) return h.index < w.index ? 'holiday' : 'workday';
    return h ? 'holiday' : w ? 'workday' : null;
  };
  return kindOf(clause.slice(at)) ?? kindOf(clause.slice(0, at));
}

/** The festival a paragraph is about: `二、春节：`, else a name ending in 节/新年 standing after punctuation or a year. */
function festivalName(paragraph: string): string | null {
  const label = /^\s*(?:[一二三四五六七八九十]+[、.．]\s*)?([\p{Script=Han}、]{2,16})\s*[：:]/u.exec(paragraph);
  if (label && !/通知|安排|如下/.test(label[1]!)) return label[1]!;
  for (const n of NATIONAL_FESTIVALS) if (paragraph.includes(n)) return n;
  const generic = /(?:^|[，。；、：\s年（(“「])([\p{Script=Han}]{1,5}(?:节|新年|族年|历年|羌年|苗年|瑶年|三月三))(?![假日])/u.exec(paragraph);
  return generic ? generic[1]! : null;
}

/** The first line of a block whose text holds `needle` (line provenance inside a joined paragraph). */
function lineOf(block: Block, needle: string, lines: SourceLine[] | undefined): number {
  if (lines) {
    const key = needle.replace(/\s+/g, '').slice(0, 6);
    for (let no = block.lines[0]; no <= block.lines[1]; no++) {
      const l = lines[no - 1];
      if (l && key && l.text.replace(/\s+/g, '').includes(key)) return no;
    }
  }
  return block.lines[0];
}

/**
 * Read a notice. `blocks` are its paragraphs (a parsed document's blocks);
 * `lines` the file's source lines, for the line of each day.
 */
export function readHolidayNotice(title: string, blocks: Block[], lines?: SourceLine[], fallbackYear: number | null = null): HolidayReading {
  const t = title.replace(/\s+/g, '');
  const titleYear = /((?:19|20)\d{2})\s*年/u.exec(t);
  let year = titleYear ? Number(titleYear[1]) : null;
  if (year === null) {
    for (const b of blocks) {
      const y = /((?:19|20)\d{2})\s*年/u.exec(b.text);
      if (y && HOLIDAY_WORD.test(b.text)) {
        year = Number(y[1]);
        break;
      }
    }
  }
  year ??= fallbackYear;
  const days: NoticeDay[] = [];
  const named = new Set<string>();
  // A notice about one festival names it in its title (`关于2024年古尔邦节放假的通知`).
  const titleName = festivalName(t.replace(/^.*关于/u, ''));
  for (const block of blocks) {
    if (block.kind === 'table') {
      days.push(...readTable(block, year, lines));
      continue;
    }
    if (!/\d|[一二三四五六七八九十]\s*月/.test(block.text)) continue;
    const name = festivalName(block.text) ?? titleName;
    // Sentences, then clauses: a keyword speaks for the dates of its clause, else of its sentence.
    for (const sentence of block.text.split(/[。；;！!]/u)) {
      // `鼓励…安排职工在除夕（2月9日）休息` encourages; it arranges no day.
      if (ENCOURAGED.test(sentence)) continue;
      const found = findDates(sentence, year);
      if (!found.length) continue;
      const clauses = splitClauses(sentence);
      for (const f of found) {
        const c = clauses.find((x) => f.start >= x.start && f.start < x.end) ?? { start: 0, end: sentence.length };
        const clause = sentence.slice(c.start, c.end);
        const kind = classify(clause, f.start - c.start) ?? classify(sentence, f.start);
        if (!kind) continue;
        const before = sentence.slice(0, f.start);
        // `延长…假期至D`: the break runs on to D (no start date given).
        const extendsBreak = kind === 'holiday' && EXTENDS.test(before) && /至\s*$/u.test(before);
        const line = lineOf(block, sentence.slice(f.start, f.end), lines);
        for (const date of f.dates) days.push({ date, kind, name, line, ...(extendsBreak ? { extendsBreak } : {}) });
        if (kind === 'holiday' && name && (NATIONAL_FESTIVALS as readonly string[]).includes(name)) named.add(name);
      }
    }
  }
  // The last statement about a day wins (an adjusting paragraph after the arrangement).
  const byDate = new Map<string, NoticeDay>();
  for (const d of days) byDate.set(d.date, d);
  const confirms = year !== null && (/节假日安排/.test(t) || named.size >= 3) ? [year] : [];
  return { year, confirms, days: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)) };
}

/**
 * A table of arrangements (节日 | 放假时间 | 调休上班日期 | 放假天数): each
 * column's header says what its dates are; the row's first cell names the festival.
 */
function readTable(block: Block, year: number | null, lines: SourceLine[] | undefined): NoticeDay[] {
  const rows = block.text.split('\n').map((r) => r.split('\t'));
  const at = rows.findIndex((r) => r.some((c) => /放假|休假|上班|调休/.test(c) && !/\d/.test(c)));
  if (at < 0) return [];
  const kinds = rows[at]!.map((h): CalendarDayKind | null => (/上班|补班|工作日/.test(h) ? 'workday' : /放假|休假|休息|假期|日期|时间/.test(h) ? 'holiday' : null));
  const out: NoticeDay[] = [];
  for (const row of rows.slice(at + 1)) {
    const first = row[0]?.trim() ?? '';
    const name = first && !/\d/.test(first) ? first : null;
    row.forEach((cell, k) => {
      const kind = kinds[k];
      if (!kind || !cell.trim()) return;
      for (const f of findDates(cell, year)) {
        const line = lineOf(block, cell.slice(f.start, f.end), lines);
        for (const date of f.dates) out.push({ date, kind, name, line });
      }
    });
  }
  return out;
}

function splitClauses(sentence: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < sentence.length; i++) {
    const ch = sentence[i]!;
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
    else if (depth === 0 && (ch === '，' || ch === ',')) {
      out.push({ start, end: i });
      start = i + 1;
    }
  }
  out.push({ start, end: sentence.length });
  return out;
}
