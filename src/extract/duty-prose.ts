// Duties stated in running prose (DOMAIN.md §7, recall gaps), read only from
// paragraphs that hold no responsibility clause:
// - a duty article or a unit-headed item in a section about 职责/分工, first
//   sentence: `第五条 县行政审批服务管理局负责…`, `（一）县公安局：负责…`,
//   `1. 县财政局牵头…`, `X会同Y…`;
// - anywhere in a sentence: `由X牵头，Y配合…`, `由X负责…`;
// - at the head of a clause: `X要会同Y…`.
// Every name must be unit-like and the subject must name a specific unit:
// `各部门要加强…`, `会同有关部门` and `由合作社牵头` assign no unit. Precision
// comes before recall: what a sentence does not plainly assign is left out.
import type { LineRange, ParsedDocument } from '../parse/types.js';
import type { Deadline, Responsibility } from './types.js';
import { cleanUnitName, inferKind, type UnitRegistry } from './units.js';
import { matchMarker } from '../parse/markers.js';
import { blockChars, charBit } from './block-chars.js';
import { topLevelParens } from './responsibilities.js';
import { cleanTaskText, cutTitle } from './tasks.js';
import { leadingUnits, outlineChain, taskDeadline, toResponsibility, unitNames } from './duty-common.js';
import { timeContext } from './task-deadline.js';

interface Hit {
  /** Offsets of the role phrase in the sentence. */
  start: number;
  end: number;
  lead: string[];
  responsible: string[];
  cooperating: string[];
}

/** A parenthesised clause (`（…牵头…）`): such a paragraph is the clause reader's (responsibilities.ts). */
const hasClauseParen = (text: string): boolean => topLevelParens(text).some((p) => /牵头|负责|责任单位/u.test(p.inner));
/** A heading about who does what. */
const DUTY_SECTION = /职责|分工|职能/u;
/** The last character of a unit name (units.ts SUFFIX_RE, 部门, 单位, an alias in parentheses): rules fail fast elsewhere. */
const UNIT_END = '[局委办室心府部院会司行组队所站场镇乡区社联处科馆台团厅署门位）]';
const UNIT_LAST = new RegExp(`${UNIT_END}$`, 'u');
const MODAL = '(?:要|应当|应|须|必须|将|主要|具体|统一|共同|分别|全面)*';
const BY_DUTY = '(?:按照?(?:各自)?职(?:责|能)(?:分工)?[，,]?)?';
const ROLE = '(负责(?!人|同志|解释|的)|牵头(?!的)|会同)';
/** `X负责…`, `X要牵头…`, `X会同…` at the head of a sentence. */
const SUBJECT = new RegExp(`^([^，。；：,;:]{1,59}?${UNIT_END})${MODAL}${BY_DUTY}${ROLE}`, 'u');
/** `县公安局：负责…` heading a duty item. */
const COLON = new RegExp(`^([^，。；：,;:]{1,39}${UNIT_END})[：:]\\s*(?:主要)?(负责|牵头)?`, 'u');
/** 由 as `by`, not 由于, 理由, 自由, 经由… */
const BY = new RegExp(`(?<![理自缘事来因经])由(?![于此衷])([^，。；：,;:由]{1,79}?${UNIT_END})(?:统一|具体|共同|主要|全面|分别)?(牵头|负责)(?!人|同志|的|解释)`, 'gu');
/** `建立由公安部门牵头…的机制`: 由 inside a noun phrase, not an assignment. */
const ATTRIBUTIVE = /(?:建立|成立|组建|设立|形成|组成|是|为|已|曾)$/u;
const CONSULT = new RegExp(`(?:^|[，,：:])([^，。；：,;:]{1,59}?${UNIT_END})${MODAL}会同`, 'gu');
/** After a lead: `，Y配合`, `，Y按职责分工负责` (cooperating), `，会同Y`. */
const COOPERATE = /^[，,]\s*([^，。；：,;:]{2,80}?)(?:等(?:有关|相关)?(?:部门|单位))?(?:积极|共同|密切|全力)?(?:配合|参与|协助|协办|按照?职责(?:分工)?(?:分别)?负责)/u;
/** Blocks without these characters (block-chars.ts) hold no role word, no colon, no parenthesis. */
const ROLE_CHARS = charBit('负') | charBit('牵') | charBit('会');
const COLON_CHARS = charBit('：') | charBit(':');
const PAREN_CHARS = charBit('（');
const BY_CHAR = charBit('由');
/** `includes` is cheaper than a regex alternation on every paragraph. */
const FU = charBit('负'), QIAN = charBit('牵'), HUI = charBit('会');
const hasRoleWord = (t: string, chars = ROLE_CHARS) =>
  (chars & FU && t.includes('负责')) || (chars & QIAN && t.includes('牵头')) || (chars & HUI && t.includes('会同'));
/** A colon early in a paragraph after a unit name's last character: a unit may head a duty item. */
function colonHead(text: string): boolean {
  const head = text.slice(0, 50);
  const at = head.search(/[：:]/u);
  return at > 1 && UNIT_LAST.test(head.slice(0, at));
}
const PAST = /已经?|曾|(?<![为除])了(?!解)/u;

