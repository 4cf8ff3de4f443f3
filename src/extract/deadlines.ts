// Deadline phrases in gazette paragraphs (DOMAIN.md §7, §9): absolute
// (`2022年年底前`, `8月底前`, `11月中旬`), relative (`自本文件印发之日起10个工作日内`)
// and recurring (`每月18日前`, `每季度`, `旬报`).
//
// Every rule is one small regular expression without nested quantifiers, run
// once over the paragraph; context checks look at a bounded window around a
// match, so a paragraph is scanned in linear time. Overlapping candidates are
// resolved by keeping the one that starts first (then the longest).
import { chineseNumber, isoDate } from '../parse/dates.js';
import type { LineRange, ParsedDocument } from '../parse/types.js';
import type { Deadline } from './types.js';
import { blockChars, charBit, textChars } from './block-chars.js';

type Parsed = Omit<Deadline, 'lines'>;
type Unit = NonNullable<Deadline['relative']>['unit'];
/** A year as printed: a number, `今年`/`明年` (relative to the anchor), or none. */
type YearSpec = number | 'this' | 'next' | null;
interface Hit { start: number; end: number; explicit: boolean; build(anchor: string | null, ctxYear: number | null): Parsed | null }
type Rule = (m: RegExpExecArray, text: string) => Omit<Hit, 'end'> | Hit | null;

// ---------- numbers and dates ----------
const num = (s: string | undefined): number => (s ? chineseNumber(s.replace(/两/g, '二')) ?? NaN : NaN);
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const toDate = (s: string) => new Date(`${s}T00:00:00Z`);
const fromDate = (d: Date) => d.toISOString().slice(0, 10);
function addDays(s: string, n: number): string {
  const d = toDate(s);
  d.setUTCDate(d.getUTCDate() + n);
  return fromDate(d);
}
function addMonths(s: string, n: number): string {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const t = y * 12 + (m - 1) + n;
  const yy = Math.floor(t / 12), mm = (t % 12) + 1;
  return `${yy}-${pad(mm)}-${pad(Math.min(d, lastDay(yy, mm)))}`;
}
/** Weekends only: the supervision module applies the official holiday calendar (调休) on top. */
function addWorkdays(s: string, n: number): string {
  const d = toDate(s);
  for (let left = n; left > 0;) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left--;
  }
  return fromDate(d);
}
const validAnchor = (a: string | null) => (a && /^\d{4}-\d{2}-\d{2}$/.test(a) ? a : null);

// ---------- resolving a calendar point against the anchor ----------
type Point = (y: number) => { date: string | null; start?: string | null };

function yearSpec(digits: string | undefined, rel: string | undefined): YearSpec {
  if (digits) return Number(digits);
  return rel === '今' ? 'this' : rel === '明' ? 'next' : null;
}

/**
 * The year of a phrase: the printed one; else the last year printed earlier in
 * the paragraph (`2025年上半年……；下半年` means 2025); else the plan's year
 * (the year its title names: `2021年河湖长制工作要点`), else the anchor's year.
 * A date that falls before the signing date is kept as printed and flagged
 * `before-signing` (`8月底前` in a plan signed 2022-09-09 is 2022-08-31, late),
 * never moved to the next year: only the reader can tell a late draft from a
 * next-year target.
 */
function absolute(point: Point, spec: YearSpec, anchor: string | null, ctxYear: number | null): Parsed {
  const ay = anchor ? Number(anchor.slice(0, 4)) : null;
  const year: number | null = typeof spec === 'number' ? spec : spec === 'this' ? ay : spec === 'next' && ay ? ay + 1 : ctxYear ?? ay;
  if (year === null) return { kind: 'unresolved', text: '', date: null };
  const p = point(year);
  const out: Parsed = { kind: 'absolute', text: '', date: p.date };
  if (p.start !== undefined) out.start = p.start;
  if (anchor && p.date && p.date < anchor) out.flag = 'before-signing';
  return out;
}

const monthEnd = (m: number): Point => (y) => ({ date: isoDate(y, m, lastDay(y, m)) });

