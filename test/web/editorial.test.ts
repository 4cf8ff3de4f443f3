// Editors' additions to a document (office role): a 主题分类 of their choosing
// and 政策解读 links, through the API and the forms; both survive a new
// version of the issue; every change is audited; other roles get a 403.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestBytes } from '../../src/store/ingest.js';
import { parseSubject, checkLink } from '../../src/store/editorial.js';
import type { Db } from '../../src/store/db.js';
import type { createApp } from '../../src/web/app.js';
import { libraryWithEditors, svClient, type Login } from './sv-client.js';

const TXT = join(import.meta.dirname, '../../../shared/corpora/govcn/govcn-05.txt');
let db: Db;
let app: ReturnType<typeof createApp>;
const { get, post } = svClient(() => app);
let office: Login;
let unit: Login;
let id: number;

const audits = () => db.prepare("SELECT action, target, allowed, detail FROM audit_log WHERE action IN ('set-subject', 'add-interpretation', 'remove-interpretation') ORDER BY id").all() as { action: string; allowed: number; detail: string }[];
const api = async (path: string) => (await (await get(null, path)).json()) as Record<string, any>;

beforeAll(async () => {
  ({ db, app, office, unit } = await libraryWithEditors());
  ingestBytes(db, readFileSync(TXT), 'govcn-05.txt');
  id = (db.prepare('SELECT id FROM documents WHERE is_current = 1').get() as { id: number }).id;
});

describe('rules of the input', () => {
  it('takes 大类 or 大类\\小类 of the gov.cn scheme, any slash', () => {
    expect(parseSubject('科技、教育\\教育')).toEqual({ category: '科技、教育', sub: '教育' });
    expect(parseSubject('科技、教育/教育')).toEqual({ category: '科技、教育', sub: '教育' });
    expect(parseSubject(' 综合政务 ')).toEqual({ category: '综合政务', sub: null });
    expect(() => parseSubject('教育')).toThrow(/大类为/);
    expect(() => parseSubject('科技、教育\\教育\\高校')).toThrow();
  });
  it('links only to this site or an http(s) address', () => {
    expect(checkLink('/documents/12')).toBe('/documents/12');
    expect(checkLink('https://www.gov.cn/zhengce/jiedu/x.htm')).toBe('https://www.gov.cn/zhengce/jiedu/x.htm');
    for (const bad of ['javascript:alert(1)', '//evil.example/x', '/\\evil.example/x', '/a\\b', 'data:text/html,x', 'ftp://x.example/', '解读']) expect(() => checkLink(bad), bad).toThrow(/http/);
  });
});

