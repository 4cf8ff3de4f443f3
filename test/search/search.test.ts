import { describe, expect, it, beforeAll } from 'vitest';
import { join } from 'node:path';
import { openLibrary, ingestPaths } from '../../src/store/library.js';
import { search, searchUncached } from '../../src/search/search.js';
import { parseQuery } from '../../src/search/query.js';
import type { Db } from '../../src/store/db.js';
import { loadSamples } from '../store/samples.js';

let db: Db;
beforeAll(() => {
  db = openLibrary(':memory:');
  ingestPaths(db, [join(import.meta.dirname, '../../data/samples')]);
});

describe('query forms', () => {
  it('finds a document by any 文号 variant', () => {
    for (const q of ['五政办发[2021]63号', '五政办发（2021）63号', '五政办发〔2021〕63 号', '五政办发2021年63号', '五政办发 2021 63号']) {
      expect(search(db, { q }).hits[0]?.docNumber, q).toBe('五政办发〔2021〕63号');
    }
  });
  it('finds the documents that cite a 文号 the library does not hold', () => {
    const r = search(db, { q: '晋政办发〔2022〕6号' });
    expect(r.hits.map((h) => h.docNumber)).toContain('五政办发〔2022〕52号');
  });
  it('works with and without spaces, and on words jieba cuts differently in the text', () => {
    expect(search(db, { q: '医疗保险 征收' }).hits[0]?.title).toMatch(/医疗保险征收/);
    expect(search(db, { q: '医疗保险征收' }).hits[0]?.title).toMatch(/医疗保险征收/);
    expect(search(db, { q: '烟花爆竹' }).hits.map((h) => h.docNumber)).toContain('五政办发〔2022〕64号');
  });
  it('finds a partly typed last word', () => {
    expect(search(db, { q: '跨省通' }).total).toBeGreaterThan(0);
  });
  it('makes a last word of Latin letters or digits a prefix, and a Chinese one not', () => {
    expect(parseQuery('COVI').candidates[0]).toContain('"covi"*');
    expect(parseQuery('营商环境').candidates[0]).not.toContain('*');
    expect(parseQuery('COVI ').candidates[0]).not.toContain('*');
  });
  it('turns years and units into suggestions', () => {
    const p = parseQuery('县水利局 2022年', ['县水利局']);
    expect(p.suggestions.map((s) => s.kind).sort()).toEqual(['unit', 'year']);
  });
});

describe('hostile input never raises', () => {
  const hostile = ['"', '(医疗 OR', 'AND 保险', 'NOT 保险', "a'b", 'C++', '%', '\\', '', ' ', '医疗-保险', 'covid-19', '*', 'tok:x', '+', 'NEAR(a b)', '医疗*', '^', '🎉🎉', '五政办发〔', '〔2022〕', 'x'.repeat(10_000), '医'.repeat(5000), '"""', 'title:医疗', '{a b}', '\u0000'];
  it.each(hostile.map((h) => [h.slice(0, 20), h]))('%s', (_label, q) => {
    const r = search(db, { q });
    expect(r.total).toBeGreaterThanOrEqual(0);
    expect(Array.isArray(r.hits)).toBe(true);
  });
});

describe('filters and facets', () => {
  it('filters by year, issuer, category, date range and unit', () => {
    const all = search(db, { q: '工作', pageSize: 100 });
    expect(all.total).toBeGreaterThan(20);
    const y = search(db, { q: '工作', year: 2022, pageSize: 100 });
    expect(y.hits.every((h) => (h.date ?? '2022').startsWith('2022'))).toBe(true);
    expect(y.total).toBe(all.facets.year.find((f) => f.value === '2022')!.count);
    const issuer = search(db, { q: '工作', issuer: '五台县人民政府', pageSize: 100 });
    expect(issuer.hits.every((h) => h.issuer === '五台县人民政府')).toBe(true);
    const range = search(db, { q: '工作', from: '2022-09-01', to: '2022-12-31', pageSize: 100 });
    expect(range.hits.every((h) => h.date! >= '2022-09-01' && h.date! <= '2022-12-31')).toBe(true);
    const unit = search(db, { q: '工作', unit: '县残疾人联合会', pageSize: 100 });
    expect(unit.hits.map((h) => h.docNumber)).toContain('五政发〔2023〕17号');
  });
  it('facet counts add up', () => {
    const r = search(db, { q: '实施方案' });
    const sum = (k: 'year' | 'category' | 'status') => r.facets[k].reduce((n, f) => n + f.count, 0);
    expect(sum('category')).toBe(r.total);
    expect(sum('status')).toBe(r.total);
  });
  it('paginates without overlap and sorts by date', () => {
    const p1 = search(db, { q: '工作', pageSize: 5, page: 1 });
    const p2 = search(db, { q: '工作', pageSize: 5, page: 2 });
    expect(p1.hits.map((h) => h.id).filter((id) => p2.hits.some((x) => x.id === id))).toEqual([]);
    const byDate = search(db, { q: '工作', sort: 'date', pageSize: 20 });
    const dates = byDate.hits.map((h) => h.date ?? '');
    expect([...dates].sort().reverse()).toEqual(dates);
  });
  it('computes the validity status for the given day', () => {
    const r = search(db, { q: '五政办发〔2022〕10号', today: '2030-01-01' });
    expect(r.hits[0]).toMatchObject({ docNumber: '五政办发〔2022〕10号', status: '已失效' });
    expect(search(db, { q: '五政办发〔2022〕10号', today: '2023-01-01' }).hits[0]!.status).toBe('现行有效');
  });
  it('escapes snippets and marks the words', () => {
    const r = search(db, { q: '森林防火' });
    expect(r.hits[0]!.snippet).toMatch(/<mark>/);
    expect(r.hits[0]!.snippet).not.toMatch(/<(?!\/?mark>)/);
  });
});

