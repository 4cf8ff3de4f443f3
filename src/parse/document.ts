// Assemble one ParsedDocument from its lines: skeleton (anatomy), tables,
// paragraphs, outline, TOC match and diagnostics.
import type { SourceLine } from '../text/lines.js';
import { compact } from '../text/lines.js';
import type { Attachment, Block, Diagnostic, Enclosure, LineRange, OutlineNode, ParsedDocument, TocEntry } from './types.js';
import type { DocHeader } from './split.js';
import {
  enclosedName, findAttachmentHeaders, findAttachmentNotes, findRecipients, findSignature, splitRecipients, TRANSMITTING,
  type AttachmentHeader, type Signature,
} from './anatomy.js';
import { extractTables } from './tables.js';
import { buildBlocks } from './blocks.js';
import { buildOutline } from './outline.js';
import { issuerFromTitle, transmittedOrgan } from './organs.js';

const nextNonBlank = (lines: SourceLine[], i: number, end: number): number => {
  for (let j = i + 1; j < end; j++) if (!lines[j]!.blank) return j;
  return -1;
};

function lastContentLine(lines: SourceLine[], start: number, end: number): number {
  for (let j = end - 1; j > start; j--) if (!lines[j]!.blank) return j;
  return start;
}

/** Match a document to its TOC entry: by 文号 first, then by title. */
export function matchToc(toc: TocEntry[], docNumber: string | null, title: string): TocEntry | undefined {
  return (docNumber ? toc.find((e) => e.docNumber === docNumber) : undefined) ?? toc.find((e) => e.title === title);
}

interface Segment {
  idPrefix: string;
  from: number;
  to: number;
}

export function parseDocument(lines: SourceLine[], header: DocHeader, endExclusive: number, toc: TocEntry[]): ParsedDocument {
  const diagnostics: Diagnostic[] = [];
  const start = header.start;
  const last = lastContentLine(lines, start, endExclusive);
  const end = last + 1;
  // Indices can reach one past the last line when a document ends at its 文号.
  const at = (i: number) => lines[Math.min(Math.max(i, 0), lines.length - 1)]!.no;
  // The 文号 prints below the title, or above it on republished pages.
  const afterHeader = Math.max(header.numberLine, header.titleLines[header.titleLines.length - 1]!) + 1;

  const recipients = findRecipients(lines, afterHeader, end);
  const bodyStart = recipients ? recipients.lines[recipients.lines.length - 1]! + 1 : afterHeader;
  const signature = findSignature(lines, bodyStart, end);
  const afterSignature = signature ? signature.dateLine + 1 : bodyStart;

  // Attachments print after the signature; without one, only bare `附件N` labels count.
  const headers = findAttachmentHeaders(lines, afterSignature, end).filter(
    (h) => signature || h.titleLine !== h.line,
  );
  const firstAttachment = headers[0]?.line ?? end;

  let enclosure: Enclosure | null = null;
  let enclosureStart = -1;
  if (signature && (header.order || TRANSMITTING.test(header.title))) {
    const k = nextNonBlank(lines, signature.dateLine, end);
    if (k >= 0 && k < firstAttachment && lines[k]!.cells === null) {
      const expected = enclosedName(lines.slice(bodyStart, signature.organLine).map((l) => l.text).join(''));
      let title = compact(lines[k]!.text);
      let titleEnd = k;
      const k2 = nextNonBlank(lines, k, firstAttachment);
      if (expected && title !== expected && k2 >= 0 && compact(title + lines[k2]!.text) === expected) {
        title = expected;
        titleEnd = k2;
      }
      enclosureStart = k;
      enclosure = { title, lines: [at(k), at(lastContentLine(lines, k, firstAttachment))] };
      if (expected && title !== expected) {
        diagnostics.push({ severity: 'info', code: 'enclosure-title-differs', message: `印发的文件标题与通知所引《${expected}》不一致`, line: at(k) });
      }
      void titleEnd;
    }
  }

  const attachments = collectAttachments(lines, headers, end, bodyStart, diagnostics);

  const slice = lines.slice(start, end);
  const tableScan = extractTables(slice);
  diagnostics.push(...tableScan.diagnostics);

  const standalone = new Set<number>();
  if (signature) standalone.add(signature.organLine).add(signature.dateLine);
  if (enclosureStart >= 0) standalone.add(enclosureStart);
  for (const h of headers) {
    standalone.add(h.line);
    if (h.titleLine >= 0) standalone.add(h.titleLine);
  }
  const head: Block[] = [
    { kind: 'heading', text: header.title, lines: [at(header.titleLines[0]!), at(header.titleLines[header.titleLines.length - 1]!)] },
  ];
  if (header.numberLine >= 0) head.push({ kind: 'paragraph', text: header.docNumber ?? compact(lines[header.numberLine]!.text), lines: [at(header.numberLine), at(header.numberLine)] });
  if (recipients) head.push({ kind: 'paragraph', text: recipients.text, lines: [at(recipients.lines[0]!), at(recipients.lines[recipients.lines.length - 1]!)] });
  const body = buildBlocks(lines, bodyStart, end, standalone, tableScan.tables, tableScan.consumed);
  diagnostics.push(...body.diagnostics);
  const blocks = [...head, ...body.blocks];

  const segments: Segment[] = [];
  const mainEnd = enclosureStart >= 0 ? enclosureStart : firstAttachment;
  segments.push({ idPrefix: 'o', from: at(bodyStart), to: at(Math.max(bodyStart, mainEnd - 1)) });
  if (enclosureStart >= 0) segments.push({ idPrefix: 'e', from: at(enclosureStart), to: at(firstAttachment - 1) });
  headers.forEach((h, n) => segments.push({ idPrefix: `a${n + 1}-`, from: at(h.line), to: at((headers[n + 1]?.line ?? end) - 1) }));
  const outline: OutlineNode[] = [];
  for (const s of segments) {
    const inSeg = body.blocks.filter((b) => b.lines[0] >= s.from && b.lines[0] <= s.to);
    const o = buildOutline(inSeg, { idPrefix: s.idPrefix });
    outline.push(...o.nodes);
    diagnostics.push(...o.diagnostics);
  }

  const tocEntry = matchToc(toc, header.docNumber, header.title);
  if (toc.length && !tocEntry) {
    diagnostics.push({ severity: 'warning', code: 'toc-body-mismatch', message: `目录中没有找到本文件：${header.title}`, line: at(start) });
  } else if (tocEntry && tocEntry.title !== header.title) {
    diagnostics.push({ severity: 'info', code: 'toc-title-differs', message: `目录标题与正文标题不一致：目录为“${tocEntry.title}”`, line: at(start) });
  }
  if (header.repaired) {
    diagnostics.push({ severity: 'info', code: 'docnumber-bracket-repaired', message: `发文字号的括号或空格已规范为 ${header.docNumber}`, line: at(header.numberLine) });
  }
  if (!signature) {
    diagnostics.push({ severity: 'warning', code: 'missing-date', message: '未找到发文机关署名和成文日期', line: at(start) });
  }

  const noticeText = signature ? lines.slice(bodyStart, signature.organLine).map((l) => l.text).join('') : '';
  const named = enclosedName(noticeText) ?? enclosure?.title ?? null;
  // A 令's title is the name of what it promulgates; its heading stays in `order`.
  const title = header.order && named ? named : header.title;
  const issuer = chooseIssuer(header, signature, diagnostics, at(start));
  const transmitted = /转发|批转/.test(header.title) ? { organ: transmittedOrgan(header.title), title: named } : null;

  return {
    docNumber: header.docNumber,
    title,
    issuer,
    date: signature?.date ?? null,
    recipients: recipients ? splitRecipients(recipients.text) : [],
    category: tocEntry?.category ?? null,
    tocPage: tocEntry?.page ?? null,
    lines: [at(start), at(last)],
    text: blocks.map((b) => b.text).join('\n'),
    outline,
    tables: tableScan.tables,
    enclosures: enclosure ? [enclosure] : [],
    attachments,
    diagnostics,
    ...(transmitted ? { transmits: transmitted } : {}),
    ...(header.order ? { order: header.order } : {}),
    signatureLines: signature ? [at(signature.organLine), at(signature.dateLine)] : null,
    blocks,
  };
}

