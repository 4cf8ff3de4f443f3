// Editors load files from the browser or the API (office role only): the same
// input stage and ingest as the CLI; a refused file writes nothing and is
// audited; the document page then offers the original for download.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.js';
import type { createApp } from '../../src/web/app.js';
import { minimalPdf } from '../formats/make-pdf.js';
import { libraryWithEditors, svClient, type Login } from './sv-client.js';

const TXT = join(import.meta.dirname, '../../../shared/corpora/govcn/govcn-05.txt');
const SAMPLE = join(import.meta.dirname, '../../data/samples/wutai-2022-no1.txt');
let db: Db;
let app: ReturnType<typeof createApp>;
const { get } = svClient(() => app);
let office: Login;
let unit: Login;

const upload = (who: Login, name: string, bytes: Uint8Array, path = '/api/supervision/library/files', csrf = true) => {
  const form = new FormData();
  form.set('file', new File([bytes], name));
  if (path.startsWith('/supervise')) form.set('_csrf', who.csrf);
  return app.request(path, { method: 'POST', headers: { cookie: who.cookie, ...(csrf ? { 'x-csrf-token': who.csrf } : {}) }, body: form });
};
const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const audits = () => db.prepare("SELECT target, allowed, detail FROM audit_log WHERE action = 'ingest' ORDER BY id").all() as { target: string; allowed: number; detail: string }[];

beforeAll(async () => {
  ({ db, app, office, unit } = await libraryWithEditors());
});

describe('loading a file from the browser or the API', () => {
  it('ingests a file for the office, once, and audits it', async () => {
    const bytes = readFileSync(TXT);
    const res = await upload(office, '综保区意见.txt', bytes);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ status: 'added', documents: 1 });
    const again = await upload(office, '综保区意见.txt', bytes);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: 'unchanged' });
    expect(count('sources')).toBe(1);
    expect(audits().map((a) => a.allowed)).toEqual([1, 1]);
  });
  it('offers the original for download on the document page', async () => {
    const { id } = db.prepare('SELECT id FROM documents').get() as { id: number };
    const page = await (await get(null, `/documents/${id}`)).text();
    expect(page).toContain(`/api/documents/${id}/original`);
    const file = await get(null, `/api/documents/${id}/original`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/attachment;.*filename\*=UTF-8''%E7%BB%BC/);
    expect(Buffer.compare(Buffer.from(await file.arrayBuffer()), readFileSync(TXT))).toBe(0);
  });
  it('refuses an encrypted PDF in one line, writes nothing, and audits the refusal', async () => {
    const before = count('sources');
    const res = await upload(office, 'secret.pdf', minimalPdf({ encrypt: true }));
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toMatch(/加密/);
    expect(count('sources')).toBe(before);
    expect(audits().at(-1)).toMatchObject({ target: 'file:secret.pdf', allowed: 0 });
  });
  it('shows the refusal on the page, with the form again', async () => {
    const res = await upload(office, 'secret.pdf', minimalPdf({ encrypt: true }), '/supervise/upload', false);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('secret.pdf: PDF 文件已加密');
    expect(html).toContain('enctype="multipart/form-data"');
  });
  it('is for the office only: a unit gets an audited 403, without CSRF a 403', async () => {
    expect((await upload(unit, 'x.txt', readFileSync(TXT))).status).toBe(403);
    expect((await upload(office, 'x.txt', readFileSync(TXT), undefined, false)).status).toBe(403);
    expect((await get(unit, '/supervise/upload')).status).toBe(403);
    expect(count('sources')).toBe(1);
  });
  it('refuses a copy that loses documents unless the editor confirms the replacement', async () => {
    const issue = readFileSync(SAMPLE, 'utf8');
    const cut = issue.split('\n').slice(0, Math.floor(issue.split('\n').length / 3)).join('\n');
    expect((await upload(office, 'issue.txt', Buffer.from(issue))).status).toBe(201);
    const current = () => count('documents WHERE is_current = 1');
    const before = current();
    const refused = await upload(office, 'cut.txt', Buffer.from(cut));
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toMatch(/只有 \d 件公文（当前版本 9 件.*确认替换/);
    expect(current()).toBe(before);
    const form = new FormData();
    form.set('file', new File([Buffer.from(cut)], 'cut.txt'));
    form.set('replace', '1');
    const replaced = await app.request('/api/supervision/library/files', { method: 'POST', headers: { cookie: office.cookie, 'x-csrf-token': office.csrf }, body: form });
    expect(replaced.status).toBe(201);
    expect(current()).toBeLessThan(before);
  });
  it('stops reading an upload past the size limit, chunked or not', async () => {
    const { MAX_UPLOAD_BYTES } = await import('../../src/web/supervise/upload.js');
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1024);
    const before = count('sources');
    const res = await upload(office, 'huge.txt', big);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/文件过大/);
    expect(count('sources')).toBe(before);
  });
  it('lists what was loaded on the upload page', async () => {
    const html = await (await get(office, '/supervise/upload')).text();
    expect(html).toContain('综保区意见.txt');
    expect(html).toContain('国发〔2019〕3号');
    expect(html).toContain('确认替换');
  });
});