/** The units a sentence makes its subject: named units, no company (`由某某建筑有限公司负责施工` is a contract, not a duty). */
function subjects(list: string): string[] | null {
  const names = unitNames(list);
  return names && !names.some((n) => inferKind(cleanUnitName(n)) === 'company') ? names : null;
}

/** The clause(s) around a role phrase say it happened already: `国资委会同财政部提出了办理意见`. */
function past(s: string, start: number, end: number): boolean {
  const from = Math.max(0, s.lastIndexOf('，', start));
  const next = s.indexOf('，', end);
  return PAST.test(s.slice(from, next < 0 ? s.length : next));
}

/** The units named after a lead: `，Y配合` or `，会同Y`. */
function cooperators(rest: string): { names: string[]; length: number } | null {
  const m = COOPERATE.exec(rest);
  const names = m ? unitNames(m[1]!, true) : null;
  if (m && names) return { names, length: m[0].length };
  const consult = /^[，,]\s*会同/u.exec(rest);
  const y = consult ? leadingUnits(rest.slice(consult[0].length)) : null;
  return consult && y ? { names: y.names, length: consult[0].length + y.length } : null;
}

/** The hit for units `names` in role `verb`, whose phrase runs from `start` to `end` in `s`. */
function assign(s: string, names: string[], verb: string, start: number, end: number): Hit | null {
  const hit: Hit = { start, end, lead: [], responsible: [], cooperating: [] };
  if (verb === '会同') {
    const y = leadingUnits(s.slice(end));
    if (!y || !y.names.some((n) => unitNames(n))) return null;
    hit.lead = names;
    hit.cooperating = y.names;
    hit.end = end + y.length;
  } else {
    hit[verb === '牵头' ? 'lead' : 'responsible'] = names;
    const co = cooperators(s.slice(end));
    if (co) {
      hit.cooperating = co.names;
      hit.end = end + co.length;
    }
  }
  return past(s, hit.start, hit.end) ? null : hit;
}

/** The unit heading a duty article or item, with its role: the sentence after its marker. */
function subjectHit(s: string): Hit | null {
  const marker = matchMarker(s);
  const at = marker ? s.length - marker.rest.length : 0;
  const rest = s.slice(at);
  const m = SUBJECT.exec(rest);
  const names = m ? subjects(m[1]!) : null;
  if (m && names) return assign(s, names, m[2]!, at, at + m[0].length);
  const c = COLON.exec(rest);
  const listed = c ? subjects(c[1]!) : null;
  return c && listed ? assign(s, listed, c[2] ?? '负责', at, at + c[0].length) : null;
}

/** `由X牵头，Y配合` / `由X负责` anywhere in the sentence. */
function byHits(s: string): Hit[] {
  const out: Hit[] = [];
  for (const m of s.matchAll(BY)) {
    const start = m.index;
    if (ATTRIBUTIVE.test(s.slice(0, start)) || /^[^。；]*组成/u.test(s.slice(start + m[0].length))) continue;
    const names = subjects(m[1]!);
    const hit = names ? assign(s, names, m[2]!, start, start + m[0].length) : null;
    if (hit) out.push(hit);
  }
  return out;
}

/** `X要会同Y…` at the head of a clause, both sides named units. */
function consultHits(s: string): Hit[] {
  const out: Hit[] = [];
  for (const m of s.matchAll(CONSULT)) {
    const start = m.index + (/^[，,：:]/u.test(m[0]) ? 1 : 0);
    const names = subjects(m[1]!);
    const hit = names ? assign(s, names, '会同', start, m.index + m[0].length) : null;
    if (hit) out.push(hit);
  }
  return out;
}

/** Sentences of a paragraph, each with its closing mark. */
const sentences = (text: string): string[] => text.match(/[^。！？]+[。！？]?/gu) ?? [];

/**
 * The title of a task: the clause holding the role phrase, once the phrase is
 * taken out (`由县财政局负责拟定实施细则` → `拟定实施细则`); when little is
 * left (`…事项，由县财政局负责协调`, `将由X牵头，抓紧…`), the first full clause
 * of the rest of the sentence.
 */
function titleOf(s: string, hit: Hit): string | null {
  const stop = /[，,；;：:。！？]/u;
  let from = hit.start;
  while (from > 0 && !stop.test(s[from - 1]!)) from--;
  let to = hit.end;
  while (to < s.length && !stop.test(s[to]!)) to++;
  const own = cleanTaskText(s.slice(from, hit.start) + s.slice(hit.end, to));
  if ([...own].length >= 4) return cutTitle(own);
  const rest = cleanTaskText(s.slice(0, hit.start) + s.slice(hit.end)).split(/[，,；;：:。！？]/u);
  const first = rest.find((c) => [...c].length >= 3) ?? own;
  return first ? cutTitle(first) : null;
}

const hasDutyNode = (ns: ParsedDocument['outline']): boolean => ns.some((n) => DUTY_SECTION.test(n.title) || hasDutyNode(n.children));

