// Ranking every match from the postings kept in memory (src/search/postings.ts)
// against FTS5's own bm25 over every match: on random libraries and random
// queries every page is the same, scores included, also after the library
// grows under postings already read and after a document is replaced; and one
// test per piece.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openLibrary } from '../../src/store/library.js';
import { ingestBytes } from '../../src/store/ingest.js';
import { searchUncached, type SearchResult } from '../../src/search/search.js';
import { compileExpr, type Expr, ftsStats, idfOf, parseExpr, phrasesOf, rankAll, scoreExpr } from '../../src/search/postings.js';

const WORDS = ['河湖', '水利', '安全', '生产', '教育', '医疗', '保险', '养老', '农业', '交通', '环境', '保护', '森林', '防火', '粮食', '扶贫', '住房', '就业', '统计', '审计'];

/** An issue of documents, each a title and a body of the given words (indices into WORDS). */
function issueText(no: number, docs: number[][]): string {
  const parts = ['某县人民政府公报', `2024年第${no}期`, '目 录'];
  docs.forEach((_, k) => parts.push(`${k + 1}、某县人民政府办公室关于第${no}期第${k + 1}号事项的通知 某政办发〔2024〕${no * 100 + k + 1}号(${k + 1})`));
  docs.forEach((words, k) => {
    const title = `关于第${no}期第${k + 1}号事项的通知`;
    const body = words.map((w) => WORDS[w]).join('，');
    parts.push('某县人民政府办公室', title, `某政办发〔2024〕${no * 100 + k + 1}号`, '各乡（镇）人民政府：', `${body}。`, '某县人民政府办公室', '2024年3月1日');
  });
  return parts.join('\n\n');
}

const docArb = fc.array(fc.integer({ min: 0, max: WORDS.length - 1 }), { minLength: 1, maxLength: 30 });
const queryArb = fc.array(fc.integer({ min: 0, max: WORDS.length - 1 }), { minLength: 1, maxLength: 3 }).map((ws) => ws.map((w) => WORDS[w]).join(' '));
/** Every query with more than one match is ranked from the postings in memory. */
const SMALL = { rank: 1, count: 10_000 };
const EXHAUSTIVE = { rank: 1_000_000, count: 10_000 };

/** The same page, ties aside: equal scores in order, and equal ids wherever a score is not tied. */
function samePage(a: SearchResult, b: SearchResult): void {
  expect(a.hits.map((h) => h.score)).toEqual(b.hits.map((h) => h.score));
  const tied = (r: SearchResult, i: number) => r.hits.filter((h) => h.score === r.hits[i]!.score).length > 1;
  a.hits.forEach((h, i) => { if (!tied(a, i)) expect(h.id).toBe(b.hits[i]!.id); });
  expect(a.total).toBe(b.total);
}

describe('ranking every match from postings in memory', () => {
  it('gives every page FTS5 gives, on random libraries and queries, as the library grows and a document is replaced', () => {
    fc.assert(fc.property(fc.array(docArb, { minLength: 2, maxLength: 25 }), fc.array(docArb, { minLength: 1, maxLength: 10 }), fc.array(queryArb, { minLength: 1, maxLength: 4 }), (first, later, queries) => {
      const db = openLibrary(':memory:');
      ingestBytes(db, Buffer.from(issueText(1, first)), 'one.txt');
      for (const q of queries) for (const pageSize of [3, 10]) samePage(searchUncached(db, { q, pageSize }, SMALL), searchUncached(db, { q, pageSize }, EXHAUSTIVE));
      // New documents (read by rowid) and a new average length under the postings already read.
      ingestBytes(db, Buffer.from(issueText(2, later)), 'two.txt');
      for (const q of queries) samePage(searchUncached(db, { q, pageSize: 5, page: 2 }, SMALL), searchUncached(db, { q, pageSize: 5, page: 2 }, EXHAUSTIVE));
      // A new version of the first issue replaces its documents: the index loses rows.
      ingestBytes(db, Buffer.from(issueText(1, first.map((d) => [...d, 1]))), 'one-v2.txt', { replace: true });
      for (const q of queries) samePage(searchUncached(db, { q, pageSize: 10 }, SMALL), searchUncached(db, { q, pageSize: 10 }, EXHAUSTIVE));
      db.close();
    }), { numRuns: 25 });
  }, 120_000);

  it('recovers each phrase’s F exactly, so its scores are FTS5’s to the last digit', () => {
    const db = openLibrary(':memory:');
    ingestBytes(db, Buffer.from(issueText(1, [[0, 0, 1], [0, 2, 3, 4], [5, 0], [1, 1, 1, 0]])), 'one.txt');
    const m = '"河湖" AND "水利"';
    const mine = rankAll(db, m, '10.0, 4.0, 1.0, 6.0')!;
    const fts = db.prepare('SELECT rowid AS id, bm25(doc_fts, 10.0, 4.0, 1.0, 6.0) AS s FROM doc_fts WHERE doc_fts MATCH ? ORDER BY rowid').all(m) as { id: number; s: number }[];
    expect([...mine.ids]).toEqual(fts.map((r) => r.id));
    mine.scores.forEach((s, i) => expect(s).toBeCloseTo(fts[i]!.s, 12));
  });
});

