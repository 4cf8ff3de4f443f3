// The search page's wording for very broad queries: a capped count and a
// ranked window (rendered directly: the sample library is too small to
// reach either limit through the app).
import { describe, expect, it } from 'vitest';
import { SearchPage, type SearchPageData } from '../../src/web/pages/search.js';
import type { SearchResult } from '../../src/search/search.js';

const empty = { year: [], issuer: [], category: [], status: [], unit: [] };
const result = (over: Partial<SearchResult>): SearchResult => ({
  query: '工作', total: 25, totalExact: true, page: 1, pageSize: 10, hits: [], facets: empty, suggestions: [], relaxed: false, ranked: 25, facetsExact: true, ...over,
});
const render = async (r: SearchResult): Promise<string> => {
  const data: SearchPageData = { params: { q: '工作' }, result: r, choices: { years: [], issuers: [], categories: [] }, units: [], docNumberIds: {} };
  return (await SearchPage({ data })!.toString()) as string;
};
const lastPage = (html: string) => Math.max(...[...html.matchAll(/[?&;]page=(\d+)/g)].map((m) => Number(m[1])));

describe('search page for broad queries', () => {
  it('says “more than” for a capped count, pages through every match, and labels estimated facets', async () => {
    const html = await render(result({ total: 10_000, totalExact: false, ranked: 10_000, facetsExact: false }));
    expect(html).toContain('找到超过');
    expect(html).toContain('10,000');
    expect(lastPage(html)).toBe(1000);
    expect(html).toContain('以下件数为按样本估计的约数');
  });
  it('says “共找到” with an exact count and pages through every match', async () => {
    const html = await render(result({ total: 25, ranked: 25 }));
    expect(html).toContain('共找到');
    expect(html).not.toContain('找到超过');
    expect(html).not.toContain('估计');
    expect(lastPage(html)).toBe(3);
  });
});
