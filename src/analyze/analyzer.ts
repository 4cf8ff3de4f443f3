// The one analyzer used at index time and at query time: text is folded to
// simplified characters (opencc-js, traditional → mainland forms: 醫療保險 finds
// 医疗保险, and a traditional document is found by a simplified query), 文号
// become single exact tokens, the rest is segmented by jieba (search mode, so
// 五台县人民政府 also yields 五台县 / 人民政府) with a domain dictionary,
// lower-cased, and stripped of punctuation and stopwords. Tokens never contain
// FTS5 syntax.
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { Converter } from 'opencc-js/t2cn';

// The dictionary module is CommonJS without an exports map; require it by file.
const { dict } = createRequire(import.meta.url)('@node-rs/jieba/dict.js') as { dict: Uint8Array };
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findDocNumbers, parseDocNumber } from '../parse/docnumber.js';
import { curatedUnitsFile, packageRoot } from '../paths.js';
import type { CuratedFile } from '../extract/units.js';

/** Bumped whenever tokens or indexed fields change: a stored index with another version is rebuilt. */
export const ANALYZER_VERSION = '5';

const STOPWORDS = new Set([
  '的', '了', '和', '是', '在', '等', '及', '与', '对', '为', '将', '把', '被', '之', '以', '于', '或', '并', '其', '由', '从', '向',
  '及其', '以及', '关于', '有关', '进一步', '一个', '这个', '我们', '要', '也', '都', '就', '而', '所', '着', '个',
]);
const WORDISH = /[\p{L}\p{N}]/u;

let jieba: Jieba | null = null;
let loadedTerms = new Set<string>();

/** Terms waiting for the segmenter: loading jieba costs ~100 ms, so commands that never segment skip it. */
const pending = new Set<string>();

/** Domain terms (unit names, organ codes, learned words) join the dictionary; call before indexing. */
export function addDictionaryTerms(terms: Iterable<string>): number {
  const fresh = [...terms].map((t) => t.trim()).filter((t) => t.length >= 2 && t.length <= 20 && !loadedTerms.has(t) && !pending.has(t));
  for (const t of fresh) pending.add(t);
  if (jieba) flushPending(jieba);
  return fresh.length;
}

function flushPending(j: Jieba): void {
  if (!pending.size) return;
  j.loadDict(Buffer.from([...pending].map((t) => `${t.replace(/\s+/g, '')} 50000 n`).join('\n') + '\n'));
  for (const t of pending) loadedTerms.add(t);
  pending.clear();
}

function segmenter(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    loadedTerms = new Set();
    addDictionaryTerms(curatedTerms());
    flushPending(jieba);
  }
  return jieba;
}

/** The curated dictionary: unit names and aliases, and the domain term list. Part of the analyzer version. */
function curatedTerms(): string[] {
  const units = JSON.parse(readFileSync(curatedUnitsFile(), 'utf8')) as CuratedFile;
  const terms = readFileSync(join(packageRoot(), 'data', 'search-terms.txt'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  return [...units.units.flatMap((u) => [u.name, ...(u.aliases ?? [])]), ...terms];
}

let toSimplified: ((s: string) => string) | null = null;
/** Width-folded (NFKC) and simplified: the form both the index and the query are read in. */
export function fold(text: string): string {
  const convert = (toSimplified ??= Converter({ from: 'hk', to: 'cn' }));
  return convert(text.normalize('NFKC'));
}

/** `五政办发〔2022〕8号` → `dn五政办发2022n8`: one token, any bracket or spacing variant. */
export function docNumberToken(docNumber: string): string | null {
  const p = parseDocNumber(docNumber);
  return p ? `dn${p.prefix}${p.year}n${p.serial}` : null;
}

/** Bracketless typed forms (`五政办发2022年8号`) anywhere in a query. */
const TYPED_DOC_NUMBER = /(\p{Script=Han}{1,8}[发函字令办])\s*((?:19|20)\d{2})\s*年?\s*第?\s*(\d{1,4})\s*号/gu;

/** Pull 文号 out of a text, returning them as tokens and the text with them removed. */
export function extractDocNumberTokens(input: string): { tokens: string[]; rest: string; docNumbers: string[] } {
  const text = fold(input);
  const docNumbers: string[] = [];
  let rest = text;
  for (const d of findDocNumbers(text)) docNumbers.push(d.docNumber);
  rest = rest.replace(new RegExp(`\\p{Script=Han}{1,16}\\s*[〔\\[（(【［]\\s*(?:19|20)\\d{2}\\s*[〕\\]）)】］]\\s*\\d{1,4}\\s*号`, 'gu'), ' ');
  rest = rest.replace(TYPED_DOC_NUMBER, (_m, prefix: string, y: string, n: string) => {
    docNumbers.push(`${prefix}〔${y}〕${Number(n)}号`);
    return ' ';
  });
  const tokens = docNumbers.map(docNumberToken).filter((t): t is string => Boolean(t));
  return { tokens: [...new Set(tokens)], rest, docNumbers: [...new Set(docNumbers)] };
}

/** Segment plain text into index/query tokens (in order, duplicates kept). */
export function segment(text: string): string[] {
  return text.trim() ? segmentFolded(fold(text).toLowerCase()) : [];
}

function segmentFolded(normalized: string): string[] {
  const out: string[] = [];
  for (const raw of segmenter().cutForSearch(normalized, true)) {
    const t = raw.trim();
    if (!t || !WORDISH.test(t) || STOPWORDS.has(t)) continue;
    // Keep only letters and digits: tokens must be plain words to FTS5.
    const clean = t.replace(/[^\p{L}\p{N}]+/gu, '');
    if (clean) out.push(clean);
  }
  return out;
}

/** Tokens for a text: its 文号 tokens plus its segmented words. */
export function analyze(text: string): string[] {
  const { tokens, rest } = extractDocNumberTokens(text);
  return rest.trim() ? [...tokens, ...segmentFolded(rest.toLowerCase())] : tokens;
}

/** Query side: the words of a text (jieba's precise mode), normalized like index tokens. */
export function queryWords(text: string): string[] {
  if (!text.trim()) return [];
  const out: string[] = [];
  for (const raw of segmenter().cut(fold(text).toLowerCase(), true)) {
    const clean = raw.replace(/[^\p{L}\p{N}]+/gu, '');
    if (clean && !STOPWORDS.has(clean)) out.push(clean);
  }
  return out;
}
