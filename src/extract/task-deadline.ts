// The deadline that belongs to one task (issue #12): the one written in the
// clause's own parenthesis, else its 时限要求/完成时限 line, else the first
// time frame printed in the task text. A rhythm of work (`按月调度`, `每年开展`)
// is how the work is done, not when the task is due, so it is skipped unless
// it names a due day (`每月5日前报送`).
import type { LineRange, ParsedDocument } from '../parse/types.js';
import type { Deadline } from './types.js';
import { findDeadlines, parseDeadline, planYear } from './deadlines.js';
import { chineseNumber } from '../parse/dates.js';

export interface TimeContext { anchor: string | null; planYear: number | null }

/** A document's signing date and the year its title names: what yearless dates resolve against. */
export const timeContext = (doc: ParsedDocument): TimeContext => ({ anchor: doc.date, planYear: planYear(doc.title) });

/** `全年持续开展`, `长期坚持`, `常态化`: the task runs all the time. */
const ONGOING = /全年|长期|持续|常态化|常年/u;

/** Every deadline phrase has one of these; most clauses have none. */
const TIME_CHARS = /[0-9年月日季旬周天]|以内|之内/u;
const dueDay = (d: Deadline) => d.kind !== 'recurring' || /BYMONTHDAY|BYMONTH=/u.test(d.rrule ?? '');
const usable = (d: Deadline) => d.kind !== 'unresolved' && dueDay(d);

/** In a clause or a 时限 line: a date, a period, or an ongoing frame. */
export function deadlineInLabel(text: string, ctx: TimeContext, lines: LineRange): Deadline | null {
  const found = TIME_CHARS.test(text) ? findDeadlines(text, ctx.anchor, lines, undefined, ctx.planYear).find(usable) : undefined;
  if (found) return found;
  const on = ONGOING.exec(text);
  return on ? { kind: 'ongoing', text: on[0], date: null, lines } : null;
}

const OBJECT_BEFORE = /^[对将把]$/u;

interface Frame { at: number; deadline: Deadline }

/**
 * Time frames a task states that the general deadline rules leave out:
 * a year heading the sentence (`2022年，重点…`, `今年重点推进…`: the year's end),
 * `全年` as the frame of a target (`全年托管面积达到…`), `争取2年…` (relative),
 * and a window's end (`自2022年第二季度起至2023年6月底`).
 */
function frames(text: string, ctx: TimeContext, lines: LineRange): Frame[] {
  const out: Frame[] = [];
  // From 年 to 年 (a regex would try every position): `2022年，`, `今年重点`, `，全年托管…`.
  for (let i = text.indexOf('年'); i >= 0; i = text.indexOf('年', i + 1)) {
    const after = text[i + 1] ?? '';
    if (text[i - 1] === '全') {
      if (SENTENCE_START.test(text[i - 2] ?? '') && !/^(?:目标|任务|计划|工作)/u.test(text.slice(i + 1, i + 3))) {
        out.push({ at: i - 1, deadline: { kind: 'ongoing', text: '全年', date: null, lines } });
      }
      continue;
    }
    if (NOT_A_YEAR_FRAME.test(after)) continue;
    const digits = i >= 4 && isDigit(text, i - 1) && isDigit(text, i - 2) && isDigit(text, i - 3) && isDigit(text, i - 4);
    const at = digits ? i - 4 : text[i - 1] === '今' ? i - 1 : -1;
    if (at < 0 || !SENTENCE_START.test(text[at - 1] ?? '')) continue;
    // The year's end, resolved (and flagged before signing) by the general rule for `2022年底`.
    const printed = text.slice(at, i + 1);
    const end = parseDeadline(`${printed}底`, ctx.anchor, ctx.planYear);
    if (end?.kind === 'absolute') out.push({ at, deadline: { ...end, text: printed, lines } });
  }
  if (!text.includes('争取') && !text.includes('力争') && !text.includes('起至') && !(text.includes('用') && /用[0-9一二两三四五六七八九十]/u.test(text))) return out;
  const within = /(?:争取|力争|用)([0-9]{1,2}|[一二两三四五六七八九十])年(?:时间)?/gu;
  for (let m = within.exec(text); m; m = within.exec(text)) {
    const amount = Number(m[1]) || (chineseNumber(m[1]!.replace(/两/g, '二')) ?? 0);
    out.push({ at: m.index + m[0].indexOf(m[1]!), deadline: { kind: 'relative', text: `${m[1]}年`, date: null, relative: { amount, unit: 'year', from: 'issue' }, lines } });
  }
  const window = /自[^，。；自]{2,16}?起至((?:[0-9]{4}年)?(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2})月(?:底|末)?|[0-9]{4}年(?:底|末)?)/gu;
  for (let m = window.exec(text); m; m = window.exec(text)) {
    const end = parseDeadline(m[1]!, ctx.anchor, ctx.planYear) ?? parseDeadline(`${m[1]}底`, ctx.anchor, ctx.planYear);
    if (end?.date) out.push({ at: m.index, deadline: { ...end, text: m[0], lines } });
  }
  return out;
}

const isDigit = (t: string, i: number) => {
  const c = t.charCodeAt(i);
  return c >= 48 && c <= 57;
};
/** What may stand before a time frame that heads its clause: nothing, or a clause break. */
const SENTENCE_START = /^(?:|[。；，：])$/u;
/** `2022年底`, `2022年6月`, `2022年度`, `2022年以来`: read by the general rules, or not a frame. */
const NOT_A_YEAR_FRAME = /^[0-9月季上下中前底末内度以初]$/u;

/**
 * The first time frame printed in the task text. `found` are the general
 * deadlines already read from the task's paragraphs (extractDeadlines).
 */
export function deadlineInTask(text: string, found: Deadline[], ctx: TimeContext, lines: LineRange): Deadline | null {
  const all: Frame[] = frames(text, ctx, lines);
  for (const d of found) {
    if (!usable(d)) continue;
    const at = text.indexOf(d.text);
    // `对年底前及2023年一季度计划新开工的项目进行清单管理`: the date describes the object.
    if (at >= 0 && !OBJECT_BEFORE.test(text.slice(Math.max(0, at - 1), at))) all.push({ at, deadline: d });
  }
  if (!all.length) return null;
  all.sort((a, b) => a.at - b.at || b.deadline.text.length - a.deadline.text.length);
  return all[0]!.deadline;
}
