// Issues assembled from gov.cn documents (scripts/assemble-issue.mjs): a
// cover, a 目录 with page numbers, a running header at every page break,
// page-number lines and paragraphs split across page breaks. Each document's
// fields are the corpus's hand-checked ones.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIssueText } from '../../src/parse/issue.js';

const DIR = join(import.meta.dirname, '../fixtures/assembled');
const cjk = (s: string) => s.replace(/[^\u4e00-\u9fff]/g, '');

interface Expected {
  issue: { year: number; number: number };
  documents: { docNumber: string; title: string; titleAlternatives?: string[]; issuer: string; date: string; tocPage: number; lastParagraphCjkTail: string }[];
}

describe.each(['govcn-issue-a', 'govcn-issue-b'])('assembled issue %s', (name) => {
  const text = readFileSync(join(DIR, `${name}.txt`), 'utf8');
  const exp = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), 'utf8')) as Expected;
  const parsed = parseIssueText(text);

  it('reads the cover and every 目录 entry, with no mismatch', () => {
    expect(parsed.issue).toMatchObject({ ...exp.issue, gazette: '中华人民共和国国务院公报' });
    expect(parsed.issue.standalone).toBeUndefined();
    expect(parsed.toc).toHaveLength(exp.documents.length);
    const codes = [...parsed.diagnostics, ...parsed.documents.flatMap((d) => d.diagnostics)].map((d) => d.code);
    expect(codes).not.toContain('toc-body-mismatch');
    expect(codes).toContain('running-head-removed');
  });

  it('finds every document with its hand-checked fields', () => {
    expect(parsed.documents.map((d) => d.docNumber)).toEqual(exp.documents.map((e) => e.docNumber));
    parsed.documents.forEach((d, i) => {
      const e = exp.documents[i]!;
      expect([e.title, ...(e.titleAlternatives ?? [])]).toContain(d.title);
      expect({ issuer: d.issuer, date: d.date, tocPage: d.tocPage }).toEqual({ issuer: e.issuer, date: e.date, tocPage: e.tocPage });
      expect(cjk(d.text)).toContain(e.lastParagraphCjkTail);
      if (i + 1 < parsed.documents.length) expect(cjk(parsed.documents[i + 1]!.text)).not.toContain(e.lastParagraphCjkTail);
    });
  });

  it('keeps the running header out of the text and rejoins paragraphs split by a page break', () => {
    for (const d of parsed.documents) expect(d.text).not.toContain('中华人民共和国国务院公报');
    // Each split paragraph's two halves are one block again.
    const lines = text.split('\n');
    const splits = lines.flatMap((l, i) => (/^— \d+ —$/.test(l) && lines[i - 2] && !/[。；：]$/.test(lines[i - 2]!) && lines[i - 2]!.length > 10 ? [lines[i - 2]! + lines[i + 4]!] : []));
    expect(splits.length).toBeGreaterThan(2);
    const all = parsed.documents.map((d) => d.text.replace(/\s+/g, '')).join('\n');
    for (const s of splits) expect(all).toContain(s.replace(/\s+/g, ''));
  });
});