const sameOrgan = (a: string, b: string) => a.replace(/[、\s]/g, '') === b.replace(/[、\s]/g, '');

/**
 * The issuer: a 令's organ; else the organ the title names (the transmitting
 * organ of a 转发 notice); but where the signature names another organ, the
 * document is what it signs, and the disagreement is reported.
 */
function chooseIssuer(header: DocHeader, signature: Signature | null, diagnostics: Diagnostic[], line: number): string | null {
  if (header.order) return header.order.organ;
  const fromTitle = issuerFromTitle(header.title);
  const signed = signature && !signature.signer ? signature.organ : null;
  if (fromTitle && signed && !sameOrgan(fromTitle, signed)) {
    diagnostics.push({ severity: 'warning', code: 'issuer-differs', message: `标题中的发文机关“${fromTitle}”与署名“${signed}”不一致，以署名为准`, line });
    return signed;
  }
  return fromTitle ?? signed ?? null;
}

function collectAttachments(
  lines: SourceLine[],
  headers: AttachmentHeader[],
  end: number,
  bodyStart: number,
  diagnostics: Diagnostic[],
): Attachment[] {
  const at = (i: number) => lines[i]!.no;
  const present: Attachment[] = headers.map((h, n) => {
    const to = (headers[n + 1]?.line ?? end) - 1;
    return { label: h.label, title: h.title, present: true, lines: [at(h.line), at(to)] as LineRange };
  });
  const notes = findAttachmentNotes(lines, bodyStart, headers[0]?.line ?? end);
  const missing: Attachment[] = [];
  const seen = new Set<string>();
  for (const n of notes) {
    const key = n.title ?? n.label;
    if (seen.has(key)) continue;
    seen.add(key);
    const matched = present.some(
      (p) => p.label === n.label || (n.title && p.title && compact(p.title) === compact(n.title)) || (n.label === '附件' && !n.title),
    );
    if (matched) continue;
    missing.push({ label: n.label, title: n.title, present: false, lines: [at(n.line), at(n.line)] });
    diagnostics.push({ severity: 'warning', code: 'attachment-missing', message: `正文提到${n.label}${n.title ? `《${n.title}》` : ''}，但本期未刊登`, line: at(n.line) });
  }
  return [...present, ...missing];
}
