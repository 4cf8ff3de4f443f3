// 主题分类: the class a 政府信息公开 site files a document under, in the
// scheme gov.cn uses (大类\小类), assigned by the rules of data/subjects.json
// over the title and the text, with the reason kept. A saved page's own
// 主题分类 (pageMeta) is shown instead where there is one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';

export interface Subject {
  category: string;
  sub: string | null;
  /** Why: the pattern, or the keywords found (title first). */
  reason: string;
}

interface SubjectRules {
  categories: string[];
  masks: string[];
  patterns: { title: string; category: string; sub?: string; reason: string }[];
  classes: { category: string; sub?: string; keywords: string[] }[];
}

let rules: { categories: string[]; mask: RegExp | null; patterns: (SubjectRules['patterns'][number] & { re: RegExp })[]; classes: SubjectRules['classes'] } | null = null;
function load() {
  if (!rules) {
    const raw = JSON.parse(readFileSync(join(packageRoot(), 'data', 'subjects.json'), 'utf8')) as SubjectRules;
    const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    rules = {
      categories: raw.categories,
      mask: raw.masks?.length ? new RegExp(raw.masks.map(escape).join('|'), 'gu') : null,
      patterns: raw.patterns.map((p) => ({ ...p, re: new RegExp(p.title, 'u') })),
      classes: raw.classes,
    };
  }
  return rules;
}

const TITLE_WEIGHT = 5;
const MAX_TEXT_HITS = 5;

function count(hay: string, needle: string, max: number): number {
  let n = 0;
  for (let at = hay.indexOf(needle); at >= 0 && n < max; at = hay.indexOf(needle, at + needle.length)) n++;
  return n;
}

export function assignSubject(title: string, body: string): Subject | null {
  const r = load();
  const whole = title.replace(/\s+/g, '');
  for (const p of r.patterns) if (p.re.test(whole)) return { category: p.category, sub: p.sub ?? null, reason: `标题：${p.reason}` };
  const masked = (s: string) => (r.mask ? s.replace(r.mask, '〇') : s);
  const t = masked(whole);
  const text = masked(body);
  let best: { score: number; cls: SubjectRules['classes'][number]; found: string[] } | null = null;
  for (const cls of r.classes) {
    let score = 0;
    const found: string[] = [];
    for (const k of cls.keywords) {
      const inTitle = t.includes(k);
      const inText = count(text, k, MAX_TEXT_HITS);
      if (inTitle || inText) found.push(inTitle ? `标题含“${k}”` : `正文含“${k}”${inText > 1 ? `${inText}次` : ''}`);
      score += (inTitle ? TITLE_WEIGHT : 0) + inText;
    }
    if (score > 0 && (!best || score > best.score)) best = { score, cls, found };
  }
  if (!best) return null;
  return { category: best.cls.category, sub: best.cls.sub ?? null, reason: best.found.slice(0, 3).join('，') };
}

/** gov.cn's 22 大类 (the scheme's first level), as data/subjects.json lists them in `categories`. */
export function subjectCategories(): string[] {
  return load().categories;
}