// ---------- context checks (bounded windows) ----------
const before = (t: string, i: number, n = 6) => t.slice(Math.max(0, i - n), i);
const clauseAfter = (t: string, i: number) => t.slice(i, i + 16).split(/[，。；：！？]/)[0]!;
/** The end of a period (`有效期至2023年3月底`, `截至2020年12月底`, `9月1日到12月25日`), not a deadline. */
const PERIOD_END = /(?:截至|截止到|截止至|至|直至|去|[日月年起][到—–\-~～])$/;
/** What follows a soft window word (`四季度`, `下半年`) when it is a target date. */
const SOFT_AFTER = /^(?:[，；。、：）]|前|末|底|内|完成|实现|建成|基本|全面|全县|争取|力争|确保|要|将|累计|形成|开工|投产|完工|达到|启动|出台|落实)/;
const CADENCE_VERB = /报送|上报|报告|汇报|通报|召开|调度|开展|组织|举办|更新|检查|排查|巡查|核查|督查|督导|公开|公布|发布|演练|会商|研判|评估|考核|监测|一次|[0-9]+次|[一二两三]次/;
const REGIME_BEFORE = /(?:^|[，。；：、（“]|实行|实施|执行|建立|落实|坚持|做好|做到|按|实现)$/;
const softOk = (t: string, end: number) => end === t.length || SOFT_AFTER.test(t.slice(end));

// ---------- rules ----------
const Y = '(?:(\\d{4})年|([今明])年)?';
const M = '(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])';
const D = '(3[01]|[12][0-9]|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])';
const PRE = '(?:之前|以前|前)';
const abs = (m: RegExpExecArray, spec: YearSpec, point: Point): Omit<Hit, 'end'> => ({
  start: m.index, explicit: spec !== null, build: (a, c) => absolute(point, spec, a, c),
});
const notPeriodEnd = (t: string, m: RegExpExecArray) => !PERIOD_END.test(before(t, m.index));

