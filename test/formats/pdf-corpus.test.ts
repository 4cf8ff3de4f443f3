// Each gov.cn document printed to PDF as a gazette prints it (and one in two
// columns) reads as its text does (support/same-documents.ts).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfReadsAsText } from '../support/same-documents.js';
import type { RenderOptions } from '../support/render-pdf.mjs';
import { suiteBrowser } from '../web/suite-browser.js';

const CORPUS = join(import.meta.dirname, '../../../shared/corpora/govcn');
const { run, browser: chrome } = suiteBrowser('pdf-corpus');
const sameAsText = (file: string, opts: RenderOptions) => pdfReadsAsText(chrome(), file, opts);

describe.runIf(run)('each gov.cn document printed to PDF', () => {
  const docs = readdirSync(CORPUS).filter((f) => /^govcn-\d+\.txt$/.test(f)).sort();
  it('has the forty documents', () => expect(docs.length).toBeGreaterThanOrEqual(40));
  it.each(docs)('%s reads as its text does', async (f) => {
    await sameAsText(join(CORPUS, f), { plainTitle: true, header: '中华人民共和国国务院公报' });
  }, 120_000);
  it('reads a two-column printing in column order', async () => {
    await sameAsText(join(CORPUS, docs[1]!), { plainTitle: true, columns: 2 });
  }, 120_000);
});

