#!/usr/bin/env node
// Assemble a gazette issue from single 公文 files, the way a printed issue
// lays them out: a cover, a 目录 with page numbers, every page ending in a
// page-number line and opening with a running header, and paragraphs split
// across page breaks. Writes ISSUE.txt and ISSUE.expected.json (the
// documents' hand-checked fields, taken from the corpus's expected.json).
// Usage: node scripts/assemble-issue.mjs OUT_BASENAME "GAZETTE" YEAR NUMBER FILE...
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const [out, gazette, year, number, ...files] = process.argv.slice(2);
/** Characters on a printed page (a page break falls inside the paragraph that crosses it). */
const PAGE_CHARS = 700;
const expectedAll = JSON.parse(readFileSync(join(dirname(files[0]), 'expected.json'), 'utf8'));

const pages = [[]];
let printed = 0;
const body = [];
const push = (...lines) => body.push(...lines);
const breakPage = () => {
  push('', `— ${pages.length} —`, '', gazette, '');
  pages.push([]);
  printed = 0;
};
const starts = [];
for (const f of files) {
  if (printed) breakPage(); // every document starts on a new page
  starts.push(pages.length);
  for (const line of readFileSync(f, 'utf8').split(/\r?\n/)) {
    if (!line.trim()) {
      push('');
      continue;
    }
    if (printed + line.length > PAGE_CHARS && line.length > 40) {
      // A paragraph split across the page break, mid-sentence.
      const cut = Math.max(10, Math.min(line.length - 10, PAGE_CHARS - printed));
      push(line.slice(0, cut));
      breakPage();
      push(line.slice(cut));
      printed = line.length - cut;
      continue;
    }
    push(line);
    printed += line.length;
    if (printed >= PAGE_CHARS) breakPage();
  }
}
const expected = files.map((f) => expectedAll[basename(f)].documents[0]);
const toc = expected.map((e, i) => `${i + 1}、${e.title} ${e.docNumber}……（${starts[i]}）`);
const cover = [gazette, '', `${year}年第${number}期`, '', '国务院办公厅 编', '', '目　录', '', '【国务院文件】', '', ...toc.flatMap((t) => [t, '']), ''];
writeFileSync(`${out}.txt`, [...cover, ...body, `— ${pages.length} —`, ''].join('\n'));
writeFileSync(
  `${out}.expected.json`,
  JSON.stringify({ issue: { year: Number(year), number: Number(number) }, documents: expected.map((e, i) => ({ ...e, tocPage: starts[i] })) }, null, 2) + '\n',
);
