// The hand-checked expectations for the bundled samples (a copy of
// shared/samples/expected.json): inventory, document boundaries, the 文号
// each document cites, and validity where the expectations state it. (They
// state it for four documents; the extractor also reads, correctly, the
// repeal of the 2021 list in 五政发〔2022〕5号 and the 规划's five years in
// 五政办发〔2022〕12号, which the hand check left out: those are not asserted.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeIssueBytes } from '../../src/pipeline.js';

interface ExpectedDoc {
  docNumber: string; title: string; titleAlternatives?: string[]; issuer: string; date: string | null;
  category: string; tocPage: number; lastParagraphCjkTail: string;
  citations: string[];
  validity?: { effective?: string | null; expires?: string | null; expiresAnyOf?: string[]; repeals?: string[]; trial?: boolean };
}
interface Expected { issue: Record<string, unknown>; documents: ExpectedDoc[] }

const expected: Record<string, Expected> = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/samples-expected.json'), 'utf8'));
const flat = (s: string | null | undefined) => (s ?? '').normalize('NFKC').replace(/\s+/g, '');
const cjk = (s: string) => s.replace(/[^\u4e00-\u9fff]/g, '');

describe.each(Object.entries(expected))('%s', (name, exp) => {
  const parsed = analyzeIssueBytes(readFileSync(join(import.meta.dirname, '../../data/samples', name)));
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
  it.each(exp.documents.map((d, i) => [d.docNumber, i] as const))('%s cites the hand-checked 文号', (_n, i) => {
    const cited = parsed.documents[i]!.citations.flatMap((c) => (c.docNumber ? [c.docNumber] : []));
    expect([...new Set(cited)].sort()).toEqual(exp.documents[i]!.citations);
  });
  const stated = exp.documents.flatMap((d, i) => (d.validity ? [[d.docNumber, i] as const] : []));
  it.each(stated)('%s has the hand-checked validity', (_n, i) => {
    const e = exp.documents[i]!.validity!;
    const v = parsed.documents[i]!.validity;
    if ('effective' in e) expect(v.effective).toBe(e.effective);
    if ('expires' in e) expect(v.expires).toBe(e.expires);
    if (e.expiresAnyOf) expect(e.expiresAnyOf).toContain(v.expires);
    if (e.repeals) expect(v.repeals.map((r) => r.docNumber)).toEqual(e.repeals);
    expect(v.trial).toBe(e.trial ?? false);
  });
});
