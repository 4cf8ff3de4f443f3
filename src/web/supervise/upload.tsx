// Editors (office role) load files into the library from the browser or the
// API, through the same input stage and ingest as `gongbao ingest`: a PDF,
// DOCX, saved web page or text; refused files write nothing. Every attempt is
// audited, a refusal with its reason.
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { GongbaoError, isGongbaoError } from '../../errors.js';
import { actorOf } from '../../supervise/auth.js';
import { audit } from '../../store/audit.js';
import { ingestFile, type IngestResult } from '../../store/ingest.js';
import type { Db } from '../../store/db.js';
import { renderPage } from '../pages/layout.js';
import { requireRole, ROLE_GROUPS, type SvContext, type SvEnv } from './context.js';
import { toLogin } from './pages.js';
import { UploadPage, type RecentSource } from './ui/upload.js';

/** An upload larger than this is refused before it is read (a 100-page issue as PDF is a few MB; scans more). */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

function recentSources(db: Db, limit = 10): RecentSource[] {
  const rows = db.prepare(`SELECT s.id, s.file_name AS file, s.encoding, s.ingested_at AS ingestedAt FROM sources s
    ORDER BY s.id DESC LIMIT ?`).all(limit) as (Omit<RecentSource, 'documents'> & { id: number })[];
  const docs = db.prepare(`SELECT d.id, d.doc_number AS docNumber, d.title FROM documents d JOIN issues i ON i.id = d.issue_id
    WHERE i.source_id = ? ORDER BY d.seq`);
  return rows.map(({ id, ...r }) => ({ ...r, documents: docs.all(id) as RecentSource['documents'] }));
}

/** The uploaded file of a multipart body (field `file`). */
async function uploaded(c: SvContext): Promise<{ name: string; bytes: Uint8Array; replace: boolean }> {
  // The size is bounded before this by uploadLimit.
  const body = await c.req.parseBody();
  const file = body.file;
  if (!file || typeof file === 'string') throw new GongbaoError('bad-argument', '请选择要载入的文件');
  const name = (file.name || 'upload').replace(/[\\/]/g, '_').slice(0, 200);
  return { name, bytes: new Uint8Array(await file.arrayBuffer()), replace: body.replace === '1' || body.replace === 'true' || body.replace === 'on' };
}

/** Ingest the upload, auditing the outcome; a refusal is audited and thrown. */
async function ingestUpload(c: SvContext): Promise<IngestResult> {
  const s = requireRole(c, ROLE_GROUPS.office, 'ingest');
  const { db, now } = c.get('deps');
  let name = '';
  try {
    const file = await uploaded(c);
    name = file.name;
    const result = await ingestFile(db, file.bytes, file.name, { now, replace: file.replace });
    audit(db, now().toISOString(), actorOf(s.user), 'ingest', `file:${name}`, true, `${result.status}：${result.documents} 件公文`);
    return result;
  } catch (e) {
    if (isGongbaoError(e)) audit(db, now().toISOString(), actorOf(s.user), 'ingest', `file:${name}`, false, e.message);
    throw e;
  }
}

/** Stops reading a body past the limit, chunked or not (Content-Length alone can be absent). Registered before the CSRF check, which reads form bodies. */
export const UPLOAD_PATHS = ['/supervise/upload', '/api/supervision/library/files'];
export const uploadLimit = bodyLimit({
  maxSize: MAX_UPLOAD_BYTES,
  onError: () => {
    throw new GongbaoError('bad-argument', `文件过大（上限 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB）`);
  },
});

export function registerUpload(app: Hono<SvEnv>): void {
  app.get('/supervise/upload', (c) => {
    if (!c.get('session')) return toLogin(c);
    const s = requireRole(c, ROLE_GROUPS.office, 'ingest');
    return c.html(renderPage(<UploadPage session={s} data={{ recent: recentSources(c.get('deps').db) }} />));
  });

  app.post('/supervise/upload', async (c) => {
    const s = requireRole(c, ROLE_GROUPS.office, 'ingest');
    const db = c.get('deps').db;
    try {
      const result = await ingestUpload(c);
      return c.html(renderPage(<UploadPage session={s} data={{ result, recent: recentSources(db) }} />));
    } catch (e) {
      if (!isGongbaoError(e) || e.code === 'forbidden') throw e;
      // A version that would lose documents: the form again, with the confirmation to replace.
      const page = <UploadPage session={s} data={{ recent: recentSources(db) }} flash={{ kind: 'error', text: e.toLine() }} />;
      return c.html(renderPage(page), 400);
    }
  });

  app.post('/api/supervision/library/files', async (c) => {
    const result = await ingestUpload(c);
    return c.json(result, result.status === 'unchanged' ? 200 : 201);
  });
}
