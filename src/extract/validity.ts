// Validity: when a document takes effect, how long it stays in force, whether
// it is a trial version, what it repeals, and what its validity depends on.
import type { LineRange, ParsedDocument } from '../parse/types.js';
import { findDocNumbers } from '../parse/docnumber.js';
import { chineseNumber, DATE_SOURCE, findDate } from '../parse/dates.js';
import type { Repeal, Validity } from './types.js';
import { isNormative, readTermPolicy } from './term-policy.js';

const FROM_ISSUE = /自(?:本[\p{Script=Han}《》]{0,8})?(?:印发|发布|公布|颁布|批准颁布|下发|发文|签发)之日起(?:施行|生效|实施|执行)/u;
const FROM_DATE = new RegExp(`自?(${DATE_SOURCE})起(?:施行|生效|实施|执行)`, 'u');
const PERIOD = /(?:有效期|适用期|试行期)(?:为|是)?\s*([0-9]{1,2}|[一二三四五六七八九十两]{1,3})\s*(年|个月|月|天|日)/u;
const UNTIL = new RegExp(`有效期(?:至|到)(${DATE_SOURCE})`, 'u');
const REPEAL = /同时废止|予以废止|同时失效|不再执行|停止执行|废止/u;
const DEPENDS = /有效期(?:与|同)([^。；]{0,40}?)(?:同步|一致|相同)/u;
const TRIAL = /试行|暂行/u;

export type ValidityStatus = '现行有效' | '已失效' | '已废止' | '尚未生效' | '未标注';

/** Add a period and step back one day: 有效期3年 from 2022-02-28 runs to 2025-02-27. */
export function addPeriod(iso: string, amount: number, unit: 'year' | 'month' | 'day'): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  if (unit === 'year') t.setUTCFullYear(t.getUTCFullYear() + amount);
  else if (unit === 'month') t.setUTCMonth(t.getUTCMonth() + amount);
  else t.setUTCDate(t.getUTCDate() + amount);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

function sentences(text: string): string[] {
  return text.split(/(?<=[。；！？])/u).filter((s) => s.trim());
}

const emptyValidity = (trial: boolean): Validity => ({
  effective: null, expires: null, period: null, trial, repeals: [], dependsOn: null, text: null, lines: null,
});

export function extractValidity(doc: ParsedDocument): Validity {
  const titles = [doc.title, ...doc.enclosures.map((e) => e.title)];
  const v = emptyValidity(titles.some((t) => TRIAL.test(t)));
  const used: string[] = [];
  let first = Infinity;
  let last = -Infinity;
  const use = (s: string, lines: LineRange) => {
    used.push(s.trim());
    first = Math.min(first, lines[0]);
    last = Math.max(last, lines[1]);
  };
  for (const b of doc.blocks.slice(1)) {
    // Quick pre-check: every pattern above needs one of these.
    if (b.kind === 'table' || !/起(?:施行|生效|实施|执行)|有效期|适用期|试行期|废止|不再执行|停止执行|失效/u.test(b.text)) continue;
    for (const s of sentences(b.text)) {
      let hit = false;
      if (FROM_ISSUE.test(s) && doc.date) {
        v.effective ??= doc.date;
        hit = true;
      } else {
        const d = FROM_DATE.exec(s);
        if (d) {
          v.effective ??= findDate(d[1]!);
          hit = true;
        }
      }
      const until = UNTIL.exec(s);
      if (until) {
        v.expires = findDate(until[1]!);
        hit = true;
      }
      const p = PERIOD.exec(s);
      if (p && !until) {
        const amount = chineseNumber(p[1]!.replace('两', '二'));
        const unit = p[2] === '年' ? 'year' : p[2] === '天' || p[2] === '日' ? 'day' : 'month';
        if (amount) v.period = { amount, unit };
        hit = true;
      }
      const dep = DEPENDS.exec(s);
      if (dep) {
        v.dependsOn = { text: dep[0], title: /《([^》]+)》/u.exec(dep[1]!)?.[1] ?? null };
        hit = true;
      }
      if (REPEAL.test(s)) {
        const repeal = readRepeal(s, doc.docNumber, b.lines);
        if (repeal) {
          v.repeals.push(repeal);
          hit = true;
        }
      }
      if (hit) use(s, b.lines);
    }
  }
  if (v.period && !v.expires) v.expires = v.effective ? addPeriod(v.effective, v.period.amount, v.period.unit) : null;
  if (used.length) {
    v.text = used.join('');
    v.lines = [first, last];
  }
  if (isNormative(doc.title, doc.docNumber)) v.normative = true;
  const policy = readTermPolicy(doc);
  if (policy) v.policy = policy;
  return v;
}

/** The repealed document: the 文号 or 《title》 printed before the repeal verb. */
function readRepeal(sentence: string, own: string | null, lines: LineRange): Repeal | null {
  const verb = REPEAL.exec(sentence)!;
  const before = sentence.slice(0, verb.index);
  const numbers = findDocNumbers(before).filter((d) => d.docNumber !== own);
  const titles = [...before.matchAll(/《([^《》]+(?:《[^《》]*》[^《》]*)?)》/gu)].map((m) => m[1]!);
  if (!numbers.length && !titles.length && !/原|此前|以前|旧/u.test(before)) return null;
  return {
    docNumber: numbers[numbers.length - 1]?.docNumber ?? null,
    title: titles[titles.length - 1] ?? null,
    text: sentence.trim(),
    lines,
  };
}

/**
 * The status of a document on `day` (ISO). `repealed`: a later document in the
 * library repeals it. A document is 现行有效 unless it is repealed, past its
 * term or not yet in force; 未标注 only where the text ties its term to
 * another document that has to be read (`有效期与省《办法》同步`). A
 * 规范性文件 without a term takes the default a measure in the library sets
 * (`defaultExpires`, store/term-policies.ts). Mirrored by
 * STATUS_SQL (store/status.ts).
 */
export function validityStatus(v: Validity | null, day: string, repealed = false, defaultExpires: string | null = null): ValidityStatus {
  if (repealed) return '已废止';
  const expires = v?.expires ?? defaultExpires;
  if (expires && day > expires) return '已失效';
  if (v?.effective && day < v.effective) return '尚未生效';
  if (v && !v.effective && !v.expires && v.dependsOn) return '未标注';
  return '现行有效';
}

export { emptyValidity };
