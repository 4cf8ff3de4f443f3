// The search page: query box and filters (GET form), suggestions, active
// filters, facets, highlighted results, pagination and the empty states.
import type { FC } from 'hono/jsx';
import type { SearchResult } from '../../search/search.js';
import type { FilterChoices } from '../services/browse.js';
import { AlternateLinks, Layout, type Alternate } from './layout.js';
import { Pagination, SearchSnippet, StatusBadge } from './components.js';
import { Facets, FILTER_LABEL, SearchForm, searchHref, type Params } from './search-form.js';
import { cnDate, queryString, unitHref } from './format.js';

export interface SearchPageData {
  params: Params;
  result: SearchResult | null;
  choices: FilterChoices;
  units: string[];
  /** 文号 typed in the query that the library holds → document id. */
  docNumberIds: Record<string, number>;
}

const Suggestions: FC<{ data: SearchPageData }> = ({ data }) => {
  const { params, result, docNumberIds } = data;
  const all = result?.suggestions ?? [];
  // A unit name inside a longer suggested name (`水利局` in `县水利局`) adds nothing.
  const shadowed = (v: string) => all.some((o) => o.kind === 'unit' && o.value !== v && o.value.includes(v));
  const items = all.flatMap((s) => {
    if (s.kind === 'year' && params.year !== s.value) return [<a href={searchHref(params, { year: s.value })}>按 {s.value}年 筛选</a>];
    if (s.kind === 'unit' && params.unit !== s.value && !shadowed(s.value))
      return [<a href={searchHref(params, { unit: s.value })}>按责任单位“{s.value}”筛选</a>, <a href={unitHref(s.value)}>查看{s.value}的全部任务</a>];
    if (s.kind === 'dateRange') {
      const [from, to] = s.value.split('..');
      return [<a href={searchHref(params, { from: from ?? null, to: to ?? null })}>按成文日期 {cnDate(from)} 至 {cnDate(to)} 筛选</a>];
    }
    if (s.kind === 'simplified') return [<a href={searchHref(params, { q: s.value })}>找“{s.value}”（简体）</a>];
    if (s.kind === 'docNumber' && docNumberIds[s.value]) return [<a href={`/documents/${docNumberIds[s.value]}`}>直接打开 {s.value}</a>];
    return [];
  });
  return items.length ? (
    <div class="suggestions" role="note"><span>您是不是要：</span><ul>{items.map((i) => <li>{i}</li>)}</ul></div>
  ) : null;
};

const ActiveFilters: FC<{ params: Params }> = ({ params }) => {
  const active = Object.keys(FILTER_LABEL).filter((k) => params[k]);
  return active.length ? (
    <div class="active-filters">
      <span>已选条件：</span>
      <ul>
        {active.map((k) => (
          <li><a href={searchHref(params, { [k]: null })} aria-label={`取消筛选条件 ${FILTER_LABEL[k]}：${params[k]}`}>{FILTER_LABEL[k]}：{k === 'year' ? `${params[k]}年` : params[k]} <span aria-hidden="true">×</span></a></li>
        ))}
      </ul>
    </div>
  ) : null;
};

const Hits: FC<{ result: SearchResult }> = ({ result }) => (
  <ol class="hits" start={(result.page - 1) * result.pageSize + 1}>
    {result.hits.map((h) => (
      <li class="hit">
        <h3 class="hit-title"><a href={h.url}>{h.title}</a></h3>
        <p class="hit-meta">
          {h.docNumber ? <span class="docno">{h.docNumber}</span> : null}
          {h.issuer ? <span>{h.issuer}</span> : null}
          <time datetime={h.date ?? undefined}>{cnDate(h.date)}</time>
          {h.category ? <span>{h.category}</span> : null}
          <StatusBadge status={h.status} />
        </p>
        <SearchSnippet escapedHtmlFromSearch={h.snippet} />
      </li>
    ))}
  </ol>
);

const Empty: FC<{ params: Params }> = ({ params }) => (
  <div class="empty-state">
    <p class="empty-title">没有找到与“{params.q}”相关的文件。</p>
    <ul>
      <li>请检查输入的文字是否有误，或换用更简短、更常用的关键词；</li>
      <li>发文字号可以直接输入，例如“五政办发〔2022〕8号”；</li>
      {Object.keys(FILTER_LABEL).some((k) => params[k]) ? <li><a href={searchHref({ q: params.q ?? '' }, {})}>清除全部筛选条件后重新检索</a>；</li> : null}
      <li>也可以 <a href="/issues">按期次浏览历期公报</a>。</li>
    </ul>
  </div>
);

export const SearchPage: FC<{ data: SearchPageData }> = ({ data }) => {
  const { params, result } = data;
  const q = params.q ?? '';
  const title = q ? `“${q.length > 30 ? `${q.slice(0, 30)}…` : q}”的检索结果` : '文件检索';
  const query = queryString({ ...params, page: undefined, pageSize: undefined });
  const feeds: Alternate[] = [
    { href: `/feeds/search.atom${query}`, type: 'application/atom+xml', title: '本次检索的新文件' },
    { href: `/api/search.csv${query}`, type: 'text/csv', title: '本次检索的全部结果' },
  ];
  const pages = result ? Math.ceil(result.total / result.pageSize) : 0;
  return (
    <Layout title={title} nav="search" crumbs={[{ label: '文件检索' }]} alternates={result ? feeds : undefined}>
      <h1 class="page-title">文件检索</h1>
      {result ? <AlternateLinks links={feeds} /> : null}
      <SearchForm params={params} choices={data.choices} units={data.units} />
      <Suggestions data={data} />
      <ActiveFilters params={params} />
      {result === null ? (
        <div class="empty-state">
          <p class="empty-title">请输入检索词，或选择筛选条件浏览文件。</p>
          <p>可以按标题、正文关键词、发文字号或责任单位检索，例如 <a href="/search?q=%E6%B2%B3%E6%B9%96%E9%95%BF%E5%88%B6">河湖长制</a>、<a href="/search?q=%E5%8E%BF%E6%B0%B4%E5%88%A9%E5%B1%80">县水利局</a>。</p>
        </div>
      ) : (
        <div class="search-layout">
          <div class="search-results">
            <h2 class="result-count" id="results-h">
              {result.totalExact ? '共找到' : '找到超过'} <strong>{result.total.toLocaleString('zh-CN')}</strong> 件文件{result.total > result.pageSize ? `，当前第 ${result.page} 页` : ''}
            </h2>
            {result.relaxed ? <p class="notice">没有同时包含全部检索词的文件，以下是包含部分检索词的结果。</p> : null}
            {result.total === 0 ? <Empty params={params} /> : <Hits result={result} />}
            <Pagination page={result.page} pages={pages} href={(n) => searchHref(params, { page: n })} />
          </div>
          {result.total > 0 ? <aside class="search-aside"><Facets result={result} params={params} /></aside> : null}
        </div>
      )}
    </Layout>
  );
};