describe('the pieces', () => {
  it('reads the phrases of a MATCH expression, quotes and prefixes included', () => {
    expect(phrasesOf('("烟花爆竹" OR ("烟花" AND "爆竹")) AND "ab"*')).toEqual([
      { term: '烟花爆竹', prefix: false }, { term: '烟花', prefix: false }, { term: '爆竹', prefix: false }, { term: 'ab', prefix: true },
    ]);
    expect(phrasesOf('"a""b"')).toEqual([{ term: 'a"b', prefix: false }]);
  });
  it('parses our expressions into a tree, phrases numbered in order', () => {
    expect(parseExpr('"a" AND ("b" OR ("c" AND "d"))')).toEqual({ kind: 'and', children: [
      { kind: 'phrase', index: 0 },
      { kind: 'or', children: [{ kind: 'phrase', index: 1 }, { kind: 'and', children: [{ kind: 'phrase', index: 2 }, { kind: 'phrase', index: 3 }] }] },
    ] });
    expect(parseExpr('"a" OR')).toBeNull();
    expect(parseExpr('NEAR("a" "b")')).toBeNull();
  });
  it('counts a phrase only inside a subtree that matches, as FTS5 does', () => {
    const e = parseExpr('"a" AND ("b" OR ("c" AND "d"))')!;
    expect(scoreExpr(e, [1, 2, 4, 8])).toBe(15);
    // c without d: the AND fails and c is not counted.
    expect(scoreExpr(e, [1, 2, 4, 0])).toBe(3);
    expect(scoreExpr(e, [1, 0, 4, 0])).toBeNull();
    expect(scoreExpr(e, [0, 2, 4, 8])).toBeNull();
  });
  it('compiles an expression into a scorer that agrees with scoreExpr on any tree and any document', () => {
    const tree = fc.letrec<{ e: Expr }>((tie) => ({
      e: fc.oneof({ depthSize: 'small', withCrossShrink: true },
        fc.integer({ min: 0, max: 5 }).map((index): Expr => ({ kind: 'phrase', index })),
        fc.record({ kind: fc.constantFrom('and' as const, 'or' as const), children: fc.array(tie('e'), { minLength: 1, maxLength: 4 }) }) as fc.Arbitrary<Expr>),
    })).e;
    const held = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 50, noNaN: true })), { minLength: 6, maxLength: 6 });
    fc.assert(fc.property(tree, held, (e, h) => {
      const expected = scoreExpr(e, h);
      const got = compileExpr(e)(Float64Array.from(h));
      return expected === null ? got === -1 : Math.abs(got - expected) < 1e-9;
    }), { numRuns: 500 });
  });
  it('computes idf as FTS5 does, never below 1e-6', () => {
    expect(idfOf(100, 10)).toBeCloseTo(Math.log(90.5 / 10.5));
    expect(idfOf(100, 80)).toBe(1e-6);
  });
  it('reads rows and the average length from FTS5’s own record', () => {
    const db = openLibrary(':memory:');
    ingestBytes(db, Buffer.from(issueText(1, [[0, 1, 2], [3, 4]])), 'one.txt');
    const s = ftsStats(db);
    expect(s.rows).toBe(2);
    expect(s.avgdl).toBeGreaterThan(3);
    expect(s.maxId).toBe(2);
  });
});
