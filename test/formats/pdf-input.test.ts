// PDFs as input to the library: what is refused (encrypted, damaged, cut
// short, scans without an OCR engine) is one line and writes nothing; a
// scan is read by Tesseract when it is installed (required under CI, which
// installs it); an ingested PDF keeps its bytes, is idempotent, and every
// document's lines point to their page and line.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GongbaoError } from '../../src/errors.js';
import { loadSource } from '../../src/formats/index.js';
import { hasTesseract } from '../../src/formats/ocr.js';
import { analyzeSource } from '../../src/pipeline.js';
import { ingestPaths, openLibrary } from '../../src/store/library.js';
import { originalFile, sourceLines } from '../../src/web/services/library.js';
import { runBin } from '../cli/bin.js';
import { suiteBrowser } from '../web/suite-browser.js';
import { minimalPdf } from './make-pdf.js';
import { gazetteHtml, printPdf } from '../support/render-pdf.mjs';

const CORPUS = join(import.meta.dirname, '../../../shared/corpora/govcn');
const dir = () => mkdtempSync(join(tmpdir(), 'gongbao-pdf-'));
const lineOf = async (p: Promise<unknown>) => {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(GongbaoError);
  return (e as GongbaoError).toLine();
};
const count = (db: ReturnType<typeof openLibrary>) => (db.prepare('SELECT count(*) AS n FROM sources').get() as { n: number }).n;

describe('PDFs refused in one line, nothing written', () => {
  it('an encrypted PDF', async () => {
    expect(await lineOf(loadSource(minimalPdf({ encrypt: true }), 'secret.pdf'))).toBe('secret.pdf: PDF 文件已加密（需要密码）：请提供未加密的文件');
  });
  it('a damaged PDF', async () => {
    expect(await lineOf(loadSource(Buffer.from('%PDF-1.7\nnot really\n%%EOF\n'), 'bad.pdf'))).toMatch(/^bad\.pdf: 无法读取 PDF 文件/);
  });
  it('a PDF cut short', async () => {
    const whole = minimalPdf({ content: 'BT ET' });
    expect(await lineOf(loadSource(whole.subarray(0, whole.length - 40), 'cut.pdf'))).toMatch(/不完整/);
  });
  it('a page without text when no OCR is asked for says what to install', async () => {
    const line = await lineOf(loadSource(minimalPdf(), 'scan.pdf', { ocr: false }));
    expect(line).toMatch(/第 1 页是扫描图像.*tesseract-ocr-chi-sim/);
  });
  it('ingest keeps the good files and writes nothing for the bad ones; the CLI says one line', async () => {
    const d = dir();
    writeFileSync(join(d, 'a-secret.pdf'), minimalPdf({ encrypt: true }));
    writeFileSync(join(d, 'b-cut.pdf'), minimalPdf().subarray(0, 100));
    const db = openLibrary(':memory:');
    const s = await ingestPaths(db, [d]);
    expect(s.results).toEqual([]);
    expect(s.failures.map((f) => f.error)).toEqual([expect.stringMatching(/a-secret\.pdf: .*加密/), expect.stringMatching(/b-cut\.pdf: .*不完整/)]);
    expect(count(db)).toBe(0);
    const r = await runBin(['parse', join(d, 'a-secret.pdf')]);
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('加密');
  });
});

const { run, browser: chrome } = suiteBrowser('pdf-input');

