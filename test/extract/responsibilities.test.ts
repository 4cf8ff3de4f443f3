// Responsibility clauses against hand-checked fixtures (test/fixtures/responsibilities,
// written by reading the source, not by running the extractor): units per role,
// the task's title and where it starts, and the deadline that belongs to the clause.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeIssueBytes } from '../../src/pipeline.js';
import type { AnalyzedIssue } from '../../src/extract/index.js';
import { loadGold, score, type GoldDoc } from './task-gold.js';

const fixtures = loadGold();
const issues = new Map<string, AnalyzedIssue>();
const issue = (file: string) => {
  if (!issues.has(file)) issues.set(file, analyzeIssueBytes(readFileSync(join(import.meta.dirname, '../../data/samples', file))));
  return issues.get(file)!;
};
const docOf = (g: GoldDoc) => issue(g.file).documents.find((d) => d.docNumber === g.docNumber);

describe('responsibility clauses on hand-checked documents', () => {
  it('covers at least 12 documents', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(12);
    expect(fixtures.reduce((n, f) => n + f.clauses.length, 0)).toBeGreaterThan(300);
  });
  for (const gold of fixtures) {
    it(`${gold.docNumber}: clauses found with the right units`, () => {
      const doc = docOf(gold);
      expect(doc).toBeDefined();
      const s = score([{ gold, got: doc!.responsibilities }]);
      // Per document: nearly every clause, and nothing invented.
      expect(s.misses.length, s.misses.join('\n')).toBeLessThanOrEqual(Math.floor(gold.clauses.length * 0.1));
      expect(s.extras.length, s.extras.join('\n')).toBeLessThanOrEqual(Math.max(1, Math.floor(gold.clauses.length * 0.1)));
    });
  }
  it('precision, recall, deadline exactness and titles over all fixtures', () => {
    const s = score(fixtures.map((gold) => ({ gold, got: docOf(gold)?.responsibilities ?? [] })));
    const r = (a: number, b: number) => (b ? a / b : 0);
    console.log(
      `responsibility clauses: recall ${s.found}/${s.gold}, precision ${s.matched}/${s.extracted}; ` +
      `deadlines ${s.deadlinesRight}/${s.deadlines} (stated ${s.statedRight}/${s.stated}); ` +
      `titles at their item ≤40 ${s.titlesAtItem}/${s.titled}, exact ${s.titlesExact}/${s.titled}`,
    );
    expect(r(s.found, s.gold), s.misses.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(r(s.matched, s.extracted), s.extras.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(r(s.deadlinesRight, s.deadlines), s.wrongDeadlines.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(r(s.statedRight, s.stated), s.wrongDeadlines.join('\n')).toBeGreaterThanOrEqual(0.8);
    expect(r(s.titlesAtItem, s.titled), s.wrongTitles.join('\n')).toBeGreaterThanOrEqual(0.8);
  });
});
