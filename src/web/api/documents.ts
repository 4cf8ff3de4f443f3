// /api/documents…: the paginated list, one document (JSON, Markdown, source
// lines, citations, responsibilities CSV), lookup by 发文字号, the CSV of all.
import type { Hono } from 'hono';
import type { Env } from '../env.js';
import type { UnitRef } from '../../extract/types.js';
import { normalizeDocNumber } from '../../parse/docnumber.js';
import { documentIdByNumber, getDocument, listDocuments, originalFile, sourceLines } from '../services/library.js';
import { getDocumentMarkdown } from '../services/markdown.js';
import { attachment, csvResponse } from './csv.js';
import { documentUrl, presentCitations, presentDocument, presentSummary } from './presenters.js';
import { docNumberParams, documentsQuery, idParams, paramsOf, queryOf, validate } from './schemas.js';

const units = (refs: UnitRef[] | undefined) => (refs ?? []).map((u) => u.name).join('、');
const lines = (r: [number, number]) => (r[0] === r[1] ? String(r[0]) : `${r[0]}-${r[1]}`);

const ORIGINAL_TYPE: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'application/octet-stream',
};

export const DOCUMENT_CSV_HEADER = ['发文字号', '标题', '发文机关', '成文日期', '栏目', '有效性'];

export function registerDocuments(app: Hono<Env>): void {
  app.get('/api/documents', (c) => {
    const q = validate(documentsQuery, queryOf(c));
    const { total, items } = listDocuments(c.get('deps').db, {
      today: c.get('today'), limit: q.pageSize, offset: (q.page - 1) * q.pageSize, year: q.year,
    });
    const more = q.page * q.pageSize < total && q.page < 1000;
    const nextQuery = new URLSearchParams({ page: String(q.page + 1), pageSize: String(q.pageSize), ...(q.year ? { year: String(q.year) } : {}) });
    return c.json({ total, page: q.page, pageSize: q.pageSize, items: items.map(presentSummary), next: more ? `/api/documents?${nextQuery}` : null });
  });

  app.get('/api/documents.csv', (c) => {
    const { items } = listDocuments(c.get('deps').db, { today: c.get('today'), limit: -1, offset: 0 });
    const rows = items.map((d) => [d.docNumber, d.title, d.issuer, d.date, d.category, d.status]);
    return csvResponse(c, `公报通-公文目录-${c.get('today')}.csv`, `documents-${c.get('today')}.csv`, DOCUMENT_CSV_HEADER, rows);
  });

  // Registered before `/api/documents/:id/…` so that `by-number/source` is a 文号, not an id.
  app.get('/api/documents/by-number/:docNumber', (c) => {
    const { docNumber } = validate(docNumberParams, paramsOf(c));
    const { db } = c.get('deps');
    const id = documentIdByNumber(db, normalizeDocNumber(docNumber) ?? docNumber.trim());
    return c.json(presentDocument(getDocument(db, id, c.get('today'))));
  });

  app.get('/api/documents/:file{[^/]+\\.md}', (c) => {
    const { id } = validate(idParams, { id: c.req.param('file').slice(0, -'.md'.length) });
    const md = getDocumentMarkdown(c.get('deps').db, id);
    return c.body(`${md.markdown.trimEnd()}\n`, 200, {
      'Content-Type': 'text/markdown; charset=utf-8',
      'Content-Disposition': attachment(`${md.docNumber ?? md.title}.md`, `document-${id}.md`),
    });
  });

  app.get('/api/documents/:id', (c) => {
    const { id } = validate(idParams, paramsOf(c));
    return c.json(presentDocument(getDocument(c.get('deps').db, id, c.get('today'))));
  });

  app.get('/api/documents/:id/source', (c) => {
    const { id } = validate(idParams, paramsOf(c));
    return c.json({ documentId: id, url: documentUrl(id), lines: sourceLines(c.get('deps').db, id) });
  });

  // The original file, always as a download: a saved web page is never served as a page of this site.
  app.get('/api/documents/:id/original', (c) => {
    const { id } = validate(idParams, paramsOf(c));
    const f = originalFile(c.get('deps').db, id);
    return c.body(new Uint8Array(f.bytes), 200, {
      'Content-Type': ORIGINAL_TYPE[f.encoding] ?? (/^utf-?8|gb/i.test(f.encoding) ? `text/plain; charset=${f.encoding}` : 'application/octet-stream'),
      'Content-Disposition': attachment(f.name, `document-${id}-original${/\.[A-Za-z0-9]{1,5}$/.exec(f.name)?.[0] ?? ''}`),
      'X-Content-Type-Options': 'nosniff',
      ETag: `"${f.sha256}"`,
    });
  });

  app.get('/api/documents/:id/citations', (c) => {
    const { id } = validate(idParams, paramsOf(c));
    return c.json(presentCitations(getDocument(c.get('deps').db, id, c.get('today'))));
  });

  app.get('/api/documents/:id/responsibilities.csv', (c) => {
    const { id } = validate(idParams, paramsOf(c));
    const view = getDocument(c.get('deps').db, id, c.get('today'));
    const rows = view.doc.responsibilities.map((r, k) => [
      k + 1, r.title ?? '', r.task, units(r.leadUnits), units(r.responsibleUnits), units(r.cooperatingUnits), units(r.inherited),
      r.deadline?.text, r.deadline?.date, r.outlineId, lines(r.lines), r.clause,
    ]);
    const name = view.summary.docNumber ?? `公文${id}`;
    return csvResponse(c, `${name}-责任分工.csv`, `document-${id}-responsibilities.csv`,
      ['序号', '任务名称', '任务', '牵头单位', '责任单位', '配合单位', '承继单位', '期限', '期限日期', '提纲编号', '原文行', '原文条款'], rows);
  });
}
