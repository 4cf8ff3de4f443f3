// bytes → (PDF, DOCX, web page or) text → lines → parse → extract: the whole analysis of one issue.
import { loadSource, readSource, type SourceText } from './formats/index.js';
import type { PdfOptions } from './formats/pdf.js';
import { toSourceLines, type SourceLine } from './text/lines.js';
import { parseLines } from './parse/issue.js';
import { extractIssue, type AnalyzedIssue } from './extract/index.js';
import type { UnitRegistry } from './extract/units.js';
import { applyPageMeta } from './extract/page-meta.js';
import { applySourcePages } from './extract/source-pages.js';

export interface AnalyzeOptions {
  file?: string;
  registry?: UnitRegistry;
}

/** Analyze what the input stage read, keeping the lines; its own diagnostics (OCR) come first. */
export function analyzeWithLines(source: SourceText, opts: AnalyzeOptions = {}): { analyzed: AnalyzedIssue; lines: SourceLine[] } {
  const lines = toSourceLines(source.text);
  const analyzed = extractIssue(parseLines(lines, opts), lines, opts.registry);
  applyPageMeta(analyzed, source.meta);
  applySourcePages(analyzed, source);
  if (source.diagnostics?.length) analyzed.diagnostics = [...source.diagnostics, ...analyzed.diagnostics];
  return { analyzed, lines };
}

export const analyzeSource = (source: SourceText, opts: AnalyzeOptions = {}): AnalyzedIssue => analyzeWithLines(source, opts).analyzed;

/** Text, DOCX or a web page, synchronously. */
export function analyzeIssueBytes(bytes: Uint8Array, opts: AnalyzeOptions = {}): AnalyzedIssue {
  return analyzeSource(readSource(bytes, opts.file), opts);
}

/** Any input, a PDF included. */
export async function analyzeBytes(bytes: Uint8Array, opts: AnalyzeOptions & { pdf?: PdfOptions } = {}): Promise<AnalyzedIssue> {
  return analyzeSource(await loadSource(bytes, opts.file, opts.pdf), opts);
}
