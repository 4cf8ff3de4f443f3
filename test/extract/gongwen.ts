// A single 公文 as source text (title, 发文字号, recipients, body, signature,
// date), analyzed through the whole pipeline, for extractor tests. Body items
// are paragraphs separated by blank lines; an item may hold several lines
// (table rows, tab-separated).
import { analyzeIssueBytes } from '../../src/pipeline.js';
import type { AnalyzedDocument } from '../../src/extract/index.js';

export function gongwen(body: string[], title = '五台县人民政府办公室关于印发五台县2024年重点工作任务分工的通知'): string {
  return [title, '五政办发〔2024〕12号', '各乡（镇）人民政府，县直各单位：', ...body, '五台县人民政府办公室', '2024年3月1日'].join('\n\n') + '\n';
}

/** The one document of a 公文 text. */
export function analyzeOne(body: string[], title?: string): { doc: AnalyzedDocument; text: string } {
  const text = gongwen(body, title);
  const docs = analyzeIssueBytes(Buffer.from(text)).documents;
  if (docs.length !== 1) throw new Error(`expected one document, got ${docs.length}`);
  return { doc: docs[0]!, text };
}

/** The 1-based line of the first line holding `needle`. */
export const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
