// Phone numbers, hotlines and e-mail addresses in the running text. A bare
// 7–8 digit number counts only beside a label (电话：…); a short service
// number (12345, 110…) only where the text uses it as a hotline.
import type { ParsedDocument } from '../parse/types.js';
import type { Contact } from './types.js';
import { clauseContext } from './amounts.js';

const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,4}\.[A-Za-z]{2,10}(?![A-Za-z])/g;
const MOBILE = /(?<![\d.\-])1[3-9]\d(?:[- ]?\d{4}){2}(?![\d.]|\s*(?:万|亿)?元)/g;
const LANDLINE = /(?<![\d.])(?:[（(]0\d{2,3}[)）]\s*|0\d{2,3}\s*[-—－–]\s*)\d{7,8}(?:[-—－–]\d{1,5})?(?![\d.])/g;
const BARE = /(?<![\d.\-])\d{7,8}(?![\d.%]|\s*(?:万|亿)?元)/g;
const SHORT = /(?<![\d.\-])(1\d{2}|123\d{2}|96\d{3,4}|[48]00[- ]?\d{3}[- ]?\d{4})(?![\d.%])/g;

const PHONE_LABEL = /(?:电话|座机|手机|联系方式|热线|传真|号码)[^。；，\d]{0,4}[:：]?\s*$/;
const HOTLINE_AFTER = /^[”"’」]?[^，。；、\d]{0,12}?(?:热线|专线|电话|平台|报警|举报|投诉|求助|急救)/;
const HOTLINE_BEFORE = /(?:拨打|致电|热线|电话|报警|举报|投诉|求助|呼叫)[：:]?[“"‘「]?$/;
/** Units and counters after a number: a quantity, not a phone number. */
const QUANTITY = /^(?:号|年|元|万|亿|个|人|次|件|户|亩|米|吨|千|余|多|条|项|家|名|天|日|月|时|分|公里|平方|座|所|辆|台)/;

/**
 * What every form above contains: `@`, seven digits in a row, or a number
 * opening with 1xx, 96xxx, 400 or 800 (a mobile with separators, a hotline).
 * Years and dates (`2022年10月`) do not pass, so most paragraphs are skipped.
 */
const MAYBE_CONTACT = /@|\d{7}|(?<![\d.\-])(?:1\d\d|96\d{3}|[48]00)/;

/** Known short service numbers (other 123xx are national hotlines too). */
const SERVICE = /^(?:110|119|120|122|123\d{2}|96\d{3,4}|[48]00.*)$/;

const clean = (s: string) => s.replace(/[\s]/g, '').replace(/[—－–]/g, '-').replace(/^[（(](0\d{2,3})[)）]/, '$1-');

export function extractContacts(doc: ParsedDocument): Contact[] {
  const out: Contact[] = [];
  for (const b of doc.blocks) {
    const found: (Contact & { at: number })[] = [];
    if (b.kind === 'table') continue;
    const t = b.text;
    if (!MAYBE_CONTACT.test(t)) continue;
    const taken: [number, number][] = [];
    const free = (s: number, e: number) => !taken.some(([a, z]) => s < z && e > a);
    const add = (kind: Contact['kind'], value: string, s: number, e: number) => {
      if (!free(s, e)) return;
      taken.push([s, e]);
      if (found.some((c) => c.kind === kind && c.value === value)) return;
      found.push({ kind, value, context: clauseContext(t, s, e), lines: b.lines, at: s });
    };
    for (const m of t.matchAll(EMAIL)) add('email', m[0], m.index, m.index + m[0].length);
    for (const m of t.matchAll(LANDLINE)) add('phone', clean(m[0]), m.index, m.index + m[0].length);
    for (const m of t.matchAll(MOBILE)) {
      if (QUANTITY.test(t.slice(m.index + m[0].length))) continue;
      add('phone', clean(m[0]), m.index, m.index + m[0].length);
    }
    for (const m of t.matchAll(BARE)) {
      const before = t.slice(Math.max(0, m.index - 16), m.index).split(/[。；]/).pop()!;
      if (PHONE_LABEL.test(before.replace(/\d{7,8}[、，,/]\s*/g, '')) && !QUANTITY.test(t.slice(m.index + m[0].length))) {
        add('phone', m[0], m.index, m.index + m[0].length);
      }
    }
    for (const m of t.matchAll(SHORT)) {
      const value = clean(m[1]!);
      if (!SERVICE.test(value)) continue;
      const end = m.index + m[0].length;
      const after = t.slice(end, end + 16);
      // `拨打119或12345`: the label stands before the first number of a list.
      const before = t.slice(Math.max(0, m.index - 16), m.index).replace(/[“"‘]?\d{3,5}[”"’]?(?:或|、|和|及|\/)/g, '');
      if (QUANTITY.test(after)) continue;
      if (HOTLINE_AFTER.test(after) || HOTLINE_BEFORE.test(before) || /^[48]00/.test(value)) add('hotline', value, m.index, end);
    }
    out.push(...found.sort((x, y) => x.at - y.at).map(({ at: _at, ...c }) => c));
  }
  return out;
}