const RULES: [RegExp, Rule][] = [
  // 2022年年底前, 2022年底前, 年底前, 今年底, 年末前
  [new RegExp(`(?:(\\d{4})年年?|([今明])年|年)(?:底|末)(${PRE})?`, 'g'), (m, t) =>
    (m[1] || m[2] || m[3]) && notPeriodEnd(t, m) && !/每$/.test(before(t, m.index)) ? abs(m, yearSpec(m[1], m[2]), (y) => ({ date: isoDate(y, 12, 31) })) : null],
  // 2022年内, 今年内, 年内完成
  [/(?:(\d{4})年|([今明])年|年)内(?![容部外涵])/g, (m, t) =>
    (m[1] || m[2] || /(?:^|[，。；：、（])$/.test(before(t, m.index))) && notPeriodEnd(t, m) ? abs(m, yearSpec(m[1], m[2]), (y) => ({ date: isoDate(y, 12, 31) })) : null],
  // 到2025年 (but not 到2025年底 / 到2025年11月…, which other rules read)
  [/到(\d{4})年(?![0-9一二三四五六七八九十底末内前上下中第度])/g, (m, t) =>
    notPeriodEnd(t, m) ? abs(m, Number(m[1]), (y) => ({ date: isoDate(y, 12, 31) })) : null],
  // 8月底前, 8月末, 2023年11月底前, 6月底
  [new RegExp(`月(?<=${Y}${M}月)份?(?:底|末)${PRE}?`, 'g'), (m, t) =>
    notPeriodEnd(t, m) ? abs(m, yearSpec(m[1], m[2]), monthEnd(num(m[3]))) : null],
  // 12月15日前, 2022年9月30日前
  [new RegExp(`月(?<=${Y}${M}月)${D}日${PRE}`, 'g'), (m, t) =>
    notPeriodEnd(t, m) ? abs(m, yearSpec(m[1], m[2]), (y) => ({ date: isoDate(y, num(m[3]), num(m[4])) })) : null],
  // 11月中旬 → window 11-11 … 11-20
  [new RegExp(`月(?<=${Y}${M}月)([上中下])旬(?:${PRE}|末)?`, 'g'), (m, t) => {
    const mo = num(m[3]), k = '上中下'.indexOf(m[4]!);
    return notPeriodEnd(t, m) ? abs(m, yearSpec(m[1], m[2]), (y) => ({
      start: isoDate(y, mo, k * 10 + 1), date: isoDate(y, mo, k === 2 ? lastDay(y, mo) : k * 10 + 10),
    })) : null;
  }],
  // 一季度末, 第一季度, 四季度完成, 前三季度
  [new RegExp(`${Y}(前三季度|第?([一二三四1-4])季度(末|底|${PRE})?)`, 'g'), (m, t) => {
    const q = m[3]!.startsWith('前') ? 3 : num(m[4]);
    const hard = m[3]!.startsWith('前') || m[5];
    if (!hard && (!softOk(t, m.index + m[0].length) || /(?:自|从|截至|每)$/.test(before(t, m.index)))) return null;
    return notPeriodEnd(t, m) ? abs(m, yearSpec(m[1], m[2]), monthEnd(q * 3)) : null;
  }],
  // 上半年 / 年中 → 06-30, 下半年 → 12-31 (`年中调整实施方案` is a title, not a date)
  [new RegExp(`${Y}(上半年|下半年|年中)(末|底|${PRE})?`, 'g'), (m, t) => {
    if (!m[4] && !softOk(t, m.index + m[0].length)) return null;
    if (m[3] === '年中' && !m[1] && !m[2] && !m[4] && !/(?:^|[，。；：、（]|到|于|在)$/.test(before(t, m.index))) return null;
    if (/(?:去年|自|从|截至)$/.test(before(t, m.index))) return null;
    return abs(m, yearSpec(m[1], m[2]), monthEnd(m[3] === '下半年' ? 12 : 6));
  }],
  // “十四五”期间 → 2025-12-31; a plan already over at the anchor is history, not a deadline.
  [/“?十([一二三四五六七八九])五”?(?:期间|时期|末)/g, (m) => {
    const end = 1955 + 5 * (10 + num(m[1]));
    return { start: m.index, explicit: true, build: (a) => (a && end < Number(a.slice(0, 4)) ? null : { kind: 'absolute', text: '', date: `${end}-12-31` }) };
  }],
  // Relative: 10个工作日内, 一个月内, 24小时内, 15日内, with an optional origin (`自本文件印发之日起`).
  [/([0-9]{1,3}|[一二两三四五六七八九十]{1,3})(个)?(工作日|小时|日|天|周|星期|月|年)(?:以内|之内|内)/g, (m, t) => {
    const b = before(t, m.index, 8);
    if (/[0-9月第每]$/.test(b) || /(?:至|控制在|不超过|不得超过|有效期为?|期限为?|周期为?|缩短到|压缩到)$/.test(b)) return null;
    if (m[3] === '月' && !m[2]) return null; // `3月内` is "within March", not three months
    const seg = before(t, m.index, 60).split(/[，。；：！？、（）]/).pop()!;
    const origin = /(?:之日起|起|后)$/.test(seg);
    if (!origin && m[3] === '年') return null; // `一年内受到两次以上约谈`: an evaluation window
    let start = m.index;
    if (origin) {
      const z = seg.search(/[自从]/), at = seg.search(/[在于]/);
      start = m.index - seg.length + (z >= 0 ? z : at >= 0 ? at + 1 : 0);
    }
    const amount = num(m[1]);
    const unit = ({ 工作日: 'workday', 小时: 'hour', 日: 'day', 天: 'day', 周: 'week', 星期: 'week', 月: 'month', 年: 'year' } as const)[m[3] as '日'] as Unit;
    const from = origin && /印发|发布|公布|下发|签发|发文/.test(t.slice(start, m.index)) ? 'issue' : 'event';
    return { start, explicit: false, build: (a) => ({ kind: 'relative', text: '', date: from === 'issue' && a ? relDate(a, amount, unit) : null, relative: { amount, unit, from } }) };
  }],
  // Recurring with a day: 每月18日前, 每月底, 每季度末, 每半年末, 每年12月底前, 每年6月30日前, 每年年底前
  [new RegExp(`每个?月${D}日${PRE}`, 'g'), (m, t) => rec(m, t, `FREQ=MONTHLY;BYMONTHDAY=${num(m[1])}`)],
  [new RegExp(`每个?月(?:底|末)${PRE}?`, 'g'), (m, t) => rec(m, t, 'FREQ=MONTHLY;BYMONTHDAY=-1')],
  // Quarter ends are calendar quarter ends, so spelled with BYMONTH: INTERVAL=3 would depend on DTSTART.
  [new RegExp(`每个?季度?(?:末|底)${PRE}?`, 'g'), (m, t) => rec(m, t, 'FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1')],
  [new RegExp(`每半年(?:末|底)${PRE}?`, 'g'), (m, t) => rec(m, t, 'FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1')],
  [new RegExp(`每年度?${M}月(?:底|末)${PRE}?`, 'g'), (m, t) => {
    const mo = num(m[1]);
    return rec(m, t, `FREQ=YEARLY;BYMONTH=${mo};BYMONTHDAY=${mo === 2 ? -1 : lastDay(2001, mo)}`);
  }],
  [new RegExp(`每年度?${M}月${D}日${PRE}`, 'g'), (m, t) => rec(m, t, `FREQ=YEARLY;BYMONTH=${num(m[1])};BYMONTHDAY=${num(m[2])}`)],
  [new RegExp(`每年度?年?(?:底|末)${PRE}?`, 'g'), (m, t) => rec(m, t, 'FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31')],
  // Cadence words (每月, 按季度, 每半年…) count only as a reporting/doing cadence:
  // followed in the same clause by 报送/召开/开展/更新/一次… (`每人每年320元` is an amount).
  [/[每按]个?(季度?|半年|年度?|月|周|星期|旬|日|天)/g, (m, t) => {
    const after = clauseAfter(t, m.index + m[0].length);
    if (/^[0-9]/.test(after) || (after !== '' && !CADENCE_VERB.test(after))) return null;
    return rec(m, t, CADENCE[m[1]!]!);
  }],
  // Report regimes: 旬报, 月报, 季报, 半年报, 年报, 周报, 日报; 日调度
  [/(半年|[日周旬月季年])(?:报(?![告送名表刊社纸])|调度)/g, (m, t) => {
    const b = before(t, m.index, 4);
    if (!REGIME_BEFORE.test(b) || t.slice(Math.max(0, m.index - 8), m.index + 10).includes('年检')) return null;
    return rec(m, t, CADENCE[m[1]!]!);
  }],
];

