// Responsibility clauses against hand-checked fixtures (test/fixtures/responsibilities,
// written by reading the source, not by running the extractor).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeIssueBytes } from '../../src/pipeline.js';
import { cleanUnitName } from '../../src/extract/units.js';
import type { AnalyzedIssue } from '../../src/extract/index.js';
import type { Responsibility, UnitRef } from '../../src/extract/types.js';

interface FixtureClause { line: number; startLine?: number; clause: string; lead: string[]; responsible: string[]; cooperating: string[]; inherited: string[] }
interface Fixture { docNumber: string; file: string; clauses: FixtureClause[] }

const dir = join(import.meta.dirname, '../fixtures/responsibilities');
const fixtures: Fixture[] = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
const issues = new Map<string, AnalyzedIssue>();
const issue = (file: string) => {
  if (!issues.has(file)) issues.set(file, analyzeIssueBytes(readFileSync(join(import.meta.dirname, '../../data/samples', file))));
  return issues.get(file)!;
};
const names = (units: (UnitRef | string)[]) => [...new Set(units.map((u) => cleanUnitName(typeof u === 'string' ? u : u.printed)))].sort();
const same = (r: Responsibility, f: FixtureClause) =>
  JSON.stringify([names(r.leadUnits), names(r.responsibleUnits), names(r.cooperatingUnits), names(r.inherited ?? [])]) ===
  JSON.stringify([names(f.lead), names(f.responsible), names(f.cooperating), names(f.inherited)]);
const covers = (r: Responsibility, f: FixtureClause) => r.lines[0] <= f.line && r.lines[1] >= (f.startLine ?? f.line);

describe('responsibility clauses on hand-checked documents', () => {
  let total = 0;
  let right = 0;
  let extracted = 0;
  let matched = 0;
  for (const fx of fixtures) {
    it(`${fx.docNumber}: clauses found with the right units`, () => {
      const doc = issue(fx.file).documents.find((d) => d.docNumber === fx.docNumber)!;
      expect(doc).toBeDefined();
      const used = new Set<Responsibility>();
      const misses: string[] = [];
      for (const f of fx.clauses) {
        const hit = doc.responsibilities.find((r) => !used.has(r) && covers(r, f) && same(r, f));
        if (hit) used.add(hit);
        else misses.push(`${f.line} ${f.clause}`);
      }
      total += fx.clauses.length;
      right += fx.clauses.length - misses.length;
      extracted += doc.responsibilities.length;
      matched += used.size;
      // Per document: nearly every clause, and nothing invented.
      expect(misses.length, misses.join('\n')).toBeLessThanOrEqual(Math.floor(fx.clauses.length * 0.1));
      expect(doc.responsibilities.length - used.size).toBeLessThanOrEqual(Math.max(1, Math.floor(fx.clauses.length * 0.1)));
    });
  }
  it('recall ≥ 95% and precision ≥ 95% over all fixtures', () => {
    console.log(`responsibility clauses: ${right}/${total} found with the right units; ${matched}/${extracted} extracted clauses match a fixture`);
    expect(total).toBeGreaterThan(100);
    expect(right / total).toBeGreaterThanOrEqual(0.95);
    expect(matched / extracted).toBeGreaterThanOrEqual(0.95);
  });
});
