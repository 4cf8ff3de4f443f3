// One test per layout rule, on pages built by hand (points, y from the top):
// A4 595×842, body 14pt from x=80 to x=520, 22pt titles.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findGutter, furniture, joinLetterSpaced, layOut, margins, pageLines, readingOrder, type PdfPage, type PdfRun } from '../../src/formats/pdf-layout.js';
import { assembleTables } from '../../src/formats/pdf-tables.js';
import { unifyRadicals } from '../../src/formats/pdf.js';
import { parseTsv, wordsToRuns } from '../../src/formats/ocr.js';

const L = 80;
const R = 520;
const S = 14;
/** A run of CJK text set at `size`, one em per character. */
const run = (str: string, x: number, y: number, size = S): PdfRun => ({ str, x, y, w: [...str].length * size, size });
/** A full body line from the left margin to the right (31 characters of 14pt ≈ 434pt, justified to 440). */
const full = (str: string, y: number, x = L): PdfRun => ({ str, x, y, w: R - x, size: S });
const page = (no: number, runs: PdfRun[]): PdfPage => ({ no, width: 595, height: 842, runs });
const text = (pages: PdfPage[]) => layOut(pages).text.split('\n').filter(Boolean);

describe('lines from runs', () => {
  it('groups runs on one baseline, in x order, and joins adjacent runs without a space', () => {
    const lines = pageLines(page(1, [run('人民', 108, 100), run('五台县', 66, 100.5), run('政府', 136, 100), run('第二行', 80, 130)]));
    expect(lines.map((l) => l.text)).toEqual(['五台县人民政府', '第二行']);
  });
  it('keeps a space between Latin words only', () => {
    const lines = pageLines(page(1, [{ str: 'WUTAIXIAN', x: 80, y: 100, w: 60, size: 10 }, { str: 'RENMIN', x: 144, y: 100, w: 40, size: 10 }]));
    expect(lines[0]!.text).toBe('WUTAIXIAN RENMIN');
  });
  it('splits at a gap wider than a character and a fifth: cells', () => {
    const l = pageLines(page(1, [run('序号', 80, 100), run('责任单位', 200, 100)]))[0]!;
    expect(l.segments.map((s) => s.text)).toEqual(['序号', '责任单位']);
    expect(l.text).toBe('序号\t责任单位');
  });
});

describe('running heads, footers and page numbers', () => {
  const pages = [1, 2, 3, 4].map((n) => page(n, [
    run('某某县人民政府公报', 250, 30, 9), full('正文第一行正文第一行正文第一行', 100), run(`— ${n} —`, 285, 820, 10),
  ]));
  it('drops the page number, the small header and the repeated line by their place', () => {
    expect(text(pages)).toEqual(['正文第一行正文第一行正文第一行'.repeat(4)]);
    expect(layOut(pages).furniture).toBe(8);
    expect(layOut(pages).printedPages).toEqual([1, 2, 3, 4]);
  });
  it('keeps a body-size line in the top band that does not repeat', () => {
    const one = [page(1, [run('通知', 250, 60), full('正文', 100), full('正文', 122)])];
    expect(text(one)[0]).toBe('通知');
  });
  it('takes page numbers in their common shapes', () => {
    const shapes = ['- 3 -', '— 12 —', '第 3 页', '3', '·3·', '第3页 共9页'];
    for (const s of shapes) {
      const p = page(1, [full('正文', 100), run(s, 290, 820, 14)]);
      expect(furniture([{ page: p, lines: pageLines(p) }], 14).size, s).toBe(1);
    }
  });
});

