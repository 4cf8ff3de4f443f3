// A document full of markup (an <img onerror>, a <script>, a javascript: link,
// quotes and ampersands) is text everywhere it is shown: search snippets in
// the API, the CLI's JSON and the search page, the Atom feed's HTML summary,
// and the document page. Snippets are the one place HTML is built by hand.
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/store/library.js';
import { ingestBytes } from '../../src/store/ingest.js';
import { search } from '../../src/search/search.js';
import { createApp } from '../../src/web/app.js';

const MARKUP = ['<img src=x onerror=alert(1)>', '<script>alert("x")</script>', '<a href="javascript:alert(2)">链接</a>', '"引号" & \'撇号\''];
const ISSUE = [
  '五台县人民政府公报', '2024年第2期', '目 录', '【县政府办文件】',
  '1、五台县人民政府办公室关于加强网页安全检查工作的通知 五政办发〔2024〕9号(1)',
  '五台县人民政府办公室', '关于加强网页安全检查工作的通知', '五政办发〔2024〕9号', '各乡（镇）人民政府，县直各有关单位：',
  `网页安全检查发现，留言中写入了${MARKUP.join('和')}这样的字符。现将有关事项通知如下：`,
  '一、开展网页安全检查', '各单位要在2024年3月底前完成网页安全检查。（责任单位：县工业和信息化局）',
  '五台县人民政府办公室', '2024年2月10日',
].join('\n\n');

const db = openLibrary(':memory:');
ingestBytes(db, Buffer.from(ISSUE), 'markup.txt');
const app = createApp({ db, now: () => new Date('2024-03-01T00:00:00Z'), log: () => {} });
const Q = '网页安全检查';
const text = async (path: string) => {
  const res = await app.request(path);
  expect(res.status, path).toBe(200);
  return res.text();
};

/** No tag but <mark>, and the markup is there, escaped. */
function expectEscapedSnippet(html: string): void {
  expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  expect(html).toContain('&lt;img src=x onerror=alert');
  expect(html).toContain('&lt;script&gt;');
  expect(html).toContain('&quot;');
  expect(html).toMatch(/<mark>[^<]+<\/mark>/);
}

/** The text between the tags of each element named `tag`, XML entities undone once. */
const xmlTexts = (xml: string, tag: string) =>
  [...xml.matchAll(new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`, 'g'))].map((m) =>
    m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'));

describe('a document full of markup', () => {
  it('was ingested with its markup as text (the test is meaningful)', () => {
    const row = db.prepare('SELECT text FROM documents').get() as { text: string };
    expect(row.text).toContain('<img src=x onerror=alert');
    expect(row.text).toContain('<script>');
  });
  it('comes back escaped in search snippets', () => {
    const r = search(db, { q: Q });
    expect(r.total).toBe(1);
    expectEscapedSnippet(r.hits[0]!.snippet);
  });
  it('comes back escaped in the JSON API', async () => {
    const j = JSON.parse(await text(`/api/search?q=${encodeURIComponent(Q)}`));
    expectEscapedSnippet(j.hits[0].snippet);
  });
  it('is not markup on the search page', async () => {
    const html = await text(`/search?q=${encodeURIComponent(Q)}`);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('&lt;img src=x onerror=alert');
  });
  it('is escaped HTML inside the Atom feed’s summary, and plain text in its titles', async () => {
    const xml = await text(`/feeds/search.atom?q=${encodeURIComponent(Q)}`);
    const [summary] = xmlTexts(xml, 'summary');
    expect(summary).toBeDefined();
    expectEscapedSnippet(summary!);
    expect(xml).not.toMatch(/<(?:img|script|a)\b/);
  });
  it('is not markup on the document page', async () => {
    const id = (db.prepare('SELECT id FROM documents').get() as { id: number }).id;
    const html = await text(`/documents/${id}`);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;img src=x onerror=alert');
  });
});
