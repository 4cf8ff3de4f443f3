// 发文字号: organ code + 〔year〕 + serial + 号. Printed with 〔〕, （）, [], 【】
// and stray spaces; normalized to `五政办发〔2022〕8号`.

const OPEN = '〔\\[（(【［｛{';
const CLOSE = '〕\\]）)】］｝}';

/** One 文号 anywhere in a string; the organ code is 1–10 Han characters. */
export const DOC_NUMBER_SOURCE = `(\\p{Script=Han}{1,10}?)\\s*[${OPEN}]\\s*((?:19|20)\\d{2})\\s*[${CLOSE}]\\s*(\\d{1,4})\\s*号`;

const WHOLE = new RegExp(`^${DOC_NUMBER_SOURCE}$`, 'u');
/** `五政办发2022年8号`, `五政办发 2022 8号`: bracketless forms people type. */
const BRACKETLESS = /^(\p{Script=Han}{1,10}?)\s*((?:19|20)\d{2})\s*年?\s*第?\s*(\d{1,4})\s*号$/u;

export interface DocNumberParts {
  prefix: string;
  year: number;
  serial: number;
  /** The bracket form was not 〔〕 (a repaired variant). */
  repaired: boolean;
}

export function formatDocNumber(p: { prefix: string; year: number; serial: number }): string {
  return `${p.prefix}〔${p.year}〕${p.serial}号`;
}

function parts(m: RegExpExecArray, source: string): DocNumberParts {
  return {
    prefix: m[1]!,
    year: Number(m[2]),
    serial: Number(m[3]),
    repaired: !/〔\d{4}〕\d+号/.test(source.replace(/\s+/g, '')),
  };
}

/** Parse a string that is exactly one 文号 (spaces and bracket variants allowed). */
export function parseDocNumber(s: string): DocNumberParts | null {
  const t = s.trim();
  const m = WHOLE.exec(t);
  if (m) return parts(m, t);
  const b = BRACKETLESS.exec(t);
  if (b && /[发函字令办]$/.test(b[1]!)) return { prefix: b[1]!, year: Number(b[2]), serial: Number(b[3]), repaired: true };
  return null;
}

export function normalizeDocNumber(s: string): string | null {
  const p = parseDocNumber(s);
  return p ? formatDocNumber(p) : null;
}

/**
 * The Han run before a bracket is greedy: `…的通知五政办发〔` or `根据国发〔`.
 * Cut it after the last word that cannot belong to an organ code: title
 * endings, function words and citation verbs.
 */
const NOT_IN_CODE =
  /^.*(?:通知|意见|决定|通告|公告|通报|批复|答复|复函|的函|报告|方案|规划|计划|办法|细则|要点|预案|标准|清单|名单|规定|条例|制度|机制|根据|按照|依据|参照|对照|落实|贯彻|执行|印发|转发|精神|要求|文件|号文|以及|的|和|及|与|或|是|在|为|见|即|按|据|由|经|将|把|于|至|对|要|以|照|握|从|向|使|请|凡|共|等|了|如)/u;

export function trimOrganCode(run: string): string {
  const m = NOT_IN_CODE.exec(run);
  return m ? run.slice(m[0].length) : run;
}

export interface FoundDocNumber {
  docNumber: string;
  /** Index in the searched string where the (trimmed) 文号 starts. */
  index: number;
  end: number;
  repaired: boolean;
}

/** `〔2022〕8号` and its variants: found first, then the organ code is read backwards from it. */
const BRACKETED_NUMBER = new RegExp(`[${OPEN}]\\s*((?:19|20)\\d{2})\\s*[${CLOSE}]\\s*(\\d{1,4})\\s*号`, 'gu');
const HAN_RUN_BEFORE = /(\p{Script=Han}{1,16})\s*$/u;

/** Every 文号 in a string, organ codes trimmed. Anchored on the bracketed year so the scan stays linear. */
export function findDocNumbers(s: string): FoundDocNumber[] {
  const out: FoundDocNumber[] = [];
  if (!s.includes('号')) return out;
  BRACKETED_NUMBER.lastIndex = 0;
  for (let m = BRACKETED_NUMBER.exec(s); m; m = BRACKETED_NUMBER.exec(s)) {
    const before = HAN_RUN_BEFORE.exec(s.slice(Math.max(0, m.index - 20), m.index));
    if (!before) continue;
    const run = before[1]!;
    const prefix = trimOrganCode(run);
    if (!prefix) continue;
    const runStart = m.index - before[0].length;
    const index = runStart + (run.length - prefix.length);
    const p = { prefix, year: Number(m[1]), serial: Number(m[2]) };
    out.push({ docNumber: formatDocNumber(p), index, end: m.index + m[0].length, repaired: !/^〔\d{4}〕\d+号$/.test(m[0].replace(/\s+/g, '')) || /\s/.test(before[0].slice(run.length)) });
  }
  return out;
}

export function findLastDocNumber(s: string): FoundDocNumber | null {
  const all = findDocNumbers(s);
  return all[all.length - 1] ?? null;
}

/** An order's number at the end of a string: `…条例 国令第706号`, `…办法 某某市人民政府令第3号`. */
const ORDER_NUMBER_AT_END = /(\p{Script=Han}{1,24})第\s*(\d{1,5})\s*号$/u;

export function findOrderNumberAtEnd(s: string): FoundDocNumber | null {
  const m = ORDER_NUMBER_AT_END.exec(s);
  if (!m) return null;
  const prefix = trimOrganCode(m[1]!);
  if (!prefix.endsWith('令') || prefix.length < 2) return null;
  const index = m.index + (m[1]!.length - prefix.length);
  return { docNumber: `${prefix}第${Number(m[2])}号`, index, end: s.length, repaired: false };
}
