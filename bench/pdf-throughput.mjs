// PDF input throughput: a gazette issue of at least 100 pages, printed to PDF
// by Debian's Chromium as the tests print issues, is read (pdfjs + layout) and
// parsed, each measurement in a fresh child process so that its peak memory
// (maxRSS) is its own. Baseline in the same run: the same issue's text through
// the text path. OCR: seconds per scanned page, when Tesseract is installed.
//
//   npm run build && node bench/pdf-throughput.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { gazetteHtml, printPdf } from '../test/support/render-pdf.mjs';

const root = join(import.meta.dirname, '..');
const MIN_PAGES = Number(process.env.BENCH_PAGES ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'gongbao-bench-pdf-'));
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu'];

/** One measurement in a child: read (and parse) a file, report ms and maxRSS. */
const CHILD = `
const [mode, file] = process.argv.slice(1);
const { readFileSync } = await import('node:fs');
const { loadSource } = await import(${JSON.stringify(`${root}/dist/formats/index.js`)});
const { analyzeSource } = await import(${JSON.stringify(`${root}/dist/pipeline.js`)});
const bytes = readFileSync(file);
let t = process.hrtime.bigint();
let src = await loadSource(bytes, file);
const cold = Number(process.hrtime.bigint() - t) / 1e6;
// Again in the same process: without loading pdfjs and its fonts and CMaps, which the first file pays once.
t = process.hrtime.bigint();
src = await loadSource(bytes, file);
const read = Number(process.hrtime.bigint() - t) / 1e6;
const docs = mode === 'parse' ? analyzeSource(src).documents.length : 0;
const total = Number(process.hrtime.bigint() - t) / 1e6;
process.stdout.write(JSON.stringify({ cold, read, total, docs, pages: src.pages ?? 0, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
`;
const measure = (mode, file) => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', CHILD, mode, file], { encoding: 'utf8', maxBuffer: 1 << 24 }));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: FLAGS });
try {
  // An issue of at least MIN_PAGES pages: the samples' texts one after another, as often as needed.
  const samples = ['wutai-2022-no1.txt', 'wutai-2021-no4.txt', 'wutai-2022-no4-part2.txt', 'wutai-2023-no2.txt'].map((f) => readFileSync(join(root, 'data/samples', f), 'utf8'));
  let text = samples[0];
  let pdf = await printPdf(browser, gazetteHtml(text, { header: '五台县人民政府公报' }), { header: '五台县人民政府公报' });
  for (let k = 1; (await pageCount(pdf)) < MIN_PAGES; k++) {
    text += `\n${samples[k % samples.length]}`;
    pdf = await printPdf(browser, gazetteHtml(text, { header: '五台县人民政府公报' }), { header: '五台县人民政府公报' });
  }
  const pdfFile = join(dir, 'issue.pdf');
  const txtFile = join(dir, 'issue.txt');
  writeFileSync(pdfFile, pdf);
  writeFileSync(txtFile, text);
  measure('parse', pdfFile); // warm the disk cache and the module cache
  const rows = { read: [], parse: [], text: [] };
  for (let i = 0; i < RUNS; i++) {
    rows.read.push(measure('read', pdfFile));
    rows.parse.push(measure('parse', pdfFile));
    rows.text.push(measure('parse', txtFile));
  }
  const pages = rows.read[0].pages;
  const readMs = median(rows.read.map((r) => r.read));
  const parseMs = median(rows.parse.map((r) => r.total));
  const textMs = median(rows.text.map((r) => r.total));
  console.log(`PDF: ${pages} pages, ${(pdf.length / 1e6).toFixed(1)} MB, ${rows.parse[0].docs} documents (text path: ${rows.text[0].docs}); median of ${RUNS} runs, each in a fresh process`);
  console.log('| step | ms | pages/s | peak RSS MB |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(`| first file in a process (loads pdfjs, fonts, CMaps) | ${median(rows.read.map((r) => r.cold)).toFixed(0)} | ${(pages / (median(rows.read.map((r) => r.cold)) / 1000)).toFixed(1)} | |`);
  console.log(`| read PDF (pdfjs + layout) | ${readMs.toFixed(0)} | ${(pages / (readMs / 1000)).toFixed(1)} | ${median(rows.read.map((r) => r.maxRssMB)).toFixed(0)} |`);
  console.log(`| read + parse + extract | ${parseMs.toFixed(0)} | ${(pages / (parseMs / 1000)).toFixed(1)} | ${median(rows.parse.map((r) => r.maxRssMB)).toFixed(0)} |`);
  console.log(`| baseline: same issue as text | ${textMs.toFixed(0)} | ${(pages / (textMs / 1000)).toFixed(1)} | ${median(rows.text.map((r) => r.maxRssMB)).toFixed(0)} |`);
  console.log(`ratio PDF / text: ${(parseMs / textMs).toFixed(1)}×`);

  // OCR: pages printed as images (no text layer), read by Tesseract.
  let tesseract = true;
  try {
    execFileSync('tesseract', ['--list-langs'], { stdio: 'pipe' });
  } catch {
    tesseract = false;
  }
  if (!tesseract) console.log('OCR: Tesseract not installed, skipped');
  else {
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 }, deviceScaleFactor: 2 });
    const shots = [];
    const govcn = readFileSync(join(root, '../shared/corpora/govcn/govcn-05.txt'), 'utf8');
    await page.setContent(gazetteHtml(govcn, { plainTitle: true }).replace('margin: 0;', 'margin: 0; padding: 30mm 26mm 0 28mm;'));
    for (let k = 0; k < 3; k++) shots.push((await page.screenshot({ fullPage: true, clip: { x: 0, y: k * 1123, width: 794, height: 1123 } })).toString('base64'));
    await page.setContent(`<html><head><style>@page{size:A4;margin:0}body{margin:0}img{width:210mm;height:297mm;display:block;break-after:page}</style></head><body>${shots.map((s) => `<img src="data:image/png;base64,${s}">`).join('')}</body></html>`);
    const scanFile = join(dir, 'scan.pdf');
    writeFileSync(scanFile, await page.pdf({ preferCSSPageSize: true }));
    const r = measure('read', scanFile);
    console.log(`OCR: ${r.pages} scanned pages in ${(r.read / 1000).toFixed(1)} s: ${(r.read / 1000 / r.pages).toFixed(1)} s per page, peak RSS ${r.maxRssMB.toFixed(0)} MB`);
  }
} finally {
  await browser.close();
}

async function pageCount(bytes) {
  const { openPdf } = await import(`${root}/dist/formats/pdf.js`);
  const doc = await openPdf(bytes);
  const n = doc.numPages;
  await doc.destroy();
  return n;
}
