// The input stage wired in: `parse` and `ingest` take a DOCX and a saved web
// page as they take text, told apart by content; the original bytes are kept,
// re-ingesting them changes nothing, and a bad file is one line.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSource, readSource } from '../../src/formats/index.js';
import { analyzeIssueBytes } from '../../src/pipeline.js';
import { ingestPaths, openLibrary } from '../../src/store/library.js';
import { sourceLines } from '../../src/web/services/library.js';
import { makeDocx, makeZip, para } from './make-docx.js';
import { runBin } from '../cli/bin.js';

const corpus = join(import.meta.dirname, '../../../shared/corpora/govcn');
const txt = readFileSync(join(corpus, 'govcn-05.txt'), 'utf8');
const lines = txt.split('\n').map((l) => l.trim()).filter(Boolean);
const docx = makeDocx(lines.map((l) => para(l)).join(''));
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const html = Buffer.from(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title></head><body><nav><a href="/">首页</a></nav>
<table><tr><td>发文字号：</td><td>国发〔2019〕3号</td></tr></table>
<div id="UCAP-CONTENT">${lines.map((l) => `<p>${esc(l)}</p>`).join('\n')}</div></body></html>`);
const facts = (bytes: Uint8Array) => analyzeIssueBytes(bytes).documents.map((d) => [d.docNumber, d.title, d.issuer, d.date, d.responsibilities.length]);
const dir = () => mkdtempSync(join(tmpdir(), 'gongbao-formats-'));

describe('input formats', () => {
  it('tells the formats apart by content', () => {
    expect(readSource(docx).format).toBe('docx');
    expect(readSource(html)).toMatchObject({ format: 'html', meta: { 发文字号: '国发〔2019〕3号' } });
    expect(readSource(Buffer.from(txt))).toMatchObject({ format: 'text', encoding: 'utf-8' });
  });
  it('reads a DOCX and a saved web page to the same documents as the text', () => {
    const want = facts(Buffer.from(txt));
    expect(want[0]![0]).toBe('国发〔2019〕3号');
    expect(facts(docx)).toEqual(want);
    expect(facts(html)).toEqual(want);
  });
  it('ingests a DOCX once, keeps its bytes, and shows its lines', async () => {
    const d = dir();
    const file = join(d, '综保区意见.docx');
    writeFileSync(file, docx);
    const db = openLibrary(join(d, 'lib.db'));
    const first = await ingestPaths(db, [d]);
    expect(first.failures).toEqual([]);
    expect(first.results).toMatchObject([{ status: expect.not.stringMatching(/unchanged/) }]);
    expect((await ingestPaths(db, [file])).results).toMatchObject([{ status: 'unchanged' }]);
    const row = db.prepare('SELECT s.bytes, s.encoding, d.id FROM sources s JOIN issues i ON i.source_id = s.id JOIN documents d ON d.issue_id = i.id').get() as { bytes: Buffer; encoding: string; id: number };
    expect(Buffer.compare(row.bytes, docx)).toBe(0);
    expect(row.encoding).toBe('docx');
    expect(sourceLines(db, row.id).map((l) => l.raw).join('')).toContain('国发〔2019〕3号');
  });
  it('a file that looks like a DOCX but is not one: one line, nothing written', async () => {
    const d = dir();
    const bad = join(d, 'bad.docx');
    writeFileSync(bad, makeZip({ 'word/other.xml': '<x/>' }));
    const r = await runBin(['parse', bad]);
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('DOCX');
    const ok = join(d, 'page.html');
    writeFileSync(ok, html);
    const p = await runBin(['parse', ok, '--compact']);
    expect(p.status).toBe(0);
    expect(JSON.parse(p.stdout).documents[0].docNumber).toBe('国发〔2019〕3号');
  });
});

describe('files the input stage refuses', () => {
  it('a DOCX that is not a 公文, and a page with no document: one line each, nothing written', async () => {
    const d = dir();
    writeFileSync(join(d, 'a-letter.docx'), makeDocx(para('同事们好：') + para('下周一上午开会，请准时参加。')));
    writeFileSync(join(d, 'b-empty.html'), '<!DOCTYPE html><html><head><title>首页</title></head><body><nav><a href="/">首页</a></nav></body></html>');
    const db = openLibrary(':memory:');
    const s = await ingestPaths(db, [d]);
    expect(s.results).toEqual([]);
    expect(s.failures.map((f) => f.error.split('\n').length)).toEqual([1, 1]);
    expect(s.failures[0]!.error).toMatch(/a-letter\.docx: .*没有找到任何公文/);
    expect(s.failures[1]!.error).toMatch(/b-empty\.html: /);
    expect((db.prepare('SELECT count(*) AS n FROM sources').get() as { n: number }).n).toBe(0);
  });
  it('a damaged PDF is one line naming the file', async () => {
    await expect(loadSource(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n%%EOF\n'), 'issue.pdf')).rejects.toThrow(/无法读取 PDF 文件/);
  });
  it('a zip that is not a Word document says so', () => {
    expect(() => readSource(makeZip({ 'a.txt': 'x' }), 'a.docx')).toThrow(/DOCX/);
  });
});
