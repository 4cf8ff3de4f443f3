// Each gov.cn document as an office has it besides text: a DOCX from the
// drafting office (title centred and large, body 三号, signature and date
// flush right) and a saved gov.cn page (navigation, the metadata table, the
// body in #UCAP-CONTENT). Each reads to the same documents as its text; the
// page's metadata (from the site, as expected.json records it) is kept on the
// document and agrees with what the text says.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeIssueBytes } from '../../src/pipeline.js';
import { readSource } from '../../src/formats/index.js';
import { documentsOf } from '../support/same-documents.js';
import { esc, makeDocx } from './make-docx.js';
import { isRightAligned, titleLineCount } from '../support/render-pdf.mjs';

const CORPUS = join(import.meta.dirname, '../../../shared/corpora/govcn');
const expected = JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8')) as Record<string, {
  documents: { docNumber: string | null; title: string; issuer: string; date: string | null; indexNumber?: string; subject?: string }[];
}>;
const files = readdirSync(CORPUS).filter((f) => /^govcn-\d+\.txt$/.test(f)).sort();
const linesOf = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** A 公文 as a drafting office saves it: 二号 title centred, 三号 body, signature and date flush right. */
export function officeDocx(text: string): Buffer {
  const lines = linesOf(text);
  const k = titleLineCount(lines);
  const p = (t: string, jc: string, sz: number) => `<w:p><w:pPr><w:jc w:val="${jc}"/></w:pPr><w:r><w:rPr><w:sz w:val="${sz}"/></w:rPr><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p>`;
  const body = lines.map((l, i) => (i < k ? p(l, 'center', 44) : p(l, isRightAligned(l, lines[i + 1]) ? 'right' : 'both', 32)));
  return makeDocx(body.join(''));
}

/** A saved gov.cn document page with its metadata table. */
function govPage(text: string, meta: Record<string, string>): Buffer {
  const rows = Object.entries(meta).map(([k, v]) => `<tr><td><b>${k}：</b></td><td>${esc(v)}</td></tr>`).join('');
  return Buffer.from(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(meta['标题'] ?? '')}_中国政府网</title></head>
<body><nav><a href="/">首页</a><a href="/zhengce">政策</a></nav><table class="bd1">${rows}</table>
<div id="UCAP-CONTENT">${linesOf(text).map((l) => `<p style="text-indent:2em">${esc(l)}</p>`).join('\n')}</div>
<footer>主办单位：国务院办公厅 运行维护单位：中国政府网运行中心</footer></body></html>`);
}

const cnDay = (iso: string | null) => (iso ? `${iso.slice(0, 4)}年${iso.slice(5, 7)}月${iso.slice(8, 10)}日` : '');

describe.each(files)('%s', (f) => {
  const text = readFileSync(join(CORPUS, f), 'utf8');
  const want = documentsOf(analyzeIssueBytes(Buffer.from(text)));
  it('as a DOCX reads as its text does', () => {
    const docx = officeDocx(text);
    expect(readSource(docx).text.startsWith('# ')).toBe(true);
    expect(documentsOf(analyzeIssueBytes(docx))).toEqual(want);
  });
  it('as a saved gov.cn page reads as its text does, keeping the page metadata, which agrees with the text', () => {
    const e = expected[f]!.documents[0]!;
    const meta = { 索引号: e.indexNumber ?? '', 主题分类: e.subject ?? '', 发文机关: e.issuer, 成文日期: cnDay(e.date), 标题: e.title, 发文字号: e.docNumber ?? '', 发布日期: cnDay(e.date) };
    const got = analyzeIssueBytes(govPage(text, meta));
    expect(documentsOf(got)).toEqual(want);
    expect(got.documents[0]!.pageMeta).toMatchObject({ 索引号: meta.索引号, 发文字号: meta.发文字号 });
    expect(got.documents[0]!.diagnostics.filter((d) => d.code === 'page-meta-mismatch')).toEqual([]);
  });
});

describe('page metadata that disagrees with the text', () => {
  it('is kept as the page states it, and each difference is a warning', () => {
    const f = files[0]!;
    const e = expected[f]!.documents[0]!;
    const page = govPage(readFileSync(join(CORPUS, f), 'utf8'), { 发文机关: '国务院办公厅', 成文日期: '2001年01月01日', 发文字号: e.docNumber ?? '' });
    const d = analyzeIssueBytes(page).documents[0]!;
    expect(d.pageMeta).toEqual({ 发文机关: '国务院办公厅', 成文日期: '2001年01月01日', 发文字号: e.docNumber });
    const warnings = d.diagnostics.filter((x) => x.code === 'page-meta-mismatch').map((x) => x.message);
    expect(warnings).toEqual([expect.stringContaining('成文日期“2001年01月01日”'), expect.stringContaining('发文机关“国务院办公厅”')]);
  });
});
