import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPaths, openLibrary } from '../../src/store/library.js';
import { createApp } from '../../src/web/app.js';
import { csvCell, toCsv } from '../../src/web/api/csv.js';
import { openApiDocument } from '../../src/web/api/routes.js';
import { etagMatches } from '../../src/web/api/cache.js';
import { xmlEscape } from '../../src/web/api/xml.js';
import { emptyQuery } from '../../src/web/api/schemas.js';

const samples = join(import.meta.dirname, '../../data/samples');
const db = openLibrary(':memory:');
await ingestPaths(db, [samples]);
const app = createApp({ db, now: () => new Date('2026-01-01T00:00:00Z'), log: () => {} });

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });
const json = async (path: string): Promise<any> => {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type'), path).toMatch(/^application\/json/);
  return res.json();
};
const enc = encodeURIComponent;

/** RFC 4180 reader, enough to check what the exports write. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

describe('issues', () => {
  it('lists the four issues and shows one with a linked table of contents', async () => {
    const list = await json('/api/issues');
    expect(list.total).toBe(4);
    expect(list.items.reduce((n: number, i: any) => n + i.documents, 0)).toBe(43);
    for (const i of list.items) expect(i.url).toBe(`/issues/${i.id}`);
    const issue = await json(`/api/issues/${list.items[0].id}`);
    expect(issue.documentList).toHaveLength(issue.documents);
    expect(issue.toc.length).toBeGreaterThan(0);
    expect(issue.toc.filter((e: any) => e.documentId !== null).length).toBeGreaterThanOrEqual(issue.documents - 1);
    expect(issue.toc.find((e: any) => e.documentId)!.url).toMatch(/^\/documents\/\d+$/);
  });
});

describe('documents', () => {
  it('pages through all 43 documents with next', async () => {
    const seen = new Set<number>();
    let next: string | null = '/api/documents?pageSize=10';
    while (next) {
      const page: any = await json(next);
      expect(page).toMatchObject({ total: 43, pageSize: 10 });
      for (const d of page.items) seen.add(d.id);
      next = page.next;
    }
    expect(seen.size).toBe(43);
    const y2022 = await json('/api/documents?year=2022&pageSize=100');
    expect(y2022.items.every((d: any) => (d.date ?? '2022').startsWith('2022'))).toBe(true);
    expect(y2022.next).toBeNull();
  });

  it('resolves a 发文字号 in any bracket form', async () => {
    for (const n of ['五政办发[2021]63号', '五政办发〔2021〕63号', '五政办发（2021）63号', ' 五政办发【2021】63号 ']) {
      const doc = await json(`/api/documents/by-number/${enc(n)}`);
      expect(doc.summary.docNumber).toBe('五政办发〔2021〕63号');
      expect(doc.url).toBe(`/documents/${doc.id}`);
    }
    const missing = await get(`/api/documents/by-number/${enc('五政办发[2021]999号')}`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('not-found');
  });

  it('shows one document, its source lines, citations and Markdown', async () => {
    const doc = await json('/api/documents/9');
    expect(doc).toMatchObject({ id: 9, url: '/documents/9', summary: { docNumber: '五政办发〔2021〕63号' } });
    expect(doc.doc.responsibilities.length).toBeGreaterThan(0);
    expect(doc.downloads.markdown).toBe('/api/documents/9.md');
    const src = await json('/api/documents/9/source');
    expect(src.lines[0]).toEqual({ no: doc.doc.lines[0], raw: expect.any(String) });
    expect(src.lines).toHaveLength(doc.doc.lines[1] - doc.doc.lines[0] + 1);
    const cit = await json('/api/documents/9/citations');
    expect(Object.keys(cit)).toEqual(expect.arrayContaining(['cites', 'citedBy', 'repeals', 'repealedBy', 'graph']));
    expect(cit.graph.nodes.find((n: any) => n.kind === 'self').documentId).toBe(9);
    const md = await get('/api/documents/9.md');
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const text = await md.text();
    expect(text.startsWith(`## ${doc.summary.title}`)).toBe(true);
    expect(text).toContain('五政办发〔2021〕63号');
  });
});

describe('search', () => {
  it('returns exactly the CLI JSON, and each hit links to its document page', async () => {
    const r = await json(`/api/search?q=${enc('河湖长制')}&pageSize=5`);
    expect(Object.keys(r).sort()).toEqual(['approximate', 'facets', 'facetsExact', 'hits', 'page', 'pageSize', 'ranked', 'relaxed', 'suggestions', 'total', 'totalExact']);
    expect(r).toMatchObject({ totalExact: true, approximate: false, ranked: r.total, facetsExact: true });
    expect(Object.keys(r.hits[0]).sort()).toEqual(['category', 'date', 'docNumber', 'id', 'issuer', 'score', 'snippet', 'status', 'title', 'url']);
    for (const h of r.hits) expect(h.url).toBe(`/documents/${h.id}`);
  });

  it('a hit url opens an HTML page with the 发文字号', async () => {
    const hit = (await json(`/api/search?q=${enc('五政办发[2021]63号')}`)).hits[0];
    const page = await get(hit.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain(hit.docNumber);
  });

  it('survives hostile queries', async () => {
    const qs = ['"', '"unclosed', '(', ')(', 'AND', 'OR OR', 'NEAR(a b, 2)', '*', 'a*', '^', '-', ':', '{}', '😀🀄', 'x'.repeat(10240),
      '中'.repeat(4000), '五政办发〔2021〕63号 OR "', 'title:五台', '\u0000\u0007', '%'];
    for (const q of qs) {
      const res = await get(`/api/search?q=${enc(q)}`);
      expect(res.status, q.slice(0, 20)).toBe(200);
      expect(Array.isArray((await res.json()).hits)).toBe(true);
    }
    for (const raw of ['%E4%B8', '%ZZ', '%ED%A0%80', 'a&q=b']) expect((await get(`/api/search?q=${raw}`)).status).toBe(200);
  });
});

describe('units, stats, changes', () => {
  it('lists units and shows one by id or alias with tasks ordered by deadline', async () => {
    const list = await json('/api/units');
    expect(list.total).toBe(list.items.length);
    const unit = await json(`/api/units/${enc('县水利局')}`);
    expect(unit).toMatchObject({ id: '县水利局', url: `/units/${enc('县水利局')}` });
    const dated = unit.taskList.map((t: any) => t.deadline).filter(Boolean);
    expect(dated).toEqual([...dated].sort());
    expect(unit.taskList.findIndex((t: any) => !t.deadline)).toBeGreaterThanOrEqual(dated.length);
    expect((await json(`/api/units/${enc('公安')}`)).id).toBe('县公安局');
  });

  it('gives statistics', async () => {
    expect(await json('/api/stats')).toMatchObject({ documents: 43, issues: 4, byYearIssuer: expect.any(Array) });
  });

  it('pages the change feed through everything without duplicates', async () => {
    const ids: number[] = [];
    let since: string | null = null;
    for (let k = 0; k < 20; k++) {
      const page: any = await json(`/api/changes?limit=7${since ? `&since=${enc(since)}` : ''}`);
      ids.push(...page.items.map((i: any) => i.documentId));
      if (!page.next) break;
      since = page.next;
    }
    expect(ids).toHaveLength(43);
    expect(new Set(ids).size).toBe(43);
  });
});

describe('CSV exports', () => {
  it('quotes fields and defuses formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    for (const f of ['=1+1', '+1', '-1', '@SUM(A1)']) expect(csvCell(f)).toBe(`'${f}`);
    expect(csvCell('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
    expect(csvCell(null)).toBe('');
    expect(readCsv(toCsv(['a', 'b'], [['x,"y"', '1\r\n2']]).slice(1))).toEqual([['a', 'b'], ['x,"y"', '1\r\n2']]);
  });

  it('exports documents, a search, a unit’s tasks and a document’s responsibilities', async () => {
    const cases: [string, number | null, string][] = [
      ['/api/documents.csv', 44, '发文字号,标题,发文机关,成文日期,栏目,有效性'],
      [`/api/search.csv?q=${enc('河长')}`, null, '发文字号,标题,发文机关,成文日期,栏目,有效性,公文地址'],
      [`/api/units/${enc('县水利局')}/tasks.csv`, null, '发文字号,公文标题,任务,角色,期限,期限日期,原文行,公文地址'],
      ['/api/documents/9/responsibilities.csv', null, '序号,任务名称,任务,牵头单位,责任单位,配合单位,承继单位,期限,期限日期,提纲编号,原文行,原文条款'],
    ];
    for (const [path, rows, header] of cases) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[\w.-]+"; filename\*=UTF-8''[%\w.-]+$/);
      const buf = new Uint8Array(await res.arrayBuffer());
      expect([...buf.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(buf);
      expect(text.startsWith('\ufeff')).toBe(true);
      const table = readCsv(text.slice(1));
      expect(table[0]!.join(',')).toBe(header);
      if (rows !== null) expect(table).toHaveLength(rows);
      expect(table.length).toBeGreaterThan(1);
      for (const r of table) expect(r).toHaveLength(table[0]!.length);
    }
  });
});

describe('caching', () => {
  it('sends a weak ETag and answers If-None-Match with 304', async () => {
    for (const path of ['/api/stats', '/api/documents/9', '/api/documents.csv', '/feeds/issues.atom', '/sitemap.xml']) {
      const first = await get(path);
      const tag = first.headers.get('etag')!;
      expect(tag, path).toMatch(/^W\/".+"$/);
      expect(first.headers.get('cache-control')).toBe('public, max-age=60');
      expect((await get(path)).headers.get('etag')).toBe(tag);
      const again = await get(path, { 'If-None-Match': tag });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('etag')).toBe(tag);
      expect((await get(path, { 'If-None-Match': 'W/"other"' })).status).toBe(200);
    }
    expect(etagMatches('"a", W/"b"', 'W/"b"')).toBe(true);
    expect(etagMatches('*', 'W/"b"')).toBe(true);
    expect((await get('/api/documents/99999')).headers.get('etag')).toBeNull();
  });
});

describe('OpenAPI', () => {
  const paths = ['/api/issues', '/api/issues/{id}', '/api/documents', '/api/documents.csv', '/api/documents/by-number/{docNumber}',
    '/api/documents/{id}', '/api/documents/{id}.md', '/api/documents/{id}/source', '/api/documents/{id}/original', '/api/documents/{id}/citations',
    '/api/documents/{id}/responsibilities.csv', '/api/search', '/api/search.csv', '/api/units', '/api/units/{id}',
    '/api/units/{id}/tasks.csv', '/api/stats', '/api/changes', '/api/openapi.json', '/feeds/issues.atom', '/feeds/search.atom',
    '/feeds/units/{id}.atom', '/sitemap.xml', '/robots.txt'];

  it('describes every endpoint with parameters, responses and errors', async () => {
    const doc = await json('/api/openapi.json');
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('公报通 API');
    // The supervision module registers its own (authenticated, mostly POST) paths; supervise-api.test.ts checks those.
    const own = Object.entries<any>(doc.paths).filter(([path]) => !path.startsWith('/api/supervision/'));
    expect(own.map(([path]) => path).sort()).toEqual([...paths].sort());
    const resolve = (ref: string) => ref.slice(2).split('/').reduce((o: any, k) => o?.[k], doc);
    const ids = new Set<string>();
    for (const [path, item] of own) {
      const op = item.get;
      expect(op.summary, path).toMatch(/\p{Script=Han}/u);
      expect(op.responses['200'], path).toBeDefined();
      ids.add(op.operationId);
      for (const name of path.match(/\{(\w+)\}/g) ?? []) {
        expect(op.parameters.find((p: any) => `{${p.name}}` === name)).toMatchObject({ in: 'path', required: true });
      }
      if (op.parameters?.length) expect(resolve(op.responses['400'].$ref)).toBeDefined();
      if (op.responses['404']) expect(resolve(resolve(op.responses['404'].$ref).content['application/json'].schema.$ref).properties.error).toBeDefined();
    }
    expect(ids.size).toBe(paths.length);
    const search = doc.paths['/api/search'].get;
    expect(search.parameters.find((p: any) => p.name === 'status').schema.enum).toContain('现行有效');
    expect(search.parameters.find((p: any) => p.name === 'pageSize').schema.maximum).toBe(100);
    expect(search.responses['200'].content['application/json'].schema.properties.hits.type).toBe('array');
  });

  it('lets other modules add paths and endpoints', () => {
    const doc: any = openApiDocument({
      paths: { '/api/extra': { get: { summary: '附加', responses: {} } } },
      endpoints: [{ path: '/api/tasks', summary: '督办任务', query: emptyQuery, response: { contentType: 'text/plain', description: '文本' } }],
    });
    expect(doc.paths['/api/extra'].get.summary).toBe('附加');
    expect(doc.paths['/api/tasks'].get.summary).toBe('督办任务');
  });
});

describe('errors', () => {
  it('answers bad parameters with 400 JSON', async () => {
    const bad = ['/api/documents?pageSize=101', '/api/documents?page=1001', '/api/documents?page=abc', '/api/documents?year=20x1',
      '/api/documents/abc', '/api/documents/1.5', '/api/documents/-1', '/api/documents/0', '/api/documents/abc.md', '/api/documents/x/source',
      '/api/documents/1e3/citations', '/api/issues/x', '/api/search?status=bogus', '/api/search?sort=oldest', '/api/search?from=2021-1-1',
      '/api/search?to=20210101', '/api/search?pageSize=101', '/api/search?page=1001', '/api/search?year=abc', '/api/changes?since=garbage',
      '/api/changes?limit=0', '/api/search.csv?status=x', `/api/units/${'x'.repeat(101)}`];
    for (const path of bad) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe('bad-argument');
      expect(body.error.message).toMatch(/^参数有误/);
    }
  });

  it('answers unknown ids with 404 JSON', async () => {
    const missing = ['/api/documents/99999', '/api/documents/99999.md', '/api/documents/99999/source', '/api/documents/99999/citations',
      '/api/documents/99999/responsibilities.csv', '/api/issues/999', `/api/units/${enc('不存在的单位')}`,
      `/api/units/${enc('不存在的单位')}/tasks.csv`, '/api/nothing-here'];
    for (const path of missing) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect((await res.json()).error.code).toBe('not-found');
    }
    expect((await get(`/feeds/units/${enc('不存在')}.atom`)).status).toBe(404);
  });

  it('never answers 500, whatever the request', async () => {
    const errors: unknown[] = [];
    const logged = createApp({ db, now: () => new Date('2026-01-01T00:00:00Z'), log: (e) => (e.level === 'error' ? errors.push(e) : undefined) });
    const junk = ['/api/documents/%00', '/api/units/%00', '/api/units/%ZZ', '/api/units/%ZZ/tasks.csv', '/api/documents/by-number/%ZZ',
      '/api/documents/by-number/%00', '/feeds/units/%ZZ.atom', '/feeds/units/.atom', '/api/documents/9999999999', '/api/documents/99999999999',
      '/api/issues/9999999999', '/api/documents?year=&page=', '/api/search?unit=%00&issuer=%27%22&category=)', '/api/search?q=&sort=date',
      '/api/search.csv?q=', '/feeds/search.atom', '/feeds/search.atom?q=%ZZ&status=%E5%B7%B2%E5%BA%9F%E6%AD%A2', '/api/changes?since=%7C1',
      `/api/changes?since=${enc('9999|1')}`, '/api/documents/9.md.md', '/api/documents/by-number/', '/api//documents', '/api/search?page[]=1'];
    for (const path of junk) {
      for (const method of ['GET', 'HEAD', 'POST']) {
        const res = await logged.request(path, { method });
        expect(res.status, `${method} ${path}`).toBeLessThan(500);
      }
    }
    expect(errors).toEqual([]);
  });

  it('never serves files outside the assets folder', async () => {
    for (const path of ['/assets/..%2f..%2fpackage.json', '/assets/%2e%2e/package.json', '/../package.json', '/assets/..%5c..%5cpackage.json']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('"name": "gongbao"');
    }
  });
});

describe('feeds and site files', () => {
  const isAtom = async (path: string) => {
    const res = await get(path);
    expect(res.status, path).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await res.text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(xml.match(/<entry>/g)?.length).toBe(xml.match(/<\/entry>/g)?.length);
    expect(xml).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
    return xml;
  };

  it('publishes the latest issues, a saved search and a unit’s tasks', async () => {
    const issues = await isAtom('/feeds/issues.atom');
    expect(issues.match(/<entry>/g)).toHaveLength(4);
    expect(issues).toMatch(/<link rel="alternate" type="text\/html" href="http:\/\/localhost\/issues\/\d+"\/>/);
    const search = await isAtom(`/feeds/search.atom?q=${enc('土壤 <b>&')}`);
    expect(search).toContain('<title type="text">公报通检索：土壤 &lt;b&gt;&amp;</title>');
    expect(search).toContain('&lt;mark&gt;');
    const unit = await isAtom(`/feeds/units/${enc('县水利局')}.atom`);
    expect(unit).toContain('<updated>2026-01-01T00:00:00.000Z</updated>');
    expect(xmlEscape('a\u0000<"\'>&b')).toBe('a&lt;&quot;&apos;&gt;&amp;b');
  });

  it('lists every document in the sitemap and points robots.txt at it', async () => {
    const res = await get('/sitemap.xml');
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const xml = await res.text();
    expect(xml.match(/<loc>http:\/\/localhost\/documents\/\d+<\/loc>/g)).toHaveLength(43);
    for (const p of ['/', '/issues', '/units', '/stats']) expect(xml).toContain(`<loc>http://localhost${p}</loc>`);
    expect(await (await get('/robots.txt')).text()).toContain('Sitemap: http://localhost/sitemap.xml');
  });
});
