// From a document's clean text to renderable body items. The stored document
// has no blocks, so the body is rebuilt from `doc.text` (one paragraph per
// line): outline nodes are matched to lines in order by marker and title,
// runs of tab-separated lines become the document's tables, and the closing
// signature and date are recognised. Every outline id ends up on some item.
import type { OutlineNode, Table } from '../../parse/types.js';

export interface BodyItem {
  kind: 'paragraph' | 'heading' | 'table' | 'sign' | 'date' | 'enclosure' | 'attachment' | 'recipients';
  text: string;
  /** Anchor ids on this item; the first one is the item's own id. */
  ids: string[];
  level?: number;
  /** A run-in heading: the marker and title printed at the start of the paragraph. */
  lead?: string;
  table?: Table;
}

export interface FlatNode {
  id: string;
  marker: string;
  title: string;
  level: number;
}

const compact = (s: string) => s.replace(/\s+/g, '');
const DATE_LINE = /^(?:\d{4}|[〇○零一二三四五六七八九]{4})年[\d〇○零一二三四五六七八九十]{1,2}月[\d〇○零一二三四五六七八九十]{1,3}日$/;

export function flattenOutline(nodes: OutlineNode[], out: FlatNode[] = []): FlatNode[] {
  for (const n of nodes) {
    out.push({ id: n.id, marker: n.marker, title: n.title, level: n.level });
    flattenOutline(n.children, out);
  }
  return out;
}

function matches(line: string, n: FlatNode): boolean {
  const l = compact(line);
  const head = compact(n.marker + n.title);
  if (l.startsWith(head)) return true;
  const t = compact(n.title).slice(0, 8);
  return l.startsWith(compact(n.marker)) && (t === '' || l.slice(0, 40).includes(t));
}

/** Split a line's tab fields into a row. */
const cells = (line: string) => line.split('\t').map((c) => c.trim());

function tableFromLines(lines: string[]): Table {
  const rows = lines.map(cells);
  return { caption: null, header: rows[0] ?? [], rows: rows.slice(1), lines: [0, 0] };
}

export function layoutBody(doc: { title: string; docNumber: string | null; text: string; outline: OutlineNode[]; tables: Table[]; enclosures: { title: string }[] }): BodyItem[] {
  const lines = doc.text.split('\n');
  let start = 0;
  while (start < Math.min(lines.length, 3) && [compact(doc.title), compact(doc.docNumber ?? '\u0000')].includes(compact(lines[start]!))) start++;

  // Tab runs → tables, in order; fall back to the raw fields when the counts disagree.
  const runs: [number, number][] = [];
  for (let i = start; i < lines.length; i++) {
    if (!lines[i]!.includes('\t')) continue;
    const from = i;
    while (i + 1 < lines.length && lines[i + 1]!.includes('\t')) i++;
    runs.push([from, i]);
  }
  const tableFor = (k: number, run: [number, number]): Table =>
    runs.length === doc.tables.length ? doc.tables[k]! : tableFromLines(lines.slice(run[0], run[1] + 1));

  const items: BodyItem[] = [];
  const lineItem = new Map<number, BodyItem>();
  const enclosureTitles = new Set(doc.enclosures.map((e) => compact(e.title)));
  const captions = new Set(runs.map((r, k) => (runs.length === doc.tables.length ? compact(doc.tables[k]!.caption ?? '') : '')).filter(Boolean));
  let afterNumber = true;
  for (let i = start; i < lines.length; i++) {
    const run = runs.findIndex((r) => r[0] === i);
    if (run >= 0) {
      const table = tableFor(run, runs[run]!);
      const item: BodyItem = { kind: 'table', text: table.caption ?? '', ids: [], table };
      items.push(item);
      lineItem.set(i, item);
      i = runs[run]![1];
      continue;
    }
    const text = lines[i]!.trim();
    if (!text) continue;
    const c = compact(text);
    const next = runs.find((r) => r[0] === i + 1);
    if (next && captions.has(c)) continue; // printed as the table's caption
    let kind: BodyItem['kind'] = 'paragraph';
    if (afterNumber && /[：:]$/.test(text) && text.length < 200) kind = 'recipients';
    else if (DATE_LINE.test(c)) kind = 'date';
    else if (enclosureTitles.has(c)) kind = 'enclosure';
    else if (/^附件\d*(?:[：:].*)?$/.test(c) && c.length < 80) kind = 'attachment';
    else if (i + 1 < lines.length && DATE_LINE.test(compact(lines[i + 1]!)) && c.length <= 30 && !/[，。；：,;]/.test(c)) kind = 'sign';
    afterNumber = false;
    const item: BodyItem = { kind, text, ids: [] };
    items.push(item);
    lineItem.set(i, item);
  }

  // Outline nodes → the lines they head, in order; unmatched ids ride on the next match.
  const nodes = flattenOutline(doc.outline);
  const order = [...lineItem.keys()];
  let cursor = 0;
  let pending: string[] = [];
  for (const n of nodes) {
    let found = -1;
    for (let k = cursor; k < order.length; k++) {
      const item = lineItem.get(order[k]!)!;
      if (item.kind !== 'table' && matches(item.text, n)) {
        found = k;
        break;
      }
    }
    if (found < 0) {
      pending.push(n.id);
      continue;
    }
    const item = lineItem.get(order[found]!)!;
    if (!item.ids.length && item.kind === 'paragraph') {
      const head = `${n.marker}${n.title}`;
      const short = compact(item.text).length <= compact(head).length + 2;
      if (short) (item.kind = 'heading'), (item.level = n.level);
      else if (n.title && compact(item.text).startsWith(compact(head))) item.lead = head;
    }
    const own = item.ids.length === 0;
    item.ids.push(...(own ? [n.id, ...pending] : [...pending, n.id]));
    pending = [];
    cursor = found + 1;
  }
  if (pending.length) items.push({ kind: 'paragraph', text: '', ids: pending });
  return items;
}

/** Split a run-in heading paragraph into its lead and the rest, keeping the printed text. */
export function splitLead(text: string, lead: string): [string, string] {
  const want = compact(lead).length;
  let seen = 0;
  let k = 0;
  while (k < text.length && seen < want) {
    if (!/\s/.test(text[k]!)) seen++;
    k++;
  }
  return [text.slice(0, k), text.slice(k)];
}