describe('very broad queries', () => {
  // The samples hold about 80 documents; lowered limits stand in for a 100k library: above 10 matches
  // ranking goes through the postings in memory, FTS5 stops counting at 30, facets are sampled above 20.
  const q = '五台县';
  const limits = { rank: 10, count: 30, facets: 20 };
  const ids = (r: { hits: { id: number }[] }) => r.hits.map((h) => h.id);
  it('rank and count every match exactly, and label estimated facets', () => {
    const full = searchUncached(db, { q, pageSize: 100 });
    expect(full).toMatchObject({ totalExact: true, approximate: false, ranked: full.total, facetsExact: true });
    expect(full.total).toBeGreaterThan(limits.count);
    expect(full.hits).toHaveLength(full.total);
    const r = searchUncached(db, { q, pageSize: 100 }, limits);
    expect(r).toMatchObject({ total: full.total, totalExact: true, approximate: false, facetsExact: false });
    expect(ids(r)).toEqual(ids(full));
    expect(r.hits.map((h) => h.score)).toEqual(full.hits.map((h) => h.score));
    // With a filter, FTS5 counts, up to its limit, and says so.
    const filtered = searchUncached(db, { q, status: '现行有效', pageSize: 100 }, limits);
    expect(filtered).toMatchObject({ total: limits.count, totalExact: false });
    expect(ids(filtered)).toEqual(ids(searchUncached(db, { q, status: '现行有效', pageSize: 100 })));
    // Estimated facets are scaled from the sample: about as many as the matches.
    const estimated = r.facets.status.reduce((sum, f) => sum + f.count, 0);
    expect(Math.abs(estimated - full.total)).toBeLessThanOrEqual(full.total / 2);
    expect(full.facets.status.reduce((sum, f) => sum + f.count, 0)).toBe(full.total);
  });
  it('lift a typed year the same way whether the ranking is in memory or in FTS5', () => {
    for (const typed of ['五台县 2022年', '五台县 2021年', '工作 2023年']) {
      const full = searchUncached(db, { q: typed, pageSize: 100 });
      const r = searchUncached(db, { q: typed, pageSize: 100 }, limits);
      expect(r.hits.length, typed).toBeGreaterThan(limits.rank);
      expect(ids(r), typed).toEqual(ids(full));
      expect(r.hits.map((h) => h.score)).toEqual(full.hits.map((h) => h.score));
    }
  });
  it('keep a document without a year among the results when a year is typed', async () => {
    const undated = openLibrary(':memory:');
    await ingestPaths(undated, [join(import.meta.dirname, '../../data/samples')]);
    const doc = searchUncached(undated, { q, pageSize: 1 }).hits[0]!;
    undated.prepare('UPDATE documents SET date = NULL WHERE id = ?').run(doc.id);
    undated.prepare('UPDATE issues SET year = NULL WHERE id = (SELECT issue_id FROM documents WHERE id = ?)').run(doc.id);
    for (const l of [limits, undefined]) {
      const r = searchUncached(undated, { q: `${q} 2022年`, pageSize: 100 }, l);
      expect(ids(r)).toContain(doc.id);
      expect(r.hits).toHaveLength(Math.min(100, r.total));
    }
  });
  it('give every page of the exhaustive ranking', () => {
    const full = searchUncached(db, { q, pageSize: 100 });
    for (const page of [1, 2, 3, 5]) {
      expect(ids(searchUncached(db, { q, page, pageSize: 5 }, limits))).toEqual(ids(full).slice((page - 1) * 5, page * 5));
    }
  });
  it('sorted by date, show the latest by signing date even when older issues were ingested last', async () => {
    const backfilled = openLibrary(':memory:');
    const dir = join(import.meta.dirname, '../../data/samples');
    // Newest issue first, oldest last: ingest order (rowid) runs against the dates.
    for (const f of ['wutai-2023-no2.txt', 'wutai-2022-no4-part2.txt', 'wutai-2022-no1.txt', 'wutai-2021-no4.txt']) expect((await ingestPaths(backfilled, [join(dir, f)])).failures).toEqual([]);
    const all = searchUncached(backfilled, { q, sort: 'date', pageSize: 100 });
    const dates = all.hits.map((h) => h.date ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    expect(ids(searchUncached(backfilled, { q, sort: 'date', page: 2, pageSize: 10 }, limits))).toEqual(ids(all).slice(10, 20));
  });
  it('keep small result sets exact and fully ranked', () => {
    const r = searchUncached(db, { q: '烟花爆竹' }, limits);
    expect(r.total).toBeLessThan(limits.rank);
    expect(r).toMatchObject({ totalExact: true, approximate: false, ranked: r.total, facetsExact: true });
  });
});

describe('traditional characters', () => {
  const db = loadSamples(openLibrary(':memory:'));
  it('a query in traditional characters finds what its simplified form finds, and offers the simplified form', () => {
    const simplified = search(db, { q: '养老保险' });
    const traditional = search(db, { q: '養老保險' });
    expect(simplified.total).toBeGreaterThan(0);
    expect(traditional.hits.map((h) => h.id)).toEqual(simplified.hits.map((h) => h.id));
    expect(traditional.suggestions).toContainEqual({ kind: 'simplified', value: '养老保险', label: '您是不是要找：养老保险' });
    expect(simplified.suggestions.some((s) => s.kind === 'simplified')).toBe(false);
  });
  it('a traditional 文号 finds its document', () => {
    expect(search(db, { q: '五政辦發〔2022〕8號' }).hits[0]?.docNumber).toBe('五政办发〔2022〕8号');
  });
});
