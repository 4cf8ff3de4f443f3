// One document as Markdown. The library stores documents without their
// blocks, so the document is parsed again from its issue's original bytes
// (a few tens of milliseconds) and rendered like `gongbao parse --markdown`.
import { GongbaoError } from '../../errors.js';
import { documentMarkdown, escapeMd } from '../../parse/markdown.js';
import { parseLines } from '../../parse/issue.js';
import type { Db } from '../../store/db.js';
import { storedText } from '../../store/sources.js';
import { toSourceLines } from '../../text/lines.js';

export interface DocumentMarkdown {
  id: number;
  docNumber: string | null;
  title: string;
  markdown: string;
}

export function getDocumentMarkdown(db: Db, id: number): DocumentMarkdown {
  const row = db.prepare(`SELECT d.doc_number AS docNumber, d.title, d.seq, d.line_start AS lineStart, d.text, s.bytes, s.text AS sourceText, s.file_name AS file
    FROM documents d JOIN issues i ON i.id = d.issue_id JOIN sources s ON s.id = i.source_id WHERE d.id = ?`).get(id) as
    | { docNumber: string | null; title: string; seq: number; lineStart: number; text: string; bytes: Buffer; sourceText: string | null; file: string }
    | undefined;
  if (!row) throw new GongbaoError('not-found', '没有这件公文');
  const parsed = parseLines(toSourceLines(storedText({ bytes: row.bytes, text: row.sourceText, file_name: row.file })), { file: row.file });
  const doc = parsed.documents.find((d) => d.lines[0] === row.lineStart) ?? parsed.documents[row.seq];
  const markdown =
    doc && doc.title === row.title
      ? documentMarkdown(doc)
      : // The parser changed since ingest: fall back to the stored clean text, one paragraph per line.
        [`## ${escapeMd(row.title)}`, '', ...(row.docNumber ? [`- 发文字号：${escapeMd(row.docNumber)}`, ''] : []),
          ...row.text.split('\n').slice(1).flatMap((p) => [escapeMd(p), ''])].join('\n');
  return { id, docNumber: row.docNumber, title: row.title, markdown };
}