/** Does the paragraph sit in a section whose heading is about 职责/分工 (its own item heading aside)? */
function inDutySection(doc: ParsedDocument, k: number): boolean {
  const line = doc.blocks[k]!.lines[0];
  const chain = outlineChain(doc.outline, line).filter((n) => n.lines[0] < line);
  if (chain.some((n) => DUTY_SECTION.test(n.title))) return true;
  const floor = chain.at(-1)?.lines[0] ?? 0;
  for (let i = k - 1; i >= 1; i--) {
    const b = doc.blocks[i]!;
    if (b.lines[0] < floor) return false;
    if (b.kind === 'heading') return DUTY_SECTION.test(b.text);
  }
  return false;
}

/** Hits of one sentence, earliest first, none overlapping another; `head()` says whether a unit may head it. */
function sentenceHits(s: string, head: (() => boolean) | null, known?: Hit | null): Hit[] {
  const subject = known !== undefined ? known : head && (hasRoleWord(s) || colonHead(s)) && head() ? subjectHit(s) : null;
  const all = [...(subject ? [subject] : []), ...(s.includes('由') ? byHits(s) : []), ...(s.includes('会同') ? consultHits(s) : [])];
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Hit[] = [];
  for (const h of all) if (!out.length || h.start >= out[out.length - 1]!.end) out.push(h);
  return out;
}

/**
 * Duties in the prose of a document. `taken` are the responsibilities the
 * clause reader found: a paragraph inside one of their tasks is left alone.
 */
export function extractDutyProse(doc: ParsedDocument, registry: UnitRegistry, taken: Responsibility[] = [], deadlines?: Deadline[]): Responsibility[] {
  const ctx = timeContext(doc);
  // The document's deadlines (extractDeadlines), by the line their paragraph starts on; read afresh without them.
  const inBlock = (line: number) => deadlines?.filter((d) => d.lines[0] === line);
  const busy = taken.map((r): LineRange => [Math.min(r.taskLines[0], r.lines[0]), r.lines[1]]);
  const out: Responsibility[] = [];
  // Whether any heading speaks of 职责/分工: most documents have none, and then no paragraph is in a duty section.
  let anyDuty: boolean | undefined;
  const dutyHeadings = () => (anyDuty ??= doc.blocks.some((b) => b.kind === 'heading' && DUTY_SECTION.test(b.text)) || hasDutyNode(doc.outline));
  doc.blocks.forEach((b, k) => {
    // Every rule needs a role word, or a colon after a unit heading an item.
    if (k === 0 || b.kind !== 'paragraph') return;
    const chars = blockChars(b);
    let heads: boolean | undefined;
    const head = () => (heads ??= /^\s*第/u.test(b.text) && matchMarker(b.text.trim())?.kind === 'article' || (dutyHeadings() && inDutySection(doc, k)));
    // A colon after a unit heads an item only in a duty article or section.
    if (!hasRoleWord(b.text, chars) && !(chars & COLON_CHARS && colonHead(b.text) && head())) return;
    if (busy.some(([a, z]) => a <= b.lines[1] && b.lines[0] <= z)) return;
    const text = /\s/u.test(b.text) ? b.text.replace(/\s+/gu, '') : b.text;
    // Without 由 or 会同 only a unit heading a duty article or item can assign.
    const by = chars & BY_CHAR && text.includes('由') && (text.includes('牵头') || text.includes('负责'));
    // The first sentence's subject hit, when the gate below had to read it (sentenceHits reuses it).
    let first: { s: string; hit: Hit } | undefined;
    if (!by && !(chars & ROLE_CHARS && text.includes('会同'))) {
      const end = text.search(/[。！？]/u);
      const s = end < 0 ? text : text.slice(0, end + 1);
      const hit = head() ? subjectHit(s) : null;
      if (!hit) return;
      first = { s, hit };
    }
    if (chars & PAREN_CHARS && hasClauseParen(b.text)) return;
    sentences(text).forEach((s, i) => {
      if (!hasRoleWord(s) && !(i === 0 && colonHead(s))) return;
      const hits = sentenceHits(s, i === 0 ? head : null, i === 0 && first?.s === s ? first.hit : undefined);
      // Several duties in one sentence (`…由县财政局负责协调；…由县统计局负责协调`): each owns its `；` part.
      const parts = hits.length > 1 ? s.split(/(?<=；)/u) : [s];
      for (const hit of hits) {
        let from = 0;
        const part = parts.find((p) => (from += p.length) > hit.start) ?? s;
        from -= part.length;
        const task = part.replace(/[；;]$/u, '');
        const own = { ...hit, start: hit.start - from, end: Math.min(hit.end - from, part.length) };
        out.push(toResponsibility(doc, registry, {
          task, title: titleOf(part, own), lead: hit.lead, responsible: hit.responsible, cooperating: hit.cooperating,
          deadline: taskDeadline(task, ctx, b.lines, inBlock(b.lines[0])), clause: s.slice(hit.start, hit.end), lines: b.lines, taskLines: b.lines,
        }));
      }
    });
  });
  return out;
}
