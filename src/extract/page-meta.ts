// A saved web page states a document's metadata in a table of its own (索引号,
// 主题分类, 发文机关, 成文日期, 发文字号, 发布日期). It is kept as the page states
// it, on the document it describes, and compared with what the text says: a
// disagreement is a warning for the editor, never a silent correction (the
// page's table and the document's text are both the publisher's words).
import { normalizeDocNumber } from '../parse/docnumber.js';
import { findDate } from '../parse/dates.js';
import type { AnalyzedIssue } from './index.js';

const flat = (s: string | null | undefined) => (s ?? '').normalize('NFKC').replace(/\s+/g, '');

/** Which of an issue's documents the page describes: the one with its 文号, else the only one. */
function described(issue: AnalyzedIssue, meta: Record<string, string>) {
  const number = meta['发文字号'] ? normalizeDocNumber(meta['发文字号']) : null;
  return issue.documents.find((d) => number && d.docNumber === number) ?? (issue.documents.length === 1 ? issue.documents[0] : undefined);
}

/** Keep the page's metadata on its document and warn where the text says otherwise. */
export function applyPageMeta(issue: AnalyzedIssue, meta: Record<string, string> | undefined): void {
  if (!meta || !Object.keys(meta).length) return;
  const d = described(issue, meta);
  if (!d) return;
  d.pageMeta = { ...meta };
  const differs: string[] = [];
  const number = meta['发文字号'] ? normalizeDocNumber(meta['发文字号']) ?? flat(meta['发文字号']) : null;
  if (number && number !== d.docNumber) differs.push(`发文字号“${meta['发文字号']}”，正文为“${d.docNumber ?? '无'}”`);
  const date = meta['成文日期'] ? findDate(meta['成文日期']) : null;
  if (date && date !== d.date) differs.push(`成文日期“${meta['成文日期']}”，正文为“${d.date ?? '无'}”`);
  const issuer = flat(meta['发文机关']);
  if (issuer && issuer !== flat(d.issuer)) differs.push(`发文机关“${meta['发文机关']}”，正文为“${d.issuer ?? '无'}”`);
  const title = flat(meta['标题']);
  // A 令's page names what it promulgates; the text's title may be the 令's own heading: either may contain the other.
  if (title && !flat(d.title).includes(title) && !title.includes(flat(d.title))) differs.push(`标题“${meta['标题']}”，正文为“${d.title}”`);
  for (const what of differs) {
    d.diagnostics.push({ severity: 'warning', code: 'page-meta-mismatch', message: `网页元数据与正文不一致：${what}`, line: d.lines[0] });
  }
}
