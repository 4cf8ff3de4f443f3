// A clean Markdown rendering of a parsed issue, for people and for diffs.
// Headings come from the outline (marker levels), never from the source's `#`.
import type { Block, OutlineNode, ParsedDocument, ParsedIssue, Table } from './types.js';

/** Markdown-significant characters in document text are escaped so the text renders as printed. */
export const escapeMd = (s: string): string => s.replace(/([\\`*_[\]#<>|])/g, '\\$1');

function tableMd(t: Table): string {
  const cell = (c: string) => escapeMd(c).replace(/\n/g, ' ');
  const width = t.header.length;
  const row = (r: string[]) => `| ${Array.from({ length: width }, (_, i) => cell(r[i] ?? '')).join(' | ')} |`;
  const out = [];
  if (t.caption) out.push(`**${escapeMd(t.caption)}**`, '');
  out.push(row(t.header), `|${' --- |'.repeat(width)}`, ...t.rows.map(row));
  return out.join('\n');
}

function headingLevels(nodes: OutlineNode[], into = new Map<number, number>()): Map<number, number> {
  for (const n of nodes) {
    into.set(n.lines[0], n.level);
    headingLevels(n.children, into);
  }
  return into;
}

function documentMd(d: ParsedDocument): string {
  const levels = headingLevels(d.outline);
  const tables = new Map(d.tables.map((t) => [t.lines[0], t]));
  const out: string[] = [`## ${escapeMd(d.title)}`, ''];
  const meta: [string, string | null][] = [
    ['发文字号', d.docNumber], ['发文机关', d.issuer], ['成文日期', d.date], ['栏目', d.category],
    ['页码', d.tocPage === null ? null : String(d.tocPage)], ['原文行', `${d.lines[0]}–${d.lines[1]}`],
  ];
  for (const [k, v] of meta) if (v) out.push(`- ${k}：${escapeMd(v)}`);
  out.push('');
  d.blocks.slice(1).forEach((b: Block) => {
    if (b.kind === 'table') {
      const t = tables.get(b.lines[0]);
      out.push(t ? tableMd(t) : escapeMd(b.text), '');
      return;
    }
    const level = levels.get(b.lines[0]);
    out.push(level && b.kind === 'heading' ? `${'#'.repeat(Math.min(6, level + 2))} ${escapeMd(b.text)}` : escapeMd(b.text), '');
  });
  for (const a of d.attachments.filter((x) => !x.present)) out.push(`> 注：${a.label}${a.title ? `《${escapeMd(a.title)}》` : ''}本期未刊登。`, '');
  return out.join('\n');
}

/** One document as Markdown (a `## title` section); used by the per-document download. */
export const documentMarkdown = (d: ParsedDocument): string => documentMd(d);

export function renderMarkdown(p: ParsedIssue): string {
  const i = p.issue;
  // A single 公文 has no issue around it: no issue heading, no 目录.
  if (i.standalone) return p.documents.map(documentMd).join('\n---\n\n');
  const head = [
    `# ${escapeMd(i.gazette ?? '政府公报')} ${i.year ?? ''}年第${i.number ?? '?'}期${i.part ? `（${i.part}）` : ''}`,
    '',
  ];
  if (i.publisher) head.push(`- 主办：${escapeMd(i.publisher)}`);
  if (i.periodStart) head.push(`- 期间：${i.periodStart} 至 ${i.periodEnd}`);
  if (i.published) head.push(`- 出版：${i.published}`);
  head.push('', '## 目录', '');
  let cat: string | null = null;
  for (const e of p.toc) {
    if (e.category !== cat) {
      cat = e.category;
      head.push(`**${escapeMd(cat ?? '')}**`, '');
    }
    head.push(`- ${escapeMd(e.title)} ${e.docNumber ?? ''}（第${e.page ?? '?'}页）`);
  }
  head.push('');
  return [head.join('\n'), ...p.documents.map(documentMd)].join('\n---\n\n');
}
