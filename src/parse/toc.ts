// The table of contents: `【类别】` groups of `N、<title> <文号> ……(page)`
// entries, wrapped over lines, split inside the 文号, or broken into markdown
// list items and table cells. Entries are gathered as text first, then read.
import type { SourceLine } from '../text/lines.js';
import { compact } from '../text/lines.js';
import type { Diagnostic, TocEntry } from './types.js';
import { findLastDocNumber, findOrderNumberAtEnd } from './docnumber.js';

/** `目录` alone on a line (letter-spaced or not). */
export const isTocHeading = (l: SourceLine): boolean => /^目录$/.test(compact(l.text));

const CATEGORY = /^[【\[［]\s*(.{1,30}?)\s*[】\]］]$/;
const ENTRY_START = /^(\d{1,3})\s*[、.．,，]\s*(?=\S)/;
/** The page an entry ends with: `(7)`, or a leader run then the number (`……7`, `··· 12`). */
const PAGE_TAIL = /(?:[.．…·\-—_\s]*[（(]\s*(\d{1,4})\s*[）)]|(?:[.．…·_]{2,}|…)\s*(\d{1,4}))\s*$/;
const LEADERS = /[.．…·_]{2,}|\s+[.．…]+\s*$/g;

interface Pending {
  text: string;
  first: number;
  last: number;
  /** The entry has printed its page number: it is complete. */
  paged: boolean;
}

export interface TocScan {
  entries: TocEntry[];
  diagnostics: Diagnostic[];
}

/** Read one gathered entry: `3、…的通知 五政办发〔2022〕51号(7)`. */
export function readTocEntry(text: string): { title: string; docNumber: string | null; page: number | null } {
  let t = text.replace(ENTRY_START, '').trim();
  let page: number | null = null;
  const p = PAGE_TAIL.exec(t);
  if (p) {
    page = Number(p[1] ?? p[2]);
    t = t.slice(0, p.index);
  }
  t = t.replace(LEADERS, ' ').trim();
  const flat = compact(t);
  const dn = findLastDocNumber(flat) ?? findOrderNumberAtEnd(flat);
  if (dn && flat.slice(dn.end).length <= 2) {
    return { title: flat.slice(0, dn.index), docNumber: dn.docNumber, page };
  }
  return { title: flat, docNumber: null, page };
}

export function parseToc(lines: SourceLine[]): TocScan {
  const entries: TocEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  let category: string | null = null;
  let pending: Pending | null = null;

  const flush = () => {
    if (!pending) return;
    const e = readTocEntry(pending.text);
    entries.push({ category, title: e.title, docNumber: e.docNumber, page: e.page, lines: [pending.first, pending.last] });
    if (e.page === null) {
      diagnostics.push({ severity: 'warning', code: 'toc-no-page', message: `目录条目缺少页码：${e.title}`, line: pending.first });
    }
    pending = null;
  };

  for (const l of lines) {
    if (l.blank) continue;
    const t = l.text.trim();
    if (!t || isTocHeading(l)) continue;
    const cat = CATEGORY.exec(compact(t));
    if (cat) {
      flush();
      category = cat[1]!.replace(/\s+/g, '');
      continue;
    }
    if (ENTRY_START.test(t)) {
      flush();
      pending = { text: t, first: l.no, last: l.no, paged: PAGE_TAIL.test(t) };
      continue;
    }
    // An entry ends at its page number: what follows is not part of it.
    if (pending && !pending.paged) {
      pending.text += ' ' + t;
      pending.last = l.no;
      pending.paged = PAGE_TAIL.test(t);
    } else {
      flush();
      diagnostics.push({ severity: 'info', code: 'toc-residue', message: `目录中无法识别的文字：${t.slice(0, 40)}`, line: l.no });
    }
  }
  flush();
  return { entries, diagnostics };
}
