// Where each document of a PDF is: the PDF pages its lines start on, with the
// page numbers printed there. The 目录 gives each document's page; a document
// that starts on another printed page is pointed out to the editor (info: the
// 目录 may count from another page, as a cover does not carry a number).
import type { SourceText } from '../formats/index.js';
import type { AnalyzedIssue } from './index.js';

export function applySourcePages(issue: AnalyzedIssue, source: SourceText): void {
  const positions = source.positions;
  if (!positions) return;
  const at = (from: number, to: number, step: 1 | -1) => {
    for (let n = from; step > 0 ? n <= to : n >= to; n += step) {
      const p = positions[n - 1];
      if (p) return p.page;
    }
    return null;
  };
  const printed = (page: number | null) => (page === null ? null : source.printedPages?.[page - 1] ?? null);
  for (const d of issue.documents) {
    const from = at(d.lines[0], d.lines[1], 1);
    const to = at(d.lines[1], d.lines[0], -1);
    if (from === null || to === null) continue;
    d.pdfPages = { from, to, printedFrom: printed(from), printedTo: printed(to) };
    const start = d.pdfPages.printedFrom;
    if (d.tocPage && start !== null && start !== d.tocPage) {
      d.diagnostics.push({ severity: 'info', code: 'toc-page-differs', message: `目录列为第 ${d.tocPage} 页，正文从印刷页码第 ${start} 页（PDF 第 ${from} 页）开始`, line: d.lines[0] });
    }
  }
}