describe.runIf(run)('an ingested PDF', () => {
  it('is stored once with its bytes, and its lines point to page and line', async () => {
    const d = dir();
    const text = readFileSync(join(CORPUS, 'govcn-03.txt'), 'utf8');
    const pdf = await printPdf(chrome(), gazetteHtml(text, { plainTitle: true, header: '国务院公报' }), { header: '国务院公报' });
    const file = join(d, '职教方案.pdf');
    writeFileSync(file, pdf);
    const db = openLibrary(join(d, 'lib.db'));
    const first = await ingestPaths(db, [d]);
    expect(first.failures).toEqual([]);
    expect(first.results[0]).toMatchObject({ status: 'added', documents: 1 });
    expect((await ingestPaths(db, [file])).results[0]).toMatchObject({ status: 'unchanged' });
    expect(count(db)).toBe(1);
    const { id } = db.prepare('SELECT id FROM documents').get() as { id: number };
    const original = originalFile(db, id);
    expect(Buffer.compare(original.bytes, pdf)).toBe(0);
    expect(original).toMatchObject({ name: '职教方案.pdf', encoding: 'pdf' });
    const lines = sourceLines(db, id);
    expect(lines[0]).toMatchObject({ page: 1, pageLine: 1 });
    const last = lines.filter((l) => l.page).pop()!;
    expect(last.page).toBeGreaterThan(5);
    // The document knows the PDF pages it runs over and the numbers printed on them.
    const doc = JSON.parse((db.prepare('SELECT json FROM documents WHERE id = ?').get(id) as { json: string }).json);
    expect(doc.pdfPages).toEqual({ from: 1, to: last.page, printedFrom: 1, printedTo: last.page });
    // A responsibility's line is a line of the stored text, so it too has a page.
    const resp = db.prepare('SELECT line_start FROM responsibilities LIMIT 1').get() as { line_start: number } | undefined;
    if (resp) expect(lines.find((l) => l.no === resp.line_start)?.page).toBeGreaterThan(0);
  }, 120_000);
});

describe.runIf(run)('a picture page in a born-digital issue', () => {
  it('without OCR, the other pages are read and the picture page is named in a warning', async () => {
    const text = readFileSync(join(CORPUS, 'govcn-31.txt'), 'utf8');
    const page = await chrome().newPage();
    const dot = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
    await page.setContent(gazetteHtml(text, { plainTitle: true }).replace('<body>', `<body><img src="data:image/png;base64,${dot}" style="width:150mm;height:200mm;display:block;break-after:page">`));
    const pdf = await page.pdf({ preferCSSPageSize: true });
    await page.close();
    const src = await loadSource(pdf, 'cover.pdf', { ocr: false });
    expect(src.diagnostics).toEqual([expect.objectContaining({ code: 'pdf-no-text', severity: 'warning', message: expect.stringMatching(/^第 1 页没有文字层/) })]);
    expect(analyzeSource(src).documents[0]!.title).toContain('世界大学生夏季运动会');
  }, 120_000);
});

const ocr = hasTesseract() ? 'run' : process.env.CI && process.env.CI !== 'false' ? 'fail' : 'skip';
if (ocr === 'skip') console.warn('[pdf-input] 跳过 OCR 测试：未安装 tesseract-ocr 与 tesseract-ocr-chi-sim');

describe.runIf(run)('a scanned page', () => {
  it.runIf(ocr !== 'skip')('is read by Tesseract, and the diagnostics say so with the confidence', async () => {
    expect(ocr, 'CI 中必须安装 tesseract-ocr 与 tesseract-ocr-chi-sim（.ci/apt-packages）').toBe('run');
    const text = readFileSync(join(CORPUS, 'govcn-31.txt'), 'utf8');
    const page = await chrome().newPage({ viewport: { width: 794, height: 1123 }, deviceScaleFactor: 2 });
    await page.setContent(gazetteHtml(text, { plainTitle: true }).replace('margin: 0;', 'margin: 0; padding: 30mm 26mm 0 28mm;'));
    const png = await page.screenshot({ clip: { x: 0, y: 0, width: 794, height: 1123 } });
    await page.setContent(`<html><head><style>@page{size:A4;margin:0}body{margin:0}img{width:210mm;height:297mm;display:block}</style></head>
      <body><img src="data:image/png;base64,${png.toString('base64')}"></body></html>`);
    const scan = await page.pdf({ preferCSSPageSize: true });
    await page.close();
    const src = await loadSource(scan, 'scan.pdf');
    expect(src.diagnostics).toEqual([expect.objectContaining({ code: 'pdf-ocr', message: expect.stringMatching(/第 1 页.*OCR.*置信度 \d+/) })]);
    const confidence = Number(/置信度 (\d+)/.exec(src.diagnostics![0]!.message)![1]);
    expect(confidence).toBeGreaterThan(60);
    expect(src.text).toContain('名义申办2011年第26届世界大学生夏季运动会');
    const doc = analyzeSource(src).documents[0]!;
    expect(doc.title).toContain('世界大学生夏季运动会');
    expect(doc.issuer).toBe('国务院办公厅');
  }, 240_000);
});
