// Parse one gazette issue: cover → TOC → document headers → documents.
import { GongbaoError } from '../errors.js';
import { decodeText } from '../text/decode.js';
import { toSourceLines, type SourceLine } from '../text/lines.js';
import type { Diagnostic, ParsedIssue, TocEntry } from './types.js';
import { scanCover } from './cover.js';
import { isTocHeading, parseToc } from './toc.js';
import { findHeaders, type DocHeader } from './split.js';
import { parseDocument } from './document.js';

export const PARSER_VERSION = '1.2.0';

const TOC_ENTRY_LINE = /^\d{1,3}\s*[、.．]/;

/** A header whose title is a TOC entry (`3、…`) is the TOC wrapping, not a document. */
const isRealHeader = (lines: SourceLine[], h: DocHeader) => !h.titleLines.some((i) => TOC_ENTRY_LINE.test(lines[i]!.text));

/** The issue's 目录: the first `目录` line, unless a document starts before it (then it is an enclosure's own). */
function issueTocAt(lines: SourceLine[]): number {
  const at = lines.findIndex(isTocHeading);
  if (at < 0) return -1;
  return findHeaders(lines, 0, [], at).some((h) => isRealHeader(lines, h)) ? -1 : at;
}

/** One note per running header or footer that was learned and removed. */
function runningHeadNotes(lines: SourceLine[]): Diagnostic[] {
  const seen = new Map<string, { line: number; n: number }>();
  for (const l of lines) {
    if (!l.runningHead) continue;
    const k = l.raw.replace(/\s+/g, '');
    const s = seen.get(k);
    if (s) s.n++;
    else seen.set(k, { line: l.no, n: 1 });
  }
  return [...seen].map(([k, s]) => ({ severity: 'info', code: 'running-head-removed', message: `分页处重复的页眉页脚已去除（${s.n}处）：${k.slice(0, 40)}`, line: s.line }));
}

export interface ParseOptions {
  file?: string;
}

export function parseIssueText(text: string, opts: ParseOptions = {}): ParsedIssue {
  return parseLines(toSourceLines(text), opts);
}

/** Parse already-split source lines (the pipeline keeps them for extraction). */
export function parseLines(lines: SourceLine[], opts: ParseOptions = {}): ParsedIssue {
  const diagnostics: Diagnostic[] = runningHeadNotes(lines);
  const tocAt = issueTocAt(lines);
  const from = tocAt >= 0 ? tocAt + 1 : 0;

  const provisional = findHeaders(lines, from, []).filter((h) => isRealHeader(lines, h));
  const tocEnd = provisional[0]?.start ?? lines.length;
  let toc: TocEntry[] = [];
  if (tocAt >= 0) {
    const scan = parseToc(lines.slice(from, tocEnd));
    toc = scan.entries;
    diagnostics.push(...scan.diagnostics);
  }
  const headers = findHeaders(lines, tocAt >= 0 ? tocEnd : 0, toc).filter((h) => isRealHeader(lines, h));
  if (!headers.length) {
    throw new GongbaoError('input-not-gazette', '没有找到任何公文（标题与发文字号），这不像一期政府公报', opts.file ? { file: opts.file } : {});
  }
  const cover = scanCover(lines.slice(0, tocAt >= 0 ? tocAt : headers[0]!.start));
  const issue = cover.meta;
  for (const no of cover.residue) {
    diagnostics.push({ severity: 'info', code: 'unparsed-residue', message: `封面上无法识别的文字：${lines[no - 1]!.text.slice(0, 40)}`, line: no });
  }
  // No 目录 and no gazette name: the input is one 公文 (or a few), not an issue.
  if (tocAt < 0 && !issue.gazette) issue.standalone = true;
  else if (!issue.gazette) {
    diagnostics.push({ severity: 'warning', code: 'cover-missing', message: '没有找到封面上的公报名称', line: 1 });
  }

  const documents = headers.map((h, k) => parseDocument(lines, h, headers[k + 1]?.start ?? lines.length, toc));

  const found = new Set(documents.map((d) => d.docNumber));
  const titles = new Set(documents.map((d) => d.title));
  for (const e of toc) {
    if ((!e.docNumber || !found.has(e.docNumber)) && !titles.has(e.title)) {
      diagnostics.push({ severity: 'warning', code: 'toc-body-mismatch', message: `目录列出的文件在正文中没有找到：${e.title}`, line: e.lines[0] });
    }
  }
  return { parserVersion: PARSER_VERSION, issue, toc, documents, diagnostics };
}

export function parseIssueBytes(bytes: Uint8Array, opts: ParseOptions = {}): ParsedIssue {
  const decoded = decodeText(bytes, opts.file);
  return parseIssueText(decoded.text, opts);
}
