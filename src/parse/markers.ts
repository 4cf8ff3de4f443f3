// Outline-numbering recognisers: one small rule per construct (DOMAIN.md §4).
// `matchMarker` is also called on every source line by the paragraph joiner,
// so each rule prefers missing a marker over inventing one in running text.
// All patterns are anchored and bounded, and only a short head of the text is
// ever matched, so 10 KB paragraphs cost nothing.

export type MarkerKind =
  | 'cn-dun' /* 一、 */
  | 'cn-paren' /* （一） */
  | 'arabic-dot' /* 1. 1．1、 */
  | 'arabic-paren' /* （1） */
  | 'circled' /* ① */
  | 'chapter' /* 第一章 */
  | 'section' /* 第一节 */
  | 'article' /* 第一条 */
  | 'decimal' /* 1.1  1.2.1  and a bare `1 总则` top-level in a decimal-numbered plan */
  | 'run-in' /* 一是 */
  | 'column' /* 专栏1 / 专栏 2 */
  | 'dash' /* —— item */;

export interface MarkerMatch {
  kind: MarkerKind;
  /** As printed, trimmed and without inner spaces, e.g. `（一）`, `1.2.1`. */
  marker: string;
  /** 1-based value of the last number (一→1, ⑫→12, 1.2.3→3); 0 for unnumbered `——` items. */
  ordinal: number;
  /** Decimal markers only: `[1, 2, 3]`. */
  path?: number[];
  /** Text after the marker, leading spaces trimmed. */
  rest: string;
}

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_NUM = '〇零一二三四五六七八九十百';
const DIGITWISE = /^[一二三四五六七八九](?=[〇零一二三四五六七八九]*[〇零])[〇零一二三四五六七八九]{1,2}$/u;
const POSITIONAL = /^(?:([一二三四五六七八九])百)?([〇零])?(?:([一二三四五六七八九])?(十))?([一二三四五六七八九])?$/u;

/** `十一` → 11, `二十三` → 23, `一百零五` → 105, digit-wise `一〇` → 10. Null for anything else or 0. */
export function parseChineseNumber(s: string): number | null {
  if (!s || s.length > 6) return null;
  if (!/[十百]/u.test(s)) {
    // Digit-wise numbers (`一〇`) count only when a zero shows they are digit-wise:
    // `一二` is an enumeration, not twelve.
    if (s.length > 1 && !DIGITWISE.test(s)) return null;
    let v = 0;
    for (const c of s) v = v * 10 + (CN_DIGIT[c] ?? NaN);
    return v > 0 ? v : null;
  }
  const m = POSITIONAL.exec(s);
  if (!m) return null;
  const [, h, zero, t, ten, u] = m;
  if (zero && !h) return null;
  if (zero && ten && !t) return null; // 一百零十 is not a number
  if (h && !ten && u && !zero) return null; // 一百五 is colloquial 150, never an ordinal
  const v = (h ? CN_DIGIT[h]! * 100 : 0) + (ten ? (t ? CN_DIGIT[t]! : 1) * 10 : 0) + (u ? CN_DIGIT[u]! : 0);
  return v > 0 ? v : null;
}

const CN_UNITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 23 → 二十三 (up to 99); used to look for the next `二是`. */
export function toChineseNumber(n: number): string {
  if (n < 10) return CN_UNITS[n] ?? '';
  const t = Math.floor(n / 10);
  return `${t === 1 ? '' : CN_UNITS[t] ?? ''}十${CN_UNITS[n % 10] ?? ''}`;
}

