// The hand-checked expectations for the bundled samples (a copy of
// shared/samples/expected.json): inventory and document boundaries.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIssueBytes } from '../../src/parse/issue.js';

interface ExpectedDoc {
  docNumber: string; title: string; titleAlternatives?: string[]; issuer: string; date: string | null;
  category: string; tocPage: number; lastParagraphCjkTail: string;
}
interface Expected { issue: Record<string, unknown>; documents: ExpectedDoc[] }

const expected: Record<string, Expected> = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/samples-expected.json'), 'utf8'));
const flat = (s: string | null | undefined) => (s ?? '').normalize('NFKC').replace(/\s+/g, '');
const cjk = (s: string) => s.replace(/[^\u4e00-\u9fff]/g, '');

describe.each(Object.entries(expected))('%s', (name, exp) => {
  const parsed = parseIssueBytes(readFileSync(join(import.meta.dirname, '../../data/samples', name)));
  it('has the issue metadata', () => {
    for (const [k, v] of Object.entries(exp.issue)) expect((parsed.issue as unknown as Record<string, unknown>)[k] ?? null).toBe(v);
  });
  it('splits the documents in order', () => {
    expect(parsed.documents.map((d) => d.docNumber)).toEqual(exp.documents.map((d) => d.docNumber));
  });
  it.each(exp.documents.map((d, i) => [d.docNumber, i] as const))('%s fields and boundaries', (_n, i) => {
    const e = exp.documents[i]!;
    const d = parsed.documents[i]!;
    expect([e.title, ...(e.titleAlternatives ?? [])].map(flat)).toContain(flat(d.title));
    expect({ issuer: d.issuer, date: d.date, category: flat(d.category), tocPage: d.tocPage }).toEqual({
      issuer: e.issuer, date: e.date, category: flat(e.category), tocPage: e.tocPage,
    });
    expect(cjk(d.text)).toContain(e.lastParagraphCjkTail);
    const next = parsed.documents[i + 1];
    if (next) expect(cjk(next.text)).not.toContain(e.lastParagraphCjkTail);
  });
});
