// Saved web pages: a gov.cn-like page built from a corpus document must read
// the same as the document's .txt through the text path.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { GongbaoError } from '../../src/errors.js';
import { htmlToText, isHtml } from '../../src/formats/html.js';
import { analyzeIssueBytes } from '../../src/pipeline.js';

const TXT = '/work/shared/corpora/govcn/govcn-05.txt';
const source = readFileSync(TXT, 'utf8');
const lines = source.split('\n').map((l) => l.trim()).filter(Boolean);
const TITLE = '国务院关于促进综合保税区高水平开放高质量发展的若干意见';
const META = {
  索引号: '000014349/2019-00013', 主题分类: '商贸、海关、旅游\\海关', 发文机关: '国务院', 成文日期: '2019年01月12日',
  标题: TITLE, 发文字号: '国发〔2019〕3号', 发布日期: '2019年01月25日',
};
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function page(opts: { id?: boolean; body?: string[]; charset?: string } = {}): string {
  const rows = Object.entries(META).map(([k, v]) => `<tr><td class="label"><b>${k}：</b></td><td>${esc(v)}</td></tr>`).join('\n');
  const body = (opts.body ?? lines).map((l) => `<p style="text-indent:2em">&nbsp;&nbsp;${esc(l)}</p>`).join('\n');
  return `<!DOCTYPE html>
<html><head><meta charset="${opts.charset ?? 'utf-8'}"><title>${TITLE}_国务院文件_中国政府网</title>
<script>var nav = "<p>不是正文，不是正文，不是正文，不是正文，不是正文，不是正文，不是正文</p>";</script>
<style>p { margin: 0 }</style></head>
<body><header><div class="logo"><a href="/">中国政府网</a></div></header>
<nav><ul><li><a href="/zhengce">政策</a></li><li><a href="/hudong">互动</a></li></ul></nav>
<div class="policyLibraryOverview_header"><table class="bd1">
${rows}
</table></div>
<div class="article"><h1 class="article-title">${TITLE}</h1>
<div ${opts.id === false ? 'class="wrap"' : 'id="UCAP-CONTENT"'}>
${body}
</div></div>
<footer><p>主办单位：国务院办公厅 运行维护单位：中国政府网运行中心 版权所有：中国政府网 京ICP备05070218号</p></footer>
<script>document.write('<div>广告</div>')</script>
</body></html>`;
}

function summary(bytes: Uint8Array) {
  const issue = analyzeIssueBytes(bytes);
  return issue.documents.map((d) => ({ docNumber: d.docNumber, title: d.title, issuer: d.issuer, date: d.date, duties: d.responsibilities.length }));
}

const expected = summary(Buffer.from(source));

describe('htmlToText on a gov.cn-like page', () => {
  it('reads the same document as the .txt', () => {
    const { text } = htmlToText(Buffer.from(page()));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected[0]!.duties).toBeGreaterThan(0);
    expect(summary(Buffer.from(text))).toEqual(expected);
    expect(text).not.toMatch(/不是正文|广告|版权所有|互动/);
    expect(text.startsWith('国务院关于促进综合保税区\n\n高水平开放')).toBe(true);
  });
  it('reads the seven metadata fields as printed', () => {
    expect(htmlToText(Buffer.from(page())).meta).toEqual(META);
  });
  it('falls back to the largest block of paragraphs without the content id', () => {
    const { text } = htmlToText(Buffer.from(page({ id: false })));
    expect(summary(Buffer.from(text))).toEqual(expected);
  });
  it('puts the title above the content first when the content lacks it', () => {
    const { text } = htmlToText(Buffer.from(page({ body: lines.slice(2) })));
    expect(text.startsWith(`${TITLE}\n\n国发〔2019〕3号`)).toBe(true);
    expect(summary(Buffer.from(text))).toEqual(expected);
  });
  it('trims full-width and no-break indentation', () => {
    const html = `<html><body><div id="zoom"><p>\u3000\u3000${lines[5]}</p><p>&nbsp;&#12288;${lines[6]}</p></div></body></html>`;
    expect(htmlToText(Buffer.from(html)).text).toBe(`${lines[5]}\n\n${lines[6]}\n`);
  });
  it('renders tables as consecutive tab-separated rows and <br> as lines', () => {
    const html = `<html><body><div class="TRS_Editor"><p>${lines[4]}<br>第二行&amp;说明</p>
      <table><tr><td>序号</td><td>任务</td><td>责任单位</td></tr><tr><td>1</td><td>拓展两个市场</td><td>税务总局</td></tr></table></div></body></html>`;
    expect(htmlToText(Buffer.from(html)).text).toBe(`${lines[4]}\n\n第二行&说明\n\n序号\t任务\t责任单位\n1\t拓展两个市场\t税务总局\n`);
  });
});

