import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { docxToText, isDocx } from '../../src/formats/docx.js';
import { GongbaoError } from '../../src/errors.js';
import { analyzeIssueBytes } from '../../src/pipeline.js';
import { esc, makeDocx, makeZip, para, table } from './make-docx.js';

const code = (f: () => unknown): string | undefined => {
  try { f(); } catch (e) { return e instanceof GongbaoError ? e.code : `not a GongbaoError: ${String(e)}`; }
  return undefined;
};

describe('docxToText', () => {
  it('writes paragraphs as lines with blank lines between, and a table as tab-separated rows', () => {
    const body = para('五台县人民政府') + table([[para('序号'), para('任务')], [para('1'), para('修路') + para('补桥')]]) + para('2023年1月5日');
    for (const stored of [false, true]) {
      expect(docxToText(makeDocx(body, stored))).toBe('五台县人民政府\n\n序号\t任务\n1\t修路 补桥\n\n2023年1月5日\n');
    }
  });
  it('joins runs split mid-word and keeps text as written', () => {
    expect(docxToText(makeDocx(para('关于印', '发', '（试行）的 通知 ')))).toBe('关于印发（试行）的 通知 \n');
  });
  it('reads tabs and breaks inside runs, not tab stops', () => {
    const p = '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r></w:p>';
    expect(docxToText(makeDocx(p))).toBe('甲\t乙\n丙\n');
  });
  it('decodes entities and trims unpreserved whitespace', () => {
    const p = '<w:p><w:r><w:t>A&lt;B&gt;&amp;&quot;&apos;&#20013;&#x6587;</w:t><w:t> x </w:t></w:r></w:p>';
    expect(docxToText(makeDocx(p))).toBe('A<B>&"\'中文x\n');
  });
  it('leaves merged cells empty (gridSpan, vMerge)', () => {
    const span = '<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>' + para('合并') + '</w:tc>';
    const cont = '<w:tc><w:tcPr><w:vMerge/></w:tcPr>' + para('') + '</w:tc>';
    const xml = `<w:tbl><w:tr>${span}<w:tc>${para('丙')}</w:tc></w:tr><w:tr>${cont}<w:tc>${para('乙')}</w:tc><w:tc>${para('丁')}</w:tc></w:tr></w:tbl>`;
    expect(docxToText(makeDocx(xml))).toBe('合并\t\t丙\n\t乙\t丁\n');
  });
  it('flattens a nested table into its cell', () => {
    const inner = table([[para('内一'), para('内二')]]);
    expect(docxToText(makeDocx(table([[para('外') + inner, para('右')]])))).toBe('外 内一 内二\t右\n');
  });
  it('drops empty paragraphs and ignores fields, bookmarks, proofing marks and fallbacks', () => {
    const p = '<w:p/><w:p><w:r><w:t xml:space="preserve">  </w:t></w:r></w:p>'
      + '<w:p><w:bookmarkStart w:id="0" w:name="a"/><w:proofErr w:type="spellStart"/><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>正文</w:t></w:r><w:bookmarkEnd w:id="0"/>'
      + '<mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:t>框</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>框</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>';
    expect(docxToText(makeDocx(p))).toBe('正文框\n');
  });
  it('round-trips a real 公文 through the pipeline', () => {
    const text = readFileSync('/work/shared/corpora/govcn/govcn-05.txt', 'utf8');
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    const back = docxToText(makeDocx(lines.map((l) => para(l)).join('')));
    const summary = (t: string) => analyzeIssueBytes(Buffer.from(t, 'utf8')).documents.map((d) => ({
      docNumber: d.docNumber, title: d.title, issuer: d.issuer, date: d.date, duties: d.responsibilities.length,
    }));
    const want = summary(text);
    expect(want.length).toBeGreaterThan(0);
    expect(want[0]!.duties).toBeGreaterThan(0);
    expect(summary(back)).toEqual(want);
  });
});

