// Server-rendered pages without a browser: status, headings, escaping, CSP-safe markup.
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/web/app.js';
import { renderErrorPage } from '../../src/web/pages/routes.js';
import { getDocument } from '../../src/web/services/library.js';
import { flattenOutline } from '../../src/web/pages/body-layout.js';
import type { Db } from '../../src/store/db.js';
import { CITED_NUMBER, CITING_NUMBER, CITING_TITLE, documentId, openTestLibrary } from './fixture.js';

let db: Db;
let app: ReturnType<typeof createApp>;
beforeAll(() => {
  db = openTestLibrary();
  app = createApp({ db, log: () => {}, now: () => new Date('2024-02-01T08:00:00Z') });
});

async function get(path: string): Promise<{ status: number; html: string; type: string }> {
  const res = await app.request(path);
  return { status: res.status, html: await res.text(), type: res.headers.get('content-type') ?? '' };
}

/** Markup rules the strict CSP needs, and the frame every page shares. */
function expectSafePage(html: string): void {
  expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  expect(html).toContain('<html lang="zh-CN">');
  expect(html).toContain('name="viewport"');
  expect(html).toContain('href="#main"');
  expect(html).not.toMatch(/<style[\s>]/i);
  // Attributes of every real tag (text is escaped, so `<` + letter starts a tag); quoted values blanked out.
  for (const [tag] of html.matchAll(/<[a-z][^>]*>/gi)) {
    const attrs = tag.replace(/"[^"]*"/g, '""');
    expect(attrs, tag).not.toMatch(/\sstyle\s*=/i);
    expect(attrs, tag).not.toMatch(/\son[a-z]+\s*=/i);
  }
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const [, attrs, body] = m;
    if (/type="application\/json"/.test(attrs!)) continue;
    expect(attrs, 'scripts are files').toMatch(/\ssrc="\/assets\/[a-z0-9.-]+\.js"/);
    expect(body!.trim(), 'no inline script bodies').toBe('');
  }
}

const enc = encodeURIComponent;

describe('every page renders', () => {
  const pages: [string, () => string, string[]][] = [
    ['home', () => '/', ['五台县人民政府公报', '最新公报', '最新文件', '分类浏览', '收录公文']],
    ['issue list', () => '/issues', ['历期公报', '2022年第4期（下）']],
    ['issue', () => '/issues/3', ['2022年第4期（下）', '目　录', '【县政府办文件】', '五政办发〔2022〕49号']],
    ['document', () => `/documents/${documentId(db, '五政办发〔2022〕8号')}`, ['文件信息', '索引号', '发文字号', '五政办发〔2022〕8号', '所在期次', '有效性', '提纲导航', '任务分工', '引用关系', '下载与数据', '原文']],
    ['graph', () => `/documents/${documentId(db, CITED_NUMBER)}/graph`, ['引用关系图', '<svg', '关系列表']],
    ['search', () => `/search?q=${enc('河湖长制')}`, ['文件检索', '共找到', '<mark>河湖长制</mark>', '筛选结果']],
    ['browse by year', () => '/search?year=2022', ['共找到', '年度：2022年']],
    ['search form', () => '/search', ['文件检索', '请输入检索词']],
    ['units', () => '/units', ['责任单位名录', '县直部门', '县水利局']],
    ['unit', () => `/units/${enc('县水利局')}`, ['县水利局', '任务清单', '牵头', '来源文件']],
    ['unit by alias', () => `/units/${enc('县发改局')}`, ['县发展和改革局', '又称']],
    ['stats', () => '/stats', ['统计分析', '各年度发文数量', '文件有效性', '各单位承担任务数', '任务期限月份分布', 'data-chart=', '<table']],
  ];
  it.each(pages)('%s', async (_name, path, expected) => {
    const r = await get(path());
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/text\/html/);
    expectSafePage(r.html);
    for (const e of expected) expect(r.html).toContain(e);
  });
});