/** Only this much of a paragraph is ever looked at for a marker. */
const HEAD = 48;
const LEAD = /^[\s#*]+/u;

const ARTICLE = new RegExp(`^第\\s*([${CN_NUM}]{1,6}|\\d{1,3})\\s*([章节条])`, 'u');
const COLUMN = /^(专栏\s*(\d{1,2}|[〇零一二三四五六七八九十]{1,3}))(?!\d)\s*[：:、.．]?/u;
const CN_PAREN = new RegExp(`^[（(]\\s*([${CN_NUM}]{1,5})\\s*[）)]`, 'u');
// Years such as （2021） have four digits and stay plain text.
const AR_PAREN = /^[（(]\s*(\d{1,3})\s*[）)]/u;
const RUN_IN = /^([〇零一二三四五六七八九十]{1,3})是/u;
const CN_DUN = new RegExp(`^([${CN_NUM}]{1,5})\\s*[、.．]`, 'u');
const CN_LEAD = new RegExp(`^[${CN_NUM}]{1,5}`, 'u');
const DECIMAL = /^(\d{1,2})((?:[.．]\d{1,2}){1,3})(?![\d.．])/u;
const AR_DOT = /^(\d{1,3})\s*([.．、])/u;
const BARE = /^(\d{1,2})(?!\d)\s*/u;
const DASH = /^(?:[—―─]{1,2}|--)\s*/u;

/** A decimal heading starts with Chinese text or an opening bracket/quote. */
const TITLE_START = /^[\p{Script=Han}“‘《（【〈「]/u;
/** `1.5万元`, `3.5%`, `2.5小时`: a fractional quantity, not a `1.1` heading. */
const FRACTION_UNIT = /^(?:[万亿元%‰米倍吨亩克斤℃岁]|个(?![人体性])|公[里顷斤]|平方|立方|小时|年(?!度)|天(?!然))/u;
/** `12.30前`, `8.15日`: a date or time. Headings such as `5.1 后期处置` and `1.2 日常管理` stay. */
const DATE_TAIL = /^(?:前(?!期)|日(?!常)|号|起|止|至|以[前内])/u;
/** `3个工作日`, `10天内`, `24小时`: a count, not a bare `1 总则` heading. */
const COUNT_UNIT =
  /^(?:[个项件次名人户家处条座台辆所篇份批种号日月年天周倍万亿千百元米吨亩期届岁位起套张本栋只%‰]|级(?!别)|分(?![级类工布析])|时(?![限间效])|小时|公[里顷斤])/u;
/** Bare numbers are headings only when the line reads like a short title. */
const BARE_TITLE_MAX = 30;

/** `（一）` as printed after normalization, without the spaces lenient input may carry. */
const squeeze = (s: string): string => s.replace(/\s+/gu, '');

function circledValue(c: number): { kind: MarkerKind; n: number } | null {
  if (c >= 0x2460 && c <= 0x2473) return { kind: 'circled', n: c - 0x2460 + 1 }; // ①–⑳
  if (c >= 0x3251 && c <= 0x325f) return { kind: 'circled', n: c - 0x3251 + 21 }; // ㉑–㉟
  if (c >= 0x32b1 && c <= 0x32bf) return { kind: 'circled', n: c - 0x32b1 + 36 }; // ㊱–㊿
  if (c >= 0x2776 && c <= 0x277f) return { kind: 'circled', n: c - 0x2776 + 1 }; // ❶–❿
  if (c >= 0x2780 && c <= 0x2789) return { kind: 'circled', n: c - 0x2780 + 1 }; // ➀–➉
  if (c >= 0x278a && c <= 0x2793) return { kind: 'circled', n: c - 0x278a + 1 }; // ➊–➓
  // Compatibility forms converters emit for (1) and 1.
  if (c >= 0x2474 && c <= 0x2487) return { kind: 'arabic-paren', n: c - 0x2474 + 1 }; // ⑴–⒇
  if (c >= 0x2488 && c <= 0x249b) return { kind: 'arabic-dot', n: c - 0x2488 + 1 }; // ⒈–⒛
  return null;
}

const cnOrArabic = (s: string): number | null => (/^\d+$/u.test(s) ? Number(s) || null : parseChineseNumber(s));

export function matchMarker(text: string): MarkerMatch | null {
  const lead = LEAD.exec(text.slice(0, HEAD));
  const start = lead ? lead[0].length : 0;
  const head = text.slice(start, start + HEAD);
  if (!head) return null;
  const make = (kind: MarkerKind, len: number, ordinal: number, path?: number[], printed = head.slice(0, len)): MarkerMatch => {
    const m: MarkerMatch = { kind, marker: squeeze(printed), ordinal, rest: text.slice(start + len).trimStart() };
    if (path) m.path = path;
    return m;
  };
  const c = head[0]!;

  if (c === '第') {
    const m = ARTICLE.exec(head);
    const n = m ? cnOrArabic(m[1]!) : null;
    if (!m || !n) return null;
    return make(m[2] === '章' ? 'chapter' : m[2] === '节' ? 'section' : 'article', m[0].length, n);
  }
  if (c === '专') {
    const m = COLUMN.exec(head);
    const n = m ? cnOrArabic(m[2]!) : null;
    // `专栏1：` prints its separator; the marker is `专栏1`.
    return m && n ? make('column', m[0].length, n, undefined, m[1]) : null;
  }
  if (c === '（' || c === '(') {
    const cn = CN_PAREN.exec(head);
    const n = cn ? parseChineseNumber(cn[1]!) : null;
    if (cn && n) return make('cn-paren', cn[0].length, n);
    const ar = AR_PAREN.exec(head);
    return ar && Number(ar[1]) > 0 ? make('arabic-paren', ar[0].length, Number(ar[1])) : null;
  }
  const circ = circledValue(c.charCodeAt(0));
  if (circ) return make(circ.kind, 1, circ.n);
  if (c === '—' || c === '―' || c === '─' || c === '-') {
    const m = DASH.exec(head);
    if (!m) return null;
    const rest = head.slice(m[0].length);
    // `—12—` is a page footer; a rule of dashes is no item.
    if (!rest || /^[—―─\-－]/u.test(rest) || /^\d{1,4}\s*[—―─\-]*$/u.test(rest)) return null;
    return make('dash', m[0].trimEnd().length, 0);
  }
  if (CN_NUM.includes(c)) {
    const r = RUN_IN.exec(head);
    const rn = r ? parseChineseNumber(r[1]!) : null;
    if (r && rn && head.length > r[0].length) return make('run-in', r[0].length, rn);
    const d = CN_DUN.exec(head);
    const n = d ? parseChineseNumber(d[1]!) : null;
    if (!d || !n) return null;
    // `一、二级医院`, `三、四季度`: an enumeration of consecutive numbers, not a heading.
    const next = CN_LEAD.exec(head.slice(d[0].length).trimStart());
    if (next && parseChineseNumber(next[0].slice(0, 3)) === n + 1) return null;
    return make('cn-dun', d[0].length, n);
  }
  if (c >= '0' && c <= '9') return matchArabic(head, make);
  return null;
}

type Make = (kind: MarkerKind, len: number, ordinal: number, path?: number[], printed?: string) => MarkerMatch;

function matchArabic(head: string, make: Make): MarkerMatch | null {
  const dec = DECIMAL.exec(head);
  if (dec) {
    const path = [dec[1]!, ...dec[2]!.slice(1).split(/[.．]/u)].map(Number);
    const after = head.slice(dec[0].length).trimStart();
    if (path.every((n) => n > 0) && TITLE_START.test(after) && !FRACTION_UNIT.test(after) && !DATE_TAIL.test(after)) {
      return make('decimal', dec[0].length, path[path.length - 1]!, path);
    }
    return null; // `1.5万元`, `3.5%`: a number, and certainly not `1.` followed by text
  }
  const dot = AR_DOT.exec(head);
  if (dot) {
    const n = Number(dot[1]);
    const after = head.slice(dot[0].length);
    if (n === 0) return null;
    // `2022.5` is a number; `1、2、3号` and `1、2级` enumerate.
    if (dot[2] !== '、' && /^\d/u.test(after)) return null;
    if (dot[2] === '、' && /^\s*\d+\s*[、，,和及至到~\-－—]/u.test(after)) return null;
    return make('arabic-dot', dot[0].length, n);
  }
  const bare = BARE.exec(head);
  if (!bare) return null;
  const n = Number(bare[1]);
  const after = head.slice(bare[0].length);
  if (n === 0 || !/^\p{Script=Han}/u.test(after) || COUNT_UNIT.test(after)) return null;
  // The whole heading must be in view to judge it; `head` is longer than the limit.
  if (after.length > BARE_TITLE_MAX || /[。，；：！？…,;:]/u.test(after)) return null;
  return make('decimal', bare[1]!.length, n, [n]);
}

/** Sentence ends that close a run-in heading. */
// ASCII ':' is left out: normalized text keeps it only in times such as 8:30.
const TITLE_END = new Set(['。', '：', '；', '！', '？', ';', '!', '?']);
const OPENERS = new Set(['“', '‘', '《', '（', '(', '【', '〈', '「', '『']);
const CLOSERS = new Set(['”', '’', '》', '）', ')', '】', '〉', '」', '』']);
/** A run-in title longer than this is really the first sentence of a paragraph. */
export const RUN_IN_TITLE_MAX = 40;
/** A line without sentence punctuation up to this length is a heading standing alone. */
const STANDALONE_TITLE_MAX = 60;

/**
 * Split a run-in heading from its paragraph:
 * `按时报送。各乡镇要……` → { title: '按时报送', body: '各乡镇要……' }.
 * The title ends at the first 。：；！？ outside quotes and brackets if that
 * comes within RUN_IN_TITLE_MAX characters; a short line with no sentence
 * punctuation is all title; anything else is all body with an empty title.
 */
export function splitRunIn(rest: string): { title: string; body: string } {
  const s = rest.trim();
  let depth = 0;
  const limit = Math.min(s.length, STANDALONE_TITLE_MAX + 1);
  for (let i = 0; i < limit; i++) {
    const c = s[i]!;
    if (OPENERS.has(c)) depth++;
    else if (CLOSERS.has(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && TITLE_END.has(c)) {
      return i <= RUN_IN_TITLE_MAX ? { title: s.slice(0, i).trim(), body: s.slice(i + 1).trimStart() } : { title: '', body: s };
    }
  }
  return s.length <= STANDALONE_TITLE_MAX ? { title: s, body: '' } : { title: '', body: s };
}
