// From what a person types to an FTS5 MATCH expression that cannot fail:
// every token is quoted, operators are ours, not the user's. 文号 become
// exact tokens; years and date ranges become filter suggestions; unit names
// become unit suggestions. Each word matches either itself or all of its
// sub-words (`烟花爆竹` also finds `燃放烟花爆竹`, which jieba cuts differently).
import { fold, queryWords, segment, extractDocNumberTokens } from '../analyze/analyzer.js';
import { findDateRange } from '../parse/dates.js';

export interface Suggestion {
  kind: 'year' | 'unit' | 'dateRange' | 'docNumber' | 'simplified';
  value: string;
  label: string;
}

export interface ParsedQuery {
  /** MATCH expressions from strictest to loosest; search uses the first that finds anything. */
  candidates: string[];

  docNumbers: string[];
  docNumberTokens: string[];
  /** Surface words for highlighting. */
  terms: string[];
  suggestions: Suggestion[];
}

const MAX_QUERY = 200;
/** Question words and fillers people type around what they want: `…还有效吗`, `请问…`. */
const QUERY_FILLERS = new Set(['吗', '呢', '吧', '啊', '还', '什么', '什么时候', '哪些', '哪个', '怎么', '怎样', '如何', '是否', '有没有', '能否', '请问', '我', '想', '查', '查询', '查找', '找', '一下', '相关', '文件']);
const quote = (t: string) => `"${t.replace(/"/g, '""')}"`;

function wordExpr(word: string, prefix: boolean): string {
  const whole = quote(word) + (prefix ? '*' : '');
  const subs = [...new Set(segment(word))].filter((s) => s !== word);
  if (!subs.length) return whole;
  return `(${whole} OR (${subs.map(quote).join(' AND ')}))`;
}

export function parseQuery(input: string, unitNames: Iterable<string> = []): ParsedQuery {
  let text = (input ?? '').slice(0, MAX_QUERY * 4).replace(/[\u0000-\u001f]/g, ' ');
  const suggestions: Suggestion[] = [];
  // A query in traditional characters is searched folded; the simplified form is offered as what was meant.
  const simplified = fold(text.trim());
  if (simplified !== text.trim().normalize('NFKC')) suggestions.push({ kind: 'simplified', value: simplified, label: `您是不是要找：${simplified}` });
  const dn = extractDocNumberTokens(text);
  for (const d of dn.docNumbers) suggestions.push({ kind: 'docNumber', value: d, label: `发文字号 ${d}` });
  text = dn.rest;
  const range = findDateRange(text);
  if (range) {
    suggestions.push({ kind: 'dateRange', value: `${range[0]}..${range[1]}`, label: `日期 ${range[0]} 至 ${range[1]}` });
    text = text.replace(/(?:19|20)\d{2}\s*年[^至到~—-]{0,12}[至到~—-]+\s*(?:19|20)\d{2}\s*年[\d\s月日]*/u, ' ');
  }
  text = text.replace(/(?<![\d])((?:19|20)\d{2})\s*年?(?![\d月])/gu, (_m, y: string) => {
    if (!suggestions.some((s) => s.kind === 'year' && s.value === y)) suggestions.push({ kind: 'year', value: y, label: `${y}年` });
    return ' ';
  });
  const compactText = text.replace(/\s+/g, '');
  const units = [...unitNames].filter((u) => u.length >= 3 && compactText.includes(u)).sort((a, b) => b.length - a.length);
  for (const u of units.slice(0, 3)) suggestions.push({ kind: 'unit', value: u, label: `单位 ${u}` });

  const endsOpen = /[\p{L}\p{N}]$/u.test(text.trimEnd()) && text === text.trimEnd();
  const words = queryWords(text.slice(0, MAX_QUERY)).filter((w) => !QUERY_FILLERS.has(w)).slice(0, 24);
  const exprs = words.map((w, i) => wordExpr(w, endsOpen && i === words.length - 1 && w.length >= 2 && !/^\p{Script=Han}+$/u.test(w)));
  const dnAny = dn.tokens.length ? `(${dn.tokens.map(quote).join(' OR ')})` : null;
  const candidates: string[] = [];
  if (exprs.length) candidates.push([dnAny, ...exprs].filter(Boolean).join(' AND '));
  if (dnAny) candidates.push(dnAny);
  if (exprs.length > 1) candidates.push([...dn.tokens.map(quote), ...exprs].join(' OR '));
  return {
    candidates: [...new Set(candidates)],
    docNumbers: dn.docNumbers,
    docNumberTokens: dn.tokens,
    terms: [...new Set(words)],
    suggestions,
  };
}