describe('an editor keeps a document’s 主题分类 and 政策解读', () => {
  it('overrides the rules’ 主题分类, shows it on the page and the API, and clears it again', async () => {
    const before = (await api(`/api/documents/${id}`)).subject;
    expect(before.source).toBe('rules');
    const res = await post(office, `/api/supervision/library/documents/${id}/subject`, { subject: '城乡建设、环境保护\\其他' });
    expect(res.status).toBe(200);
    const after = (await api(`/api/documents/${id}`)).subject;
    expect(after).toMatchObject({ category: '城乡建设、环境保护', sub: '其他', source: 'editor' });
    expect(await (await get(null, `/documents/${id}`)).text()).toContain('城乡建设、环境保护\\其他');
    expect((await post(office, `/api/supervision/library/documents/${id}/subject`, { subject: '不存在的类' })).status).toBe(400);
    await post(office, `/api/supervision/library/documents/${id}/subject`, { subject: null });
    expect((await api(`/api/documents/${id}`)).subject).toEqual(before);
    expect(audits().map((a) => [a.action, a.detail])).toEqual([['set-subject', '城乡建设、环境保护\\其他'], ['set-subject', '恢复按规则归类']]);
  });

  it('adds 政策解读 links shown under the document, escaped, and removes them', async () => {
    const res = await post(office, `/api/supervision/library/documents/${id}/interpretations`, { title: '一图读懂<综保区>', url: 'https://www.gov.cn/zhengce/jiedu/1.htm' });
    expect(res.status).toBe(201);
    const added = (await res.json()) as { id: number };
    const page = await (await get(null, `/documents/${id}`)).text();
    expect(page).toContain('id="interpretations"');
    expect(page).toContain('一图读懂&lt;综保区&gt;');
    expect(page).toContain('href="https://www.gov.cn/zhengce/jiedu/1.htm" rel="noopener noreferrer"');
    expect((await api(`/api/documents/${id}`)).interpretations).toHaveLength(1);
    expect((await post(office, `/api/supervision/library/documents/${id}/interpretations`, { title: 'x', url: 'javascript:alert(1)' })).status).toBe(400);
    const del = await post(office, `/api/supervision/library/documents/${id}/interpretations/${added.id}/delete`);
    expect(del.status).toBe(200);
    expect((await del.json()).interpretations).toEqual([]);
    expect(await (await get(null, `/documents/${id}`)).text()).not.toContain('id="interpretations"');
  });

  it('works from the edit page’s forms, showing a mistake on the page', async () => {
    const form = (fields: Record<string, string>) => {
      const body = new URLSearchParams({ ...fields, _csrf: office.csrf });
      return { method: 'POST', headers: { cookie: office.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() };
    };
    const page = await get(office, `/supervise/documents/${id}/edit`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('科技、教育');
    const ok = await app.request(`/supervise/documents/${id}/interpretations`, form({ title: '政策问答', url: `/documents/${id}` }));
    expect(ok.status).toBe(303);
    const bad = await app.request(`/supervise/documents/${id}/interpretations`, form({ title: '政策问答', url: 'javascript:x' }));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('链接应为 http(s) 网址或本站路径');
    expect((await app.request(`/supervise/documents/${id}/subject`, form({ category: '综合政务', sub: '政务公开' }))).status).toBe(303);
    expect((await api(`/api/documents/${id}`)).subject).toMatchObject({ category: '综合政务', sub: '政务公开', source: 'editor' });
  });

  it('keeps both when a new version of the document arrives', async () => {
    const text = readFileSync(TXT, 'utf8');
    ingestBytes(db, Buffer.from(`${text}\n`), 'govcn-05-v2.txt', { replace: true });
    const now = (db.prepare('SELECT id FROM documents WHERE is_current = 1').get() as { id: number }).id;
    expect(now).not.toBe(id);
    const doc = await api(`/api/documents/${now}`);
    expect(doc.subject).toMatchObject({ category: '综合政务', source: 'editor' });
    expect(doc.interpretations.map((i: { title: string }) => i.title)).toEqual(['政策问答']);
  });

  it('is for the office only: a unit and a visitor are refused, and nothing changes', async () => {
    expect((await post(unit, `/api/supervision/library/documents/${id}/subject`, { subject: '国防' })).status).toBe(403);
    expect((await get(unit, `/supervise/documents/${id}/edit`)).status).toBe(403);
    expect((await get(null, `/supervise/documents/${id}/edit`)).status).toBe(302);
    expect((await post(office, `/api/supervision/library/documents/${id}/subject`, { subject: '国防' }, null)).status).toBe(403);
    expect(db.prepare("SELECT count(*) AS n FROM subject_overrides WHERE category = '国防'").get()).toEqual({ n: 0 });
    expect(audits().every((a) => a.allowed === 1)).toBe(true);
  });
});

describe('the CLI', () => {
  it('sets and clears a 主题分类 and adds, lists and removes a 政策解读, in one line on a mistake', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { runBin } = await import('../cli/bin.js');
    const lib = join(mkdtempSync(join(tmpdir(), 'gongbao-editorial-')), 'lib.db');
    expect((await runBin(['ingest', TXT, '--db', lib])).status).toBe(0);
    const set = await runBin(['subject', '1', '科技、教育\\教育', '--db', lib]);
    expect(set.stdout).toBe('主题分类已设为：科技、教育\\教育\n');
    const bad = await runBin(['subject', '1', '教育', '--db', lib]);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect((await runBin(['subject', '1', '--clear', '--db', lib])).stdout).toBe('已恢复按规则归类\n');
    const added = await runBin(['interpret', '1', '--add', 'https://www.gov.cn/jiedu/1.htm', '--title', '政策解读', '--db', lib, '--json']);
    const list = JSON.parse(added.stdout).interpretations as { id: number }[];
    expect(list).toHaveLength(1);
    expect((await runBin(['interpret', '1', '--remove', String(list[0]!.id), '--db', lib])).stdout).toBe('（尚无政策解读）\n');
    const missing = await runBin(['interpret', '99', '--db', lib]);
    expect(missing.stderr).toBe('gongbao: 文库中没有这件公文：99\n');
  }, 120_000);
});
