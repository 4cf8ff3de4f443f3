// Lead units on other governments' documents: the gov.cn corpus's clauses,
// read by hand (test/fixtures/responsibilities-govcn, written without running
// the extractor). `（A、B负责）` gives A as lead only where the document states
// `列第一位者为牵头单位` (or `排在第一位的部门为牵头部门`); elsewhere all are responsible.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeIssueBytes } from '../../src/pipeline.js';
import { score, type GoldClause, type GoldDoc } from './task-gold.js';

interface GovcnGold { file: string; convention: string | null; clauses: Omit<GoldClause, 'inherited' | 'title' | 'taskStartLine' | 'deadline'>[] }

const dir = join(import.meta.dirname, '../fixtures/responsibilities-govcn');
const corpus = join(import.meta.dirname, '../../../shared/corpora/govcn');
const golds: GovcnGold[] = readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));

const asGold = (g: GovcnGold): GoldDoc => ({
  docNumber: g.file,
  file: g.file,
  clauses: g.clauses.map((c) => ({ ...c, inherited: [], title: null, taskStartLine: null, deadline: null })),
});
const extracted = (g: GovcnGold) => analyzeIssueBytes(readFileSync(join(corpus, g.file)), { file: g.file }).documents.flatMap((d) => d.responsibilities);

describe('responsibility clauses of the gov.cn corpus', () => {
  for (const g of golds) {
    it(`${g.file}: every clause with its lead, responsible and cooperating units`, () => {
      const s = score([{ gold: asGold(g), got: extracted(g) }]);
      expect(s.misses, s.misses.join('\n')).toEqual([]);
      expect(s.extras, s.extras.join('\n')).toEqual([]);
    });
  }
  it('finds the lead unit of every clause where the document names one', () => {
    let want = 0;
    let right = 0;
    for (const g of golds) {
      const got = extracted(g);
      for (const c of g.clauses) {
        if (!c.lead.length) continue;
        want++;
        const r = got.find((x) => x.lines[0] <= c.line && x.lines[1] >= c.startLine! && x.clause.replace(/\s+/g, '') === c.clause);
        if (r && JSON.stringify(r.leadUnits.map((u) => u.printed)) === JSON.stringify(c.lead)) right++;
      }
    }
    console.log(`gov.cn lead units: ${right}/${want}`);
    expect(want).toBeGreaterThan(30);
    expect(right).toBe(want);
  });
});