describe('decoding', () => {
  it('decodes a page declaring charset=gbk', () => {
    const head = Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head><body><div id="zoom"><p>');
    const tail = Buffer.from('</p></div></body></html>');
    expect(() => htmlToText(Buffer.concat([head, Buffer.from([0xc4, 0xe3, 0xba, 0xc3]), tail]))).toThrow(GongbaoError); // too short for a document
    const long = Buffer.concat([head, ...Array.from({ length: 20 }, () => Buffer.from([0xc4, 0xe3, 0xba, 0xc3])), tail]);
    expect(htmlToText(long).text).toBe(`${'你好'.repeat(20)}\n`);
  });
  it('reads a whole GBK page like the UTF-8 one', () => {
    const gbk = iconv.encode(page({ charset: 'gb2312' }), 'gbk');
    expect(htmlToText(gbk)).toEqual(htmlToText(Buffer.from(page())));
  });
  it('falls back to GB18030 when undeclared bytes are not UTF-8', () => {
    const gbk = iconv.encode(page().replace('<meta charset="utf-8">', ''), 'gb18030');
    expect(htmlToText(gbk).text).toBe(htmlToText(Buffer.from(page())).text);
  });
  it('honours a UTF-8 BOM and UTF-16LE BOM', () => {
    const p = page();
    expect(htmlToText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(p)])).meta).toEqual(META);
    expect(htmlToText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(p, 'utf16le')])).meta).toEqual(META);
  });
});

describe('pages without a document', () => {
  it('throws input-html', () => {
    const html = '<!doctype html><html><body><nav><a href="/">首页</a></nav><div class="list"><a href="/a">通知一</a><a href="/b">通知二</a></div></body></html>';
    let err: unknown;
    try {
      htmlToText(Buffer.from(html), 'list.html');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(GongbaoError);
    expect((err as GongbaoError).code).toBe('input-html');
    expect((err as GongbaoError).file).toBe('list.html');
    expect((err as GongbaoError).message).toBe('网页中没有找到公文正文');
  });
  it('random HTML-ish input throws nothing but GongbaoError', () => {
    const piece = fc.oneof(
      fc.constantFrom('<p>', '</p>', '<div id="UCAP-CONTENT">', '</div>', '<table><tr><td>', '<td>标题：', '</td>', '<br>', '<script>', '&nbsp;', '&#x', '<h1 class="title">', '<!--', '<meta charset="gbk">'),
      fc.string(), fc.constantFrom(...lines.slice(0, 12)),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), fc.uint8Array({ maxLength: 16 }), (parts, noise) => {
      try {
        htmlToText(Buffer.concat([Buffer.from(parts.join('')), noise]));
      } catch (e) {
        if (!(e instanceof GongbaoError)) throw e;
      }
    }), { numRuns: 300 });
  });
});

describe('isHtml', () => {
  it('recognises pages', () => {
    expect(isHtml(Buffer.from(page()))).toBe(true);
    expect(isHtml(Buffer.from('\ufeff  \n<html lang="zh"><body></body></html>'))).toBe(true);
    expect(isHtml(Buffer.from('<div class="x"><p>文本</p></div>'))).toBe(true);
    expect(isHtml(Buffer.from('<HTML><BODY>'))).toBe(true);
    expect(isHtml(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<html>', 'utf16le')]))).toBe(true);
  });
  it('refuses text and other markup', () => {
    expect(isHtml(readFileSync(TXT))).toBe(false);
    expect(isHtml(Buffer.from(''))).toBe(false);
    expect(isHtml(Buffer.from('<?xml version="1.0"?><root/>'))).toBe(false);
    expect(isHtml(Buffer.from('a < b，<p> 在后面'))).toBe(false);
    expect(isHtml(Buffer.from('<pre>code</pre>'))).toBe(false);
  });
});
