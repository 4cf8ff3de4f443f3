// bytes → (DOCX, web page or) text → lines → parse → extract: the whole analysis of one issue.
import { readSource } from './formats/index.js';
import { toSourceLines } from './text/lines.js';
import { parseLines } from './parse/issue.js';
import { extractIssue, type AnalyzedIssue } from './extract/index.js';
import type { UnitRegistry } from './extract/units.js';

export function analyzeIssueBytes(bytes: Uint8Array, opts: { file?: string; registry?: UnitRegistry } = {}): AnalyzedIssue {
  const { text } = readSource(bytes, opts.file);
  const lines = toSourceLines(text);
  return extractIssue(parseLines(lines, opts), lines, opts.registry);
}