const CADENCE: Record<string, string> = {
  月: 'FREQ=MONTHLY', 季: 'FREQ=MONTHLY;INTERVAL=3', 季度: 'FREQ=MONTHLY;INTERVAL=3', 半年: 'FREQ=MONTHLY;INTERVAL=6',
  年: 'FREQ=YEARLY', 年度: 'FREQ=YEARLY', 周: 'FREQ=WEEKLY', 星期: 'FREQ=WEEKLY',
  旬: 'FREQ=MONTHLY;BYMONTHDAY=10,20,-1', 日: 'FREQ=DAILY', 天: 'FREQ=DAILY',
};

/** A recurring hit; `自2021年10月起，每月18日前` gives the rule a start. */
function rec(m: RegExpExecArray, t: string, rrule: string): Omit<Hit, 'end'> {
  const s = /自(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?起[，,]?$/.exec(before(t, m.index, 16));
  const start = s ? isoDate(Number(s[1]), Number(s[2]), Number(s[3] ?? 1)) : null;
  return { start: m.index, explicit: false, build: () => ({ kind: 'recurring', text: '', date: null, rrule, ...(start ? { start } : {}) }) };
}

/** Calendar days and months count from the day after issue (the start day is not counted). */
function relDate(anchor: string, amount: number, unit: Unit): string {
  switch (unit) {
    case 'workday': return addWorkdays(anchor, amount);
    case 'hour': return addDays(anchor, Math.ceil(amount / 24));
    case 'day': return addDays(anchor, amount);
    case 'week': return addDays(anchor, 7 * amount);
    case 'month': return addMonths(anchor, amount);
    case 'year': return addMonths(anchor, 12 * amount);
  }
}

/**
 * A character every match of a rule must contain: a rule whose character is
 * absent from the paragraph is skipped without running its regex.
 */
const RULE_NEEDS: string[][] = [
  ['年底', '年末'], ['年内'], ['到1', '到2'], ['月底', '月末', '月份底', '月份末'], ['日前', '日之前', '日以前'], ['旬'], ['季'], ['半年', '年中'], ['十一五', '十二五', '十三五', '十四五', '十五五', '十六五', '十七五', '十八五', '十九五'], ['内'],
  ['每'], ['每'], ['每'], ['每'], ['每'], ['每'], ['每'], ['每', '按'], ['报', '调度'],
];
if (RULE_NEEDS.length !== RULES.length) throw new Error('RULE_NEEDS must list one guard per rule');

/** Rules that start at 月 and read year and month in a lookbehind, so the regex scans from 月 to 月 instead of at every character. */
const MONTH_ANCHORED = new Set([3, 4, 5]);

/** Give a lookbehind match back its prefix (`2022年` + `12`), as if the regex had matched it forward. */
function widen(m: RegExpExecArray): RegExpExecArray {
  const prefix = (m[1] ? m[1].length + 1 : m[2] ? 2 : 0) + (m[3]?.length ?? 0);
  const full = [m.input.slice(m.index - prefix, m.index + m[0].length), ...m.slice(1)] as unknown as RegExpExecArray;
  full.index = m.index - prefix;
  full.input = m.input;
  return full;
}

/**
 * Each rule's mask: the OR of its guards' first characters (block-chars.ts).
 * A multi-character guard (`半年`) is tested by its first character only: a
 * rule run in vain costs one regex scan, never a wrong result.
 */
const RULE_MASKS = RULE_NEEDS.map((needs) => needs.reduce((mask, c) => mask | charBit(c[0]!), 0));
/** Rules whose guards are all whole words (`半年`, `十四五`): checked with `includes` after the mask. */
const LONG_GUARDS = RULE_NEEDS.map((needs) => (needs.every((n) => n.length > 1) ? needs : null));
/** A block with none of the rules' characters holds no deadline. */
const ANY_RULE = RULE_MASKS.reduce((a, b) => a | b, 0);

function candidates(text: string, present = textChars(text)): Hit[] {
  if (present === 0) return [];
  const hits: Hit[] = [];
  for (let k = 0; k < RULES.length; k++) {
    if (!(present & RULE_MASKS[k]!)) continue;
    // A guard longer than one character (`半年`) is checked whole before the regex runs.
    const long = LONG_GUARDS[k];
    if (long && !long.some((g) => text.includes(g))) continue;
    const [re, rule] = RULES[k]!;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const h = rule(MONTH_ANCHORED.has(k) ? widen(m) : m, text);
      if (h) hits.push({ ...h, end: m.index + m[0].length });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Hit[] = [];
  for (const h of hits) if (!kept.length || h.start >= kept[kept.length - 1]!.end) kept.push(h);
  return kept;
}

/** Every deadline phrase in a paragraph, in order. `anchor` is the document date (ISO) or null. */
export function findDeadlines(text: string, anchor: string | null, lines: [number, number], chars?: number, planYear: number | null = null): Deadline[] {
  const a = validAnchor(anchor);
  const out: Deadline[] = [];
  let ctxYear: number | null = planYear;
  for (const h of candidates(text, chars)) {
    const p = h.build(a, h.explicit ? null : ctxYear);
    if (!p) continue;
    if (h.explicit && p.date) ctxYear = Number(p.date.slice(0, 4));
    out.push({ ...p, text: text.slice(h.start, h.end), lines: [lines[0], lines[1]] as LineRange });
  }
  return out;
}

/** One phrase, normalized; null when the phrase as a whole is not a deadline. */
export function parseDeadline(phrase: string, anchor: string | null, planYear: number | null = null): Omit<Deadline, 'lines'> | null {
  const hit = candidates(phrase).find((h) => h.start === 0 && h.end === phrase.length);
  const p = hit?.build(validAnchor(anchor), planYear);
  return p ? { ...p, text: phrase } : null;
}

/**
 * The year a plan is for: the one year its title names (`2021年河湖长制工作要点`,
 * `…2022年行动计划`); null when the title names none or a span (`2021—2025年`).
 */
export function planYear(title: string): number | null {
  if (/[0-9]{4}年?\s*[—–\-－~～至到]+\s*[0-9]{4}/u.test(title)) return null;
  const years = new Set(title.match(/(?<![0-9])(?:19|20)[0-9]{2}(?=年)/g) ?? []);
  return years.size === 1 ? Number([...years][0]) : null;
}

/** Deadlines over a document's paragraphs and headings, anchored at its signing date and in its plan's year. */
export function extractDeadlines(doc: ParsedDocument): Deadline[] {
  const year = planYear(doc.title);
  const out: Deadline[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'table') continue;
    const chars = blockChars(b);
    if (chars & ANY_RULE) for (const d of findDeadlines(b.text, doc.date, b.lines, chars, year)) out.push(d);
  }
  return out;
}
