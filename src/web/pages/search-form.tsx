// The search page's GET form (shareable URLs) and its facet lists.
import type { FC } from 'hono/jsx';
import type { FacetValue, SearchResult } from '../../search/search.js';
import type { FilterChoices } from '../services/browse.js';
import { STATUSES } from '../../store/status.js';
import { queryString } from './format.js';

export type Params = Record<string, string>;

export const FILTER_LABEL: Record<string, string> = {
  year: '年度', issue: '期次', issuer: '发文机关', category: '栏目', unit: '责任单位', status: '有效性', from: '起始日期', to: '截止日期',
};

/** The search URL for the current parameters with some replaced (null removes one); the page resets unless given. */
export function searchHref(current: Params, change: Record<string, string | number | null>): string {
  const next: Record<string, string | undefined> = { ...current, page: undefined };
  for (const [k, v] of Object.entries(change)) next[k] = v === null ? undefined : String(v);
  if (next.sort === 'relevance') next.sort = undefined;
  if (next.page === '1') next.page = undefined;
  return `/search${queryString(next)}`;
}

const Select: FC<{ name: string; label: string; value?: string; options: string[]; format?: (v: string) => string }> = (p) => (
  <div class="field">
    <label for={`f-${p.name}`}>{p.label}</label>
    <select id={`f-${p.name}`} name={p.name}>
      <option value="">全部</option>
      {p.options.map((o) => <option value={o} selected={o === p.value}>{p.format ? p.format(o) : o}</option>)}
    </select>
  </div>
);

export const SearchForm: FC<{ params: Params; choices: FilterChoices; units: string[] }> = ({ params, choices, units }) => {
  const filtered = Object.keys(FILTER_LABEL).some((k) => params[k]);
  return (
    <form class="search-form" role="search" action="/search" method="get">
      <div class="search-main">
        <label for="q" class="sr-only">检索词</label>
        <input id="q" name="q" type="search" value={params.q ?? ''} maxlength={200} placeholder="输入标题、发文字号、单位或关键词" autocomplete="off" />
        <button type="submit">检索</button>
      </div>
      <details class="filters" open={filtered}>
        <summary>高级筛选</summary>
        <div class="filter-grid">
          <Select name="year" label="年度" value={params.year} options={choices.years} format={(y) => `${y}年`} />
          <Select name="issuer" label="发文机关" value={params.issuer} options={choices.issuers} />
          <Select name="category" label="栏目" value={params.category} options={choices.categories} />
          <Select name="status" label="有效性" value={params.status} options={[...STATUSES]} />
          <div class="field">
            <label for="f-unit">责任单位</label>
            <input id="f-unit" name="unit" type="text" list="unit-list" value={params.unit ?? ''} maxlength={100} />
            <datalist id="unit-list">{units.map((u) => <option value={u}></option>)}</datalist>
          </div>
          <div class="field"><label for="f-from">成文日期起</label><input id="f-from" name="from" type="date" value={params.from ?? ''} /></div>
          <div class="field"><label for="f-to">成文日期止</label><input id="f-to" name="to" type="date" value={params.to ?? ''} /></div>
          <div class="field">
            <label for="f-sort">排序</label>
            <select id="f-sort" name="sort">
              <option value="relevance" selected={params.sort !== 'date'}>按相关度</option>
              <option value="date" selected={params.sort === 'date'}>按日期（新→旧）</option>
            </select>
          </div>
        </div>
        {params.issue ? <input type="hidden" name="issue" value={params.issue} /> : null}
        <p class="filter-actions"><button type="submit">应用筛选</button><a href={searchHref({ q: params.q ?? '' }, {})}>清除筛选</a></p>
      </details>
    </form>
  );
};

/** Facet values with equal labels merged (a year can come back as text and as a number). */
function merged(values: FacetValue[]): FacetValue[] {
  const out = new Map<string, number>();
  for (const v of values) out.set(String(v.value), (out.get(String(v.value)) ?? 0) + v.count);
  return [...out].map(([value, count]) => ({ value, count }));
}

const FacetList: FC<{ name: string; title: string; values: FacetValue[]; params: Params; format?: (v: string) => string }> = (p) =>
  p.values.length ? (
    <div class="facet">
      <h3>{p.title}</h3>
      <ul>
        {merged(p.values).map((f) => {
          const active = p.params[p.name] === f.value;
          return (
            <li>
              <a href={searchHref(p.params, { [p.name]: active ? null : f.value })} aria-current={active ? 'true' : undefined} class={active ? 'active' : undefined}>
                <span>{p.format ? p.format(f.value) : f.value}</span><span class="count">{f.count}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  ) : null;

export const Facets: FC<{ result: SearchResult; params: Params }> = ({ result, params }) => (
  <nav class="facets" aria-label="分面筛选">
    <h2 class="facets-title">筛选结果</h2>
    {result.facetsExact ? null : <p class="muted facets-note">命中较多，以下件数为按样本估计的约数</p>}
    <FacetList name="year" title="年度" values={result.facets.year} params={params} format={(y) => `${y}年`} />
    <FacetList name="status" title="有效性" values={result.facets.status} params={params} />
    <FacetList name="issuer" title="发文机关" values={result.facets.issuer} params={params} />
    <FacetList name="category" title="栏目" values={result.facets.category} params={params} />
    <FacetList name="unit" title="责任单位" values={result.facets.unit.slice(0, 12)} params={params} />
  </nav>
);