describe('paragraphs', () => {
  it('joins a full line to a next line at the left margin', () => {
    expect(text([page(1, [full('第一行', 100, L + 28), run('接续。', L, 122)])])).toEqual(['第一行接续。']);
  });
  it('does not join after a short line, nor into an indented line', () => {
    expect(text([page(1, [full('段一', 100, L + 28), run('完。', L, 122), full('段二', 144, L + 28)])])).toEqual(['段一完。', '段二']);
  });
  it('joins a paragraph across a page break', () => {
    const pages = [page(1, [full('上页', 700, L + 28)]), page(2, [run('下页。', L, 100)])];
    expect(text(pages)).toEqual(['上页下页。']);
  });
  it('keeps right-aligned signature and date lines apart', () => {
    const lines = text([page(1, [full('正文', 100, L + 28), run('完。', L, 122), run('某某县人民政府', R - 98, 160), run('2024年1月10日', R - 112, 182), run('（此件公开发布）', L + 28, 204)])]);
    expect(lines).toEqual(['正文完。', '某某县人民政府', '2024年1月10日', '（此件公开发布）']);
  });
  it('does not continue a flush-right line across a page break', () => {
    const pages = [page(1, [full('正文', 600, L + 28), run('完。', L, 622), run('2022年9月16日', R - 140, 700)]), page(2, [run('下一件公文的标题', L, 100)])];
    expect(text(pages)).toEqual(['正文完。', '2022年9月16日', '下一件公文的标题']);
  });
  it('sets apart paragraphs separated by space instead of indentation', () => {
    const lines = [100, 122, 144, 176, 198].map((y, i) => (i === 2 || i === 4 ? run('完。', L, y) : full('正文', y)));
    expect(text([page(1, lines)])).toEqual(['正文正文完。', '正文完。']);
  });
  it('does not run a 目录 entry ending in its page number into the next', () => {
    expect(text([page(1, [full('1、关于某事的通知……………(3)', 100), run('2、关于另一事的通知……(7)', L, 122)])])).toHaveLength(2);
  });
  it('starts a new paragraph at a marker after a sentence end', () => {
    expect(text([page(1, [full('完成。', 100, L + 28), run('二、下一部分', L, 122)])])).toHaveLength(2);
  });
  it('uses the margins most lines share, not an indented majority', () => {
    const lines = [100, 122, 144, 166, 188].flatMap((y, i) => [run('短段', L + 28, y * 2 + i)]).map((r) => pageLines(page(1, [r]))[0]!);
    const more = [full('x', 400), run('y', L, 422), full('x', 444), run('y', L, 466)].map((r) => pageLines(page(1, [r]))[0]!);
    expect(margins([...lines, ...more])).toEqual({ left: L, right: R });
  });
});

describe('titles', () => {
  it('marks lines clearly larger than the body as a title and joins its lines', () => {
    const lines = text([page(1, [run('某某县人民政府关于', 150, 80, 22), run('做好某事的通知', 170, 110, 22), run('某政发〔2024〕1号', 230, 150), full('正文', 190, L + 28), full('正文', 212), full('正文', 234)])]);
    expect(lines.slice(0, 2)).toEqual(['# 某某县人民政府关于做好某事的通知', '某政发〔2024〕1号']);
  });
});

describe('two columns', () => {
  const rows = Array.from({ length: 12 }, (_, i) => 100 + i * 22);
  const left = rows.map((y, i) => ({ str: `左${i}左左左`, x: 80, y, w: 200, size: 12 }));
  const right = rows.map((y, i) => ({ str: `右${i}右右右`, x: 310, y, w: 200, size: 12 }));
  it('finds the gutter of justified columns and reads the left column first', () => {
    const p = page(1, [...left, ...right]);
    const lines = pageLines(p);
    expect(findGutter(lines, 595)).toBeGreaterThan(280);
    const order = readingOrder(lines, 595).map((l) => l.text);
    expect(order.slice(0, 2)).toEqual(['左0左左左', '左1左左左']);
    expect(order[12]).toBe('右0右右右');
  });
  it('does not take a ragged two-column table for columns', () => {
    const ragged = rows.map((y, i) => run('项'.repeat(1 + (i % 5)), 80, y, 12));
    const p = page(1, [...ragged, ...right.map((r) => ({ ...r, w: 40 + (r.y % 7) * 20 }))]);
    expect(findGutter(pageLines(p), 595)).toBeNull();
  });
});