describe('document page', () => {
  it('shows the 文号 and the body text, with every outline id as an anchor', async () => {
    for (const id of (db.prepare('SELECT id FROM documents WHERE is_current = 1').all() as { id: number }[]).map((r) => r.id)) {
      const view = getDocument(db, id, '2024-02-01');
      const { html, status } = await get(`/documents/${id}`);
      expect(status).toBe(200);
      if (view.summary.docNumber) expect(html).toContain(view.summary.docNumber);
      const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
      for (const n of flattenOutline(view.doc.outline)) expect(ids.has(n.id), `${id} #${n.id}`).toBe(true);
      for (const m of html.matchAll(/href="#([^"]+)"/g)) expect(ids.has(m[1]), `${id} link #${m[1]}`).toBe(true);
    }
  });
  it('escapes HTML residue from the source (<b>, <sup>)', async () => {
    const { html } = await get(`/documents/${documentId(db, '五政办发〔2022〕12号')}`);
    expect(html).toContain('&lt;b&gt;');
    expect(html).toContain('&lt;sup&gt;2&lt;/sup&gt;');
    expect(html).not.toMatch(/<b>|<sup>/);
  });
  it('renders tables as <table> with their caption', async () => {
    const { html } = await get(`/documents/${documentId(db, '五政办发〔2022〕12号')}`);
    expect(html).toMatch(/<caption>表4-1五台县“十四五”规划地质灾害隐患点治理工程计划表<\/caption>/);
    expect(html).toContain('<th scope="col">项目名称</th>');
  });
  it('links citations both ways when the library holds the document, and marks stubs', async () => {
    const citing = documentId(db, CITING_NUMBER);
    const cited = documentId(db, CITED_NUMBER);
    const a = await get(`/documents/${citing}`);
    expect(a.html).toContain(`href="/documents/${cited}"`);
    expect(a.html).toContain(`href="/units/${enc('县水利局')}"`);
    const b = await get(`/documents/${cited}`);
    expect(b.html).toContain(`href="/documents/${citing}"`);
    expect(b.html).toContain(CITING_TITLE);
    const stub = await get(`/documents/${documentId(db, '五政发〔2021〕26号')}`);
    expect(stub.html).toContain('文库未收录');
  });
  it('links the downloads and the graph', async () => {
    const id = documentId(db, CITING_NUMBER);
    const { html } = await get(`/documents/${id}`);
    for (const href of [`/api/documents/${id}`, `/api/documents/${id}.md`, `/api/documents/${id}/responsibilities.csv`, `/documents/${id}/graph`]) {
      expect(html).toContain(`href="${href}"`);
    }
  });
  it('redirects a 文号 in place of the id', async () => {
    const res = await app.request(`/documents/${enc(CITED_NUMBER)}`);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/documents/${documentId(db, CITED_NUMBER)}`);
  });
});

describe('search page input', () => {
  const hostile = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '" OR 1=1 --', '(医疗 OR', 'NEAR(a b)', '*', '\\', '🎉', '五政办发〔', '医'.repeat(3000), "a'b", '%00', '{{7*7}}', '</textarea><b>x</b>'];
  it.each(hostile.map((q) => [q.slice(0, 24), q]))('q=%s renders 200 and escaped', async (_l, q) => {
    const r = await get(`/search?q=${enc(q)}`);
    expect(r.status).toBe(200);
    expectSafePage(r.html);
    expect(r.html).not.toContain('<script>alert');
    expect(r.html).not.toContain('<img src=x');
    expect(r.html).not.toContain('<b>x</b>');
  });
  it('ignores the empty fields a GET form sends', async () => {
    const r = await get(`/search?q=${enc('煤炭')}&year=&issuer=&category=&unit=&status=&from=&to=&sort=relevance`);
    expect(r.status).toBe(200);
    expect(r.html).toContain('五政办发〔2022〕49号');
  });
  it('suggests a filter for a typed year and unit', async () => {
    const r = await get(`/search?q=${enc('县水利局 2022年')}`);
    expect(r.html).toContain('按 2022年 筛选');
    expect(r.html).toContain(`href="/search?q=${enc('县水利局 2022年').replace(/%20/g, '+')}&amp;year=2022"`);
  });
  it('shows an empty state', async () => {
    const r = await get(`/search?q=${enc('鼗鼙鼗鼙')}`);
    expect(r.status).toBe(200);
    expect(r.html).toContain('没有找到与“鼗鼙鼗鼙”相关的文件');
  });
  it.each(['year=abc', 'status=bogus', 'from=2022-13', 'page=0', 'sort=x', 'pageSize=1000', `q=${'x'.repeat(10_001)}`].map((qs) => [qs.slice(0, 20), qs]))('%s → 400 page', async (_l, qs) => {
    const r = await get(`/search?${qs}`);
    expect(r.status).toBe(400);
    expectSafePage(r.html);
    expect(r.html).toContain('请求有误');
    expect(r.html).toContain('返回首页');
  });
});

describe('errors', () => {
  it.each(['/documents/99999', '/documents/99999/graph', '/issues/9999', '/issues/abc', `/units/${enc('不存在的单位')}`, '/no-such-page', `/documents/${enc('五政办发〔1999〕1号')}`])('%s → 404 page', async (path) => {
    const r = await get(path);
    expect(r.status).toBe(404);
    expectSafePage(r.html);
    expect(r.html).toContain('返回首页');
  });
  it('renders the 500 page in the layout', () => {
    const html = renderErrorPage(500, '服务器内部错误', '请稍后再试。');
    expectSafePage(html);
    expect(html).toContain('服务器内部错误');
    expect(html).toContain('五台县人民政府公报');
  });
});

describe('one answer for the page and the API', () => {
  it('filters without words browse the same documents on /search, /api/search and its CSV', async () => {
    const page = await get('/search?year=2022');
    const shown = Number(/共找到 <strong>(\d+)<\/strong> 件文件/.exec(page.html)?.[1]);
    const api = (await (await app.request('/api/search?year=2022&pageSize=100')).json()) as { total: number; hits: { id: number }[] };
    expect(api.total).toBeGreaterThan(0);
    expect(shown).toBe(api.total);
    expect(api.hits).toHaveLength(api.total);
    const csv = await (await app.request('/api/search.csv?year=2022')).text();
    expect(csv.trim().split('\r\n')).toHaveLength(api.total + 1);
  });
  it('a page past the end says so and leads back', async () => {
    const r = await get('/search?q=%E5%8E%BF&page=99');
    expect(r.status).toBe(200);
    expect(r.html).toMatch(/没有第 99 页：共 \d+ 页。/);
    expect(r.html).toContain('回到最后一页');
  });
});

describe('feeds and exports of listing pages', () => {
  it('search, unit and issue-list pages link their feed and CSV, also as <link rel="alternate">', async () => {
    const search = (await get('/search?year=2022')).html;
    expect(search).toContain('<link rel="alternate" type="application/atom+xml" href="/feeds/search.atom?year=2022"');
    expect(search).toContain('href="/api/search.csv?year=2022"');
    const unit = (await get('/units/%E5%8E%BF%E6%B0%B4%E5%88%A9%E5%B1%80')).html;
    expect(unit).toContain('.atom"');
    expect(unit).toContain('/tasks.csv"');
    expect((await get('/issues')).html).toContain('<link rel="alternate" type="application/atom+xml" href="/feeds/issues.atom"');
    const feed = await (await app.request('/feeds/search.atom?year=2022')).text();
    expect((feed.match(/<entry>/g) ?? []).length).toBeGreaterThan(0);
  });
});

describe('索引号 on the document page', () => {
  it('is in the gov.cn form: organ code / year - serial, the code from data/site.json', async () => {
    const id = documentId(db, CITED_NUMBER);
    const html = (await get(`/documents/${id}`)).html;
    expect(html).toMatch(new RegExp(`<th scope="row">索引号</th><td>\\d{9}/\\d{4}-${String(id).padStart(5, '0')}</td>`));
  });
});

describe('发布日期 on the document page', () => {
  it('is shown with its basis', async () => {
    const html = (await get(`/documents/${documentId(db, CITED_NUMBER)}`)).html;
    expect(html).toMatch(/<th scope="row">发布日期<\/th><td>\d{4}年\d{1,2}月\d{1,2}日<span class="muted">（(公报出版|收录入库)）<\/span><\/td>/);
  });
  it('takes the day a saved page states, then the issue\'s publication, then the day it entered the library', async () => {
    const { publishedOf } = await import('../../src/web/pages/document.js');
    const view = (pageMeta: Record<string, string> | undefined, published: string | null) =>
      ({ doc: { pageMeta }, issue: { published }, updatedAt: '2026-12-01T17:00:00Z' }) as unknown as Parameters<typeof publishedOf>[0];
    expect(publishedOf(view({ 发布日期: '2019年01月25日' }, '2019-02-01'))).toEqual({ date: '2019-01-25', basis: '网页所载' });
    expect(publishedOf(view(undefined, '2019-02-01'))).toEqual({ date: '2019-02-01', basis: '公报出版' });
    // Ingested at 01:00 China time on 2 December: the China day, whatever the host's zone.
    expect(publishedOf(view(undefined, null))).toEqual({ date: '2026-12-02', basis: '收录入库' });
  });
});

describe('an empty library', () => {
  it('says on the home page how to load one', async () => {
    const { openLibrary } = await import('../../src/store/library.js');
    const empty = createApp({ db: openLibrary(':memory:'), log: () => {} });
    const html = await (await empty.request('/')).text();
    expect(html).toContain('文库中还没有公报');
    expect(html).toContain('gongbao ingest');
  });
});

describe('相关文件 on the document page', () => {
  it('lists other documents that share units, cited documents or the topic, with why, and never itself or what it cites', async () => {
    const { relatedDocuments } = await import('../../src/web/services/related.js');
    const id = documentId(db, '五政办发〔2022〕8号');
    const related = relatedDocuments(db, id);
    expect(related.length).toBeGreaterThan(0);
    expect(related.map((r) => r.id)).not.toContain(id);
    for (const r of related) expect(r.why.length).toBeGreaterThan(0);
    const cited = (db.prepare(`SELECT t.id FROM citations c JOIN documents t ON t.doc_key = c.target_doc_key WHERE c.doc_id = ?`).all(id) as { id: number }[]).map((r) => r.id);
    for (const c of cited) expect(related.map((r) => r.id)).not.toContain(c);
    const html = (await get(`/documents/${id}`)).html;
    expect(html).toContain('id="related"');
    expect(html).toContain(`href="/documents/${related[0]!.id}"`);
  });
});

describe('one count of a unit\'s tasks', () => {
  it('is the same on the unit list, the unit page and the statistics', async () => {
    const { getUnit, listUnits, stats: libraryStats } = await import('../../src/web/services/insights.js');
    const units = listUnits(db).filter((u) => u.tasks > 0);
    expect(units.length).toBeGreaterThan(5);
    for (const u of units) expect(getUnit(db, u.id).tasks_list.length, u.name).toBe(u.tasks);
    const byName = new Map(units.map((u) => [u.name, u.tasks]));
    const stats = libraryStats(db, '2024-02-01');
    expect(stats.tasksPerUnit.length).toBeGreaterThan(0);
    for (const s of stats.tasksPerUnit) expect(s.count, s.unit).toBe(byName.get(s.unit));
  });
});

describe('what every document page shows, as a 政府信息公开 page does', () => {
  it('主题分类, 发布日期, 有效性 with its reason, and the print and font-size controls, for every document', async () => {
    const ids = (db.prepare('SELECT id FROM documents WHERE is_current = 1').all() as { id: number }[]).map((r) => r.id);
    let classified = 0;
    for (const id of ids) {
      const { html } = await get(`/documents/${id}`);
      expect(html, `document ${id}`).toMatch(/<th scope="row">有效性<\/th><td><span class="badge[^"]*">(现行有效|已失效|已废止|尚未生效|未标注)<\/span>.*?<span class="status-reason">[^<]+<\/span>/);
      expect(html).toMatch(/<th scope="row">发布日期<\/th><td>\d{4}年/);
      expect(html).toContain('<th scope="row">主题分类</th>');
      if (/<th scope="row">主题分类<\/th><td><span title="[^"]+">[^<]+<\/span>/.test(html)) classified++;
      expect(html).toContain('data-print');
      expect(html).toContain('aria-label="放大字号"');
    }
    expect(classified).toBe(ids.length);
  });
});
