// What "reads as its text does" means for another format: the same documents
// with the same 文号, title, issuer, date, and end (the last ten Chinese
// characters of each document's text; the text path's ends are checked
// against the hand-checked samples).
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import type { AnalyzedIssue } from '../../src/extract/index.js';
import { analyzeBytes, analyzeIssueBytes } from '../../src/pipeline.js';
import { gazetteHtml, printPdf, type RenderOptions } from './render-pdf.mjs';

const flat = (s: string | null | undefined) => (s ?? '').normalize('NFKC').replace(/\s+/g, '');
const cjk = (s: string) => s.replace(/[^\u4e00-\u9fff]/g, '');

export const documentsOf = (a: AnalyzedIssue) => a.documents.map((d) => ({
  docNumber: d.docNumber, title: flat(d.title), issuer: d.issuer, date: d.date, end: cjk(d.text).slice(-10),
}));

/** Print a text file as a gazette PDF and check it reads as the text does. */
export async function pdfReadsAsText(browser: Browser, file: string, opts: RenderOptions): Promise<void> {
  const text = readFileSync(file, 'utf8');
  const pdf = await printPdf(browser, gazetteHtml(text, opts), opts);
  const fromPdf = await analyzeBytes(pdf, { file: `${file}.pdf` });
  expect(documentsOf(fromPdf)).toEqual(documentsOf(analyzeIssueBytes(Buffer.from(text))));
}