describe('tables', () => {
  it('assembles rows whose cells wrap, by the column of each piece', () => {
    const p = page(1, [
      run('序号', 80, 100, 10), run('事项', 130, 100, 10), run('责任单位', 300, 100, 10),
      run('1', 80, 114, 10), run('道路交通安全宣', 130, 114, 10), run('县交通运输局、', 300, 114, 10),
      run('传教育', 130, 126, 10), run('县公安局', 300, 126, 10),
      run('2', 80, 140, 10), run('农村道路', 130, 140, 10), run('县交通运输局', 300, 140, 10),
    ]);
    const rows = assembleTables(pageLines(p)).map((l) => l.text);
    expect(rows).toEqual(['序号\t事项\t责任单位', '1\t道路交通安全宣传教育\t县交通运输局、县公安局', '2\t农村道路\t县交通运输局']);
  });
  it('joins a letter-spaced heading instead of making it a row', () => {
    const p = page(1, [run('目', 260, 100), run('录', 300, 100)]);
    expect(joinLetterSpaced(pageLines(p)).map((l) => l.text)).toEqual(['目\u3000录']);
  });
});

describe('glyphs', () => {
  it('maps radicals that fonts share with ideographs back to the ideograph', () => {
    expect(unifyRadicals('五台县⼈⺠政府⻓⻔⻢')).toBe('五台县人民政府长门马');
    expect(unifyRadicals('没有部首')).toBe('没有部首');
  });
});

describe('OCR output', () => {
  const tsv = [
    'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
    '5\t1\t1\t1\t1\t1\t300\t600\t120\t60\t91.5\t五台县',
    '5\t1\t1\t1\t1\t2\t420\t604\t80\t56\t88\t政府',
    '4\t1\t1\t1\t2\t0\t240\t700\t900\t60\t-1\t',
    '5\t1\t1\t1\t2\t1\t240\t700\t900\t60\t80\t通知',
  ].join('\n');
  it('reads words with their boxes and lines', () => {
    expect(parseTsv(tsv).map((w) => [w.text, w.line, w.conf, w.lineHeight])).toEqual([['五台县', '1.1.1', 91.5, 60], ['政府', '1.1.1', 88, 56], ['通知', '1.1.2', 80, 60]]);
  });
  it('puts the words of one line on one baseline, in points, close words in one run', () => {
    const runs = wordsToRuns(parseTsv(tsv), 3);
    expect(runs.map((r) => r.str)).toEqual(['五台县政府', '通知']);
    expect(runs[0]).toMatchObject({ x: 100, y: 660 / 3 });
    expect(runs[1]!.size).toBeCloseTo(60 / 0.92 / 3);
    expect(pageLines(page(1, runs)).map((l) => l.text)).toEqual(['五台县政府', '通知']);
  });
});

describe('robustness', () => {
  const arbRun = fc.record({
    str: fc.string({ maxLength: 12 }), x: fc.double({ min: -50, max: 700, noNaN: true }), y: fc.double({ min: -50, max: 900, noNaN: true }),
    w: fc.double({ min: 0, max: 600, noNaN: true }), size: fc.double({ min: 1, max: 40, noNaN: true }),
  });
  it('never throws on arbitrary runs, and keeps every non-blank character in order within a line', () => {
    fc.assert(fc.property(fc.array(fc.array(arbRun, { maxLength: 40 }), { minLength: 1, maxLength: 4 }), (pages) => {
      const out = layOut(pages.map((runs, i) => page(i + 1, runs)));
      expect(out.positions).toHaveLength(out.text.split('\n').length - 1);
    }), { numRuns: 300 });
  });
  it('lays out a long page set in time linear in its size (no quadratic pass)', () => {
    const many = (n: number) => Array.from({ length: n }, (_, p) => page(p + 1, Array.from({ length: 40 }, (_, i) => full('正文正文正文', 80 + i * 18, i % 7 ? L : L + 28))));
    const time = (n: number) => {
      const t = process.hrtime.bigint();
      layOut(many(n));
      return Number(process.hrtime.bigint() - t);
    };
    time(20);
    // A ratio within one run, generous for a loaded machine: 8× the pages may take at most 40× the time.
    expect(time(160) / time(20)).toBeLessThan(40);
  });
});
