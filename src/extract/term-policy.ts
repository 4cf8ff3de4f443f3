// 规范性文件 and their default terms. A government's management measure for
// 规范性文件 often sets how long one stays in force when it says nothing
// itself ("行政规范性文件有效期一般不超过5年；标注“暂行”“试行”的，有效期不超过2年").
// readTermPolicy reads that rule from such a measure; isNormative says which
// documents it governs; store/term-policies.ts applies it across the library.
// Nothing here hard-codes a period: without a measure in the library, a
// document without a term stays 现行有效 (未规定有效期).
import type { LineRange, ParsedDocument } from '../parse/types.js';
import { chineseNumber } from '../parse/dates.js';

export interface Period {
  amount: number;
  unit: 'year' | 'month';
}

export interface TermPolicy {
  /** The term of a 规范性文件 that sets none. */
  period: Period;
  /** The term of a 暂行/试行 one, when the measure sets it apart. */
  trial: Period | null;
  /** The sentences the rule came from, and where. */
  text: string;
  lines: LineRange;
}

/** A measure about 规范性文件 as such: 《…规范性文件管理办法》, 《…规范性文件制定和备案规定》. */
const POLICY_TITLE = /规范性文件.{0,12}(?:管理|制定|备案|审核|清理)/u;
/** `有效期一般不超过5年`, `有效期为5年`, `有效期最长不得超过3年`: a qualifier right after 有效期, then the term. */
const TERM = /有效期(?:一般|原则上)?(?:不超过|不得超过|最长不得超过|最长不超过|最长为|为|是)\s*([0-9]{1,2}|[一二三四五六七八九十两]{1,3})\s*(年|个月)/gu;
/** The measure's own term (`本办法有效期为5年`) is not a rule for other documents. */
const OWN = /本(?:办法|规定|细则|意见|制度|决定|通知)/u;
const TRIAL = /暂行|试行/u;

function sentences(text: string): string[] {
  return text.split(/(?<=[。！？])/u).filter((s) => s.trim());
}

export function readTermPolicy(doc: ParsedDocument): TermPolicy | null {
  const titles = [doc.title, ...doc.enclosures.map((e) => e.title)];
  if (!titles.some((t) => POLICY_TITLE.test(t))) return null;
  let period: Period | null = null;
  let trial: Period | null = null;
  const used: string[] = [];
  let lines: LineRange | null = null;
  for (const b of doc.blocks) {
    if (b.kind === 'table' || !b.text.includes('有效期')) continue;
    for (const s of sentences(b.text)) {
      if (OWN.test(s)) continue;
      let from = 0;
      let hit = false;
      for (const m of s.matchAll(TERM)) {
        const amount = chineseNumber(m[1]!.replace('两', '二'));
        if (!amount) continue;
        const p: Period = { amount, unit: m[2] === '年' ? 'year' : 'month' };
        // What the clause before the term is about: `标注“暂行”“试行”的，有效期不超过2年`.
        if (TRIAL.test(s.slice(from, m.index))) trial ??= p;
        else period ??= p;
        from = m.index + m[0].length;
        hit = true;
      }
      if (hit) {
        used.push(s.trim());
        lines = lines ? [Math.min(lines[0], b.lines[0]), Math.max(lines[1], b.lines[1])] : [b.lines[0], b.lines[1]];
      }
    }
  }
  return period && lines ? { period, trial, text: used.join(''), lines } : null;
}

/** A rule-making title: 《…管理办法》《…规定》《…实施细则》 (not 《工作规则》, an organ's own procedure), as issued or as transmitted (`关于印发…办法的通知`). */
const RULE_TITLE = /(?:办法|规定|细则)(?:（(?:试行|暂行|修订)）)?》?(?:的通知)?$/u;

/**
 * Whether a document is a 规范性文件 for the purpose of default terms. Our
 * rule (the texts define 规范性文件 by what it does, not by a mark): a 文号 in
 * a registry series (`…规〔2023〕1号`), or a rule-making title. A notice,
 * plan or list is not one.
 */
export function isNormative(title: string, docNumber: string | null): boolean {
  if (docNumber && /规[〔[（(]\d{4}/u.test(docNumber)) return true;
  return RULE_TITLE.test(title.replace(/\s+/g, ''));
}

/**
 * The government a document speaks for: `五台县人民政府办公室` and
 * `五台县教育局` → 五台县; `山西省人民政府` → 山西省; `国务院办公厅` → 国务院.
 * A measure governs the 规范性文件 of its own government only.
 */
export function jurisdictionOf(issuer: string | null): string | null {
  if (!issuer) return null;
  const i = issuer.replace(/\s+/g, '');
  const gov = i.indexOf('人民政府');
  if (gov > 0) return i.slice(0, gov);
  const admin = /^(.+?(?:自治区|自治州|自治县|省|市|州|盟|县|旗|区))/u.exec(i);
  if (admin) return admin[1]!;
  return i.replace(/(?:办公厅|办公室)$/u, '') || null;
}
