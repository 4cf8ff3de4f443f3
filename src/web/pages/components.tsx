// Small building blocks shared by the pages.
import type { Child, FC, PropsWithChildren } from 'hono/jsx';
import { raw } from 'hono/html';
import { cnDate } from './format.js';

const STATUS_CLASS: Record<string, string> = {
  现行有效: 'badge-valid', 已失效: 'badge-expired', 已废止: 'badge-repealed', 尚未生效: 'badge-pending', 未标注: 'badge-unknown',
};

/** The validity status as a coloured badge (text carries the meaning; colour only repeats it). */
export const StatusBadge: FC<{ status: string }> = ({ status }) => (
  <span class={`badge ${STATUS_CLASS[status] ?? 'badge-unknown'}`}>{status}</span>
);

export const Tag: FC<PropsWithChildren<{ kind?: string }>> = ({ kind, children }) => <span class={`tag${kind ? ` tag-${kind}` : ''}`}>{children}</span>;

/**
 * The one place raw HTML reaches a page: a search snippet. search() builds
 * it from document text with every character HTML-escaped and only the
 * query words wrapped in <mark>, so it is safe to insert as is.
 */
export const SearchSnippet: FC<{ escapedHtmlFromSearch: string }> = ({ escapedHtmlFromSearch }) => (
  <p class="snippet">{raw(escapedHtmlFromSearch)}</p>
);

export interface DocRow {
  id: number;
  title: string;
  docNumber: string | null;
  date: string | null;
  status?: string;
}

/** A document in a list: linked title, then 文号 · date · status. */
export const DocItem: FC<{ doc: DocRow; extra?: Child }> = ({ doc, extra }) => (
  <li class="doc-item">
    <a class="doc-title" href={`/documents/${doc.id}`}>{doc.title}</a>
    <span class="doc-meta">
      {doc.docNumber ? <span class="docno">{doc.docNumber}</span> : null}
      <time datetime={doc.date ?? undefined}>{cnDate(doc.date)}</time>
      {doc.status ? <StatusBadge status={doc.status} /> : null}
      {extra}
    </span>
  </li>
);

export const Section: FC<PropsWithChildren<{ id: string; title: string; class?: string; lead?: Child }>> = (p) => (
  <section class={`panel${p.class ? ` ${p.class}` : ''}`} aria-labelledby={`${p.id}-h`} id={p.id}>
    <h2 id={`${p.id}-h`} class="panel-title">{p.title}{p.lead ? <span class="panel-lead">{p.lead}</span> : null}</h2>
    {p.children}
  </section>
);

export const Figures: FC<{ items: { label: string; value: number; href?: string; unit?: string }[] }> = ({ items }) => (
  <ul class="figures">
    {items.map((f) => (
      <li>
        {f.href ? (
          <a href={f.href}><strong>{f.value.toLocaleString('zh-CN')}</strong><span>{f.unit ?? ''}</span><em>{f.label}</em></a>
        ) : (
          <span><strong>{f.value.toLocaleString('zh-CN')}</strong><span>{f.unit ?? ''}</span><em>{f.label}</em></span>
        )}
      </li>
    ))}
  </ul>
);

/** Numbered pages with previous/next; `href(n)` builds each link. */
export const Pagination: FC<{ page: number; pages: number; href: (n: number) => string }> = ({ page, pages, href }) => {
  if (page > Math.max(1, pages)) {
    // A page past the end (an old link, a typed URL): say so and lead back.
    return (
      <nav class="pagination" aria-label="分页">
        <p class="page-of">没有第 {page} 页：{pages ? `共 ${pages} 页。` : '没有结果。'}<a href={href(Math.max(1, pages))}>{pages > 1 ? '回到最后一页' : '回到第一页'}</a></p>
      </nav>
    );
  }
  if (pages <= 1) return null;
  const nums: number[] = [];
  for (let n = Math.max(1, page - 2); n <= Math.min(pages, page + 2); n++) nums.push(n);
  return (
    <nav class="pagination" aria-label="分页">
      <ul>
        <li>{page > 1 ? <a href={href(page - 1)} rel="prev">上一页</a> : <span class="disabled" aria-disabled="true">上一页</span>}</li>
        {nums[0]! > 1 ? <li><a href={href(1)}>1</a></li> : null}
        {nums[0]! > 2 ? <li class="gap">…</li> : null}
        {nums.map((n) => (
          <li>{n === page ? <span aria-current="page" class="current">{n}</span> : <a href={href(n)}>{n}</a>}</li>
        ))}
        {nums[nums.length - 1]! < pages - 1 ? <li class="gap">…</li> : null}
        {nums[nums.length - 1]! < pages ? <li><a href={href(pages)}>{pages}</a></li> : null}
        <li>{page < pages ? <a href={href(page + 1)} rel="next">下一页</a> : <span class="disabled" aria-disabled="true">下一页</span>}</li>
      </ul>
      <p class="page-of">第 {page} / {pages} 页</p>
    </nav>
  );
};

/** A wide table gets its own horizontal scroll container. */
export const TableWrap: FC<PropsWithChildren<{ label: string }>> = ({ label, children }) => (
  <div class="table-wrap" role="region" aria-label={label} tabindex={0}>{children}</div>
);