describe('titles by style and centring', () => {
  const p = (t: string, ppr = '', sz = 32) => `<w:p><w:pPr>${ppr}</w:pPr><w:r><w:rPr><w:sz w:val="${sz}"/></w:rPr><w:t>${t}</w:t></w:r></w:p>`;
  const body = [p('某某县人民政府关于', '<w:jc w:val="center"/>', 44), p('做好某事的通知', '<w:jc w:val="center"/>', 44),
    p('某政发〔2024〕1号', '<w:jc w:val="center"/>'), p('各乡镇人民政府：'), p('现将有关事项通知如下。现将有关事项通知如下。'), p('（此件公开发布）', '<w:jc w:val="center"/>')];
  it('takes centred paragraphs set larger than the body as one title', () => {
    expect(docxToText(makeDocx(body.join(''))).split('\n\n').slice(0, 3)).toEqual(['# 某某县人民政府关于做好某事的通知', '某政发〔2024〕1号', '各乡镇人民政府：']);
  });
  it('does not take a centred body-size paragraph for a title', () => {
    expect(docxToText(makeDocx(body.join('')))).toContain('\n（此件公开发布）\n');
  });
  it('takes a paragraph in a title style, by the style name styles.xml gives its id', () => {
    const styles = '<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults>' +
      '<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/></w:style><w:style w:type="paragraph" w:styleId="a4"><w:name w:val="Body Text"/></w:style>';
    const xml = `<w:p><w:pPr><w:pStyle w:val="a3"/></w:pPr><w:r><w:t>关于某事的通知</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="a4"/></w:pPr><w:r><w:t>正文。</w:t></w:r></w:p>`;
    expect(docxToText(makeDocx(xml, false, styles))).toBe('# 关于某事的通知\n\n正文。\n');
  });
  it('reads sizes a style inherits through basedOn', () => {
    const styles = '<w:style w:styleId="big"><w:name w:val="大字"/><w:rPr><w:sz w:val="44"/></w:rPr></w:style><w:style w:styleId="bigger"><w:name w:val="大字2"/><w:basedOn w:val="big"/></w:style>';
    const xml = `<w:p><w:pPr><w:pStyle w:val="bigger"/><w:jc w:val="center"/></w:pPr><w:r><w:t>标题文字</w:t></w:r></w:p>${p('正文正文正文正文。', '', 21)}`;
    expect(docxToText(makeDocx(xml, false, styles))).toMatch(/^# 标题文字\n/);
  });
});

describe('automatic numbering', () => {
  const lvl = (i: number, fmt: string, text: string, start = 1) => `<w:lvl w:ilvl="${i}"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;
  const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}${lvl(2, 'decimal', '%3.')}</w:abstractNum>` +
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>' +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>' +
    `<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="11"/></w:lvlOverride></w:num>`;
  const p = (t: string, numId?: string, ilvl = 0) => `<w:p><w:pPr>${numId ? `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>` : ''}</w:pPr><w:r><w:t>${t}</w:t></w:r></w:p>`;
  it('writes the numbers Word shows, by level, restarting deeper levels', () => {
    const xml = [p('总体要求', '1'), p('工作目标', '1', 1), p('到年底完成。', '1', 2), p('第二项', '1', 2), p('主要任务', '1'), p('加强领导', '1', 1), p('正文。'), p('项目', '2'), p('第十一', '3')].join('');
    expect(docxToText(makeDocx(xml, false, undefined, numbering)).split('\n\n')).toEqual([
      '一、总体要求', '（一）工作目标', '1.到年底完成。', '2.第二项', '二、主要任务', '（一）加强领导', '正文。', '项目', '十一、第十一\n',
    ]);
  });
  it('gives a 公文 numbered by Word the same outline as its text', () => {
    const text = readFileSync('/work/shared/corpora/govcn/govcn-03.txt', 'utf8');
    const body = text.split('\n').filter((l) => l.trim()).map((l) => {
      const top = /^[一二三四五六七八九十]+、(.*)$/.exec(l.trim());
      const sub = /^（[一二三四五六七八九十]+）(.*)$/.exec(l.trim());
      return top ? p(esc(top[1]!), '1') : sub ? p(esc(sub[1]!), '1', 1) : p(esc(l.trim()));
    });
    const outline = (bytes: Uint8Array) => {
      const flat = (ns: { title: string; children: unknown[] }[]): string[] => ns.flatMap((n) => [n.title, ...flat(n.children as never)]);
      return flat(analyzeIssueBytes(bytes).documents[0]!.outline as never);
    };
    const want = outline(Buffer.from(text));
    expect(want.length).toBeGreaterThan(10);
    expect(outline(makeDocx(body.join(''), false, undefined, numbering))).toEqual(want);
  });
  it('formats counters as Word does', async () => {
    const { formatNumber } = await import('../../src/formats/docx-numbering.js');
    expect([1, 10, 11, 20, 23, 99].map((n) => formatNumber(n, 'chineseCounting'))).toEqual(['一', '十', '十一', '二十', '二十三', '九十九']);
    expect([formatNumber(3, 'ideographTraditional'), formatNumber(2, 'decimalEnclosedCircle'), formatNumber(4, 'upperRoman'), formatNumber(28, 'lowerLetter')]).toEqual(['丙', '②', 'IV', 'bb']);
  });
});

describe('not a DOCX', () => {
  const good = makeDocx(para('正文'));
  it('recognizes a DOCX', () => {
    expect(isDocx(good)).toBe(true);
    expect(isDocx(Buffer.from('国发〔2019〕3号'))).toBe(false);
    expect(isDocx(makeZip({ 'a.txt': 'x' }))).toBe(false);
  });
  it('refuses plain text, a zip without word/document.xml and a truncated DOCX', () => {
    expect(code(() => docxToText(Buffer.from('国发〔2019〕3号\n'), 'a.docx'))).toBe('input-docx');
    expect(code(() => docxToText(makeZip({ 'word/other.xml': '<x/>' })))).toBe('input-docx');
    expect(code(() => docxToText(good.subarray(0, good.length - 40)))).toBe('input-docx');
    expect(code(() => docxToText(good.subarray(0, 200)))).toBe('input-docx');
  });
  it('names the file and refuses corrupt deflate data', () => {
    const bad = Buffer.from(good);
    const at = bad.indexOf('word/document.xml') + 'word/document.xml'.length;
    bad.fill(0xff, at, at + 12);
    try { docxToText(bad, 'x.docx'); expect.unreachable(); } catch (e) {
      expect(e).toBeInstanceOf(GongbaoError);
      expect(e).toMatchObject({ code: 'input-docx', file: 'x.docx', status: 400 });
    }
  });
  it('never throws anything but GongbaoError on mutated bytes', () => {
    const base = makeDocx(para('一、总体要求') + table([[para('甲'), para('乙')]]) + para('二、', '保障措施'));
    const edit = fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) });
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), fc.nat(), (edits, cut) => {
      const b = Buffer.from(base);
      for (const e of edits) b[e.at % b.length] = e.byte;
      const c = code(() => docxToText(cut % 3 === 0 ? b.subarray(0, cut % b.length) : b));
      expect(c === undefined || c === 'input-docx').toBe(true);
    }), { numRuns: 500 });
  });
});
