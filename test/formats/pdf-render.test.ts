// PDFs made here as a gazette office makes them: each sample issue set as a
// printed gazette and printed by Debian's Chromium (cover, 目录, running
// header, page numbers, centred titles, ruled tables), then read back. Each
// must parse to the same documents as its text (support/same-documents.ts),
// set justified as 公文 are, ragged, or without indentation. The gov.cn
// documents are in pdf-corpus.test.ts.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBytes, analyzeIssueBytes } from '../../src/pipeline.js';
import { pdfReadsAsText } from '../support/same-documents.js';
import { suiteBrowser } from '../web/suite-browser.js';
import { gazetteHtml, printPdf, type RenderOptions } from '../support/render-pdf.mjs';

const SAMPLES = join(import.meta.dirname, '../../data/samples');
const CORPUS = join(import.meta.dirname, '../../../shared/corpora/govcn');
const { run, browser: chrome } = suiteBrowser('pdf-render');

const sameAsText = (file: string, opts: RenderOptions) => pdfReadsAsText(chrome(), file, opts);

describe.runIf(run)('a whole gazette issue printed to PDF', () => {
  const issues = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort();
  it.each(issues)('%s reads as its text does', async (f) => {
    await sameAsText(join(SAMPLES, f), { header: '五台县人民政府公报' });
  }, 300_000);
  it('keeps the issue itself: number, year and 目录', async () => {
    const text = readFileSync(join(SAMPLES, issues[0]!), 'utf8');
    const opts = { header: '五台县人民政府公报' };
    const fromPdf = await analyzeBytes(await printPdf(chrome(), gazetteHtml(text, opts), opts));
    const fromText = analyzeIssueBytes(Buffer.from(text));
    expect(fromPdf.issue).toMatchObject({ year: fromText.issue.year, number: fromText.issue.number, part: fromText.issue.part });
    expect(fromPdf.toc.map((t) => [t.docNumber, t.page])).toEqual(fromText.toc.map((t) => [t.docNumber, t.page]));
  }, 300_000);
});

describe.runIf(run)('other ways of setting the same text', () => {
  const issues = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort();
  const docs = readdirSync(CORPUS).filter((f) => /^govcn-\d+\.txt$/.test(f)).sort().filter((_, i) => i % 8 === 0);
  // Two issues per style (the one with the widest tables and the one with the most documents) keep the suite's time in bounds.
  it.each(['wutai-2022-no4-part2.txt', 'wutai-2023-no2.txt'].filter((f) => issues.includes(f)).flatMap((f) => (['ragged', 'spaced'] as const).map((p) => [f, p] as const)))('%s set %s reads as its text does', async (f, paragraphs) => {
    await sameAsText(join(SAMPLES, f), { header: '五台县人民政府公报', paragraphs });
  }, 300_000);
  it.each(docs)('%s without indentation reads as its text does', async (f) => {
    await sameAsText(join(CORPUS, f), { plainTitle: true, paragraphs: 'spaced' });
  }, 120_000);
});

describe.runIf(run)('provenance into the PDF', () => {
  it('gives each text line the page and line it starts at', async () => {
    const { loadSource } = await import('../../src/formats/index.js');
    const text = readFileSync(join(CORPUS, 'govcn-05.txt'), 'utf8');
    const pdf = await printPdf(chrome(), gazetteHtml(text, { plainTitle: true, header: '国务院公报' }), { header: '国务院公报' });
    const src = await loadSource(pdf);
    const lines = src.text.split('\n');
    expect(src.positions).toHaveLength(lines.length - 1);
    expect(src.positions![0]).toEqual({ page: 1, line: 1 });
    const pages = src.positions!.flatMap((p) => (p ? [p.page] : []));
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    expect(Math.max(...pages)).toBe(src.pages);
    // The running header and the page numbers are not content.
    expect(src.text).not.toMatch(/国务院公报\n|— \d+ —/);
  }, 120_000);
  it('writes a parse of a PDF from the command line', async () => {
    const { runBin } = await import('../cli/bin.js');
    const dir = mkdtempSync(join(tmpdir(), 'gongbao-pdf-'));
    const text = readFileSync(join(CORPUS, 'govcn-05.txt'), 'utf8');
    const file = join(dir, '综保区意见.pdf');
    writeFileSync(file, await printPdf(chrome(), gazetteHtml(text, { plainTitle: true }), {}));
    const r = await runBin(['parse', file, '--compact']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).documents[0].docNumber).toBe(analyzeIssueBytes(Buffer.from(text)).documents[0]!.docNumber);
  }, 120_000);
});
