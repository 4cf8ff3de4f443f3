// One document: metadata table (政府信息公开 style), outline navigator,
// clean body, tasks, citations, downloads, editor diagnostics and source.
import type { FC } from 'hono/jsx';
import type { DocumentView } from '../services/library.js';
import type { RelatedDocument } from '../services/related.js';
import { Layout } from './layout.js';
import { Section, StatusBadge, Tag } from './components.js';
import { layoutBody } from './body-layout.js';
import { DocBody, OutlineNav } from './document-body.js';
import { Citations, Interpretations, Related, Responsibilities } from './document-facts.js';
import { cnDate, issueLabel, validityReason } from './format.js';
import { chinaDay } from '../../time.js';
import { findDate } from '../../parse/dates.js';
import type { ValidityStatus } from '../../extract/validity.js';
import { indexNumberOf } from '../site.js';

export interface DocumentPageData {
  view: DocumentView;
  source: { no: number; raw: string; page?: number; pageLine?: number }[];
  /** The original file's name, offered as a download. */
  original?: string;
  related?: RelatedDocument[];
}

const indexNumber = (v: DocumentView) => indexNumberOf(v.issue.year, v.summary.id);

function trialLabel(v: DocumentView): string | null {
  if (/（暂行）|\(暂行\)/.test(v.summary.title)) return '暂行';
  if (v.doc.validity.trial || /（试行）|\(试行\)/.test(v.summary.title)) return '试行';
  return null;
}

/**
 * 发布日期 as a 政府信息公开 page gives it: the day the saved page states, else
 * the day the issue was published, else (a single 公文, an issue with no
 * printed day) the day it entered the library. The basis is shown with it.
 */
export function publishedOf(v: DocumentView): { date: string | null; basis: string } {
  const page = v.doc.pageMeta?.['发布日期'];
  const date = page ? findDate(page) : null;
  if (date) return { date, basis: '网页所载' };
  if (v.issue.published) return { date: v.issue.published, basis: '公报出版' };
  return { date: v.updatedAt ? chinaDay(new Date(v.updatedAt)) : null, basis: '收录入库' };
}

const MetaTable: FC<{ v: DocumentView }> = ({ v }) => {
  const { summary: s, issue, doc } = v;
  const val = doc.validity;
  const trial = trialLabel(v);
  const published = publishedOf(v);
  return (
    <Section id="meta" title="文件信息" class="meta-panel">
      <table class="meta">
        <tbody>
          <tr><th scope="row">索引号</th><td>{doc.pageMeta?.['索引号'] ?? indexNumber(v)}</td><th scope="row">发文机关</th><td>{s.issuer ?? '—'}</td></tr>
          <tr><th scope="row">发文字号</th><td class="docno">{s.docNumber ?? '无'}</td><th scope="row">成文日期</th><td>{cnDate(s.date)}</td></tr>
          <tr>
            <th scope="row">所在期次</th><td><a href={`/issues/${issue.id}`}>{issueLabel(issue)}</a></td>
            <th scope="row">页码</th><td>{s.tocPage ? `第 ${s.tocPage} 页` : '—'}{doc.pdfPages ? `（原文件 PDF 第 ${doc.pdfPages.from}${doc.pdfPages.to > doc.pdfPages.from ? `–${doc.pdfPages.to}` : ''} 页）` : ''}</td>
          </tr>
          <tr>
            <th scope="row">有效性</th>
            <td><StatusBadge status={s.status} />{trial ? <Tag kind="trial">{trial}</Tag> : null}<span class="status-reason">{validityReason(val, s.status as ValidityStatus, s.repealedBy, v.defaultTerm)}</span></td>
            <th scope="row">栏目</th><td>{s.category ?? '—'}</td>
          </tr>
          {val.effective || val.expires ? (
            <tr><th scope="row">生效日期</th><td>{cnDate(val.effective)}</td><th scope="row">失效日期</th><td>{val.expires ? cnDate(val.expires) : '未规定'}</td></tr>
          ) : null}
          {val.text ? <tr><th scope="row">有效期说明</th><td colspan={3}>{val.text}</td></tr> : null}
          {v.defaultTerm && !val.expires ? (
            <tr><th scope="row">有效期依据</th><td colspan={3}><a href={`/documents/${v.defaultTerm.by.id}`}>{v.defaultTerm.by.docNumber ?? v.defaultTerm.by.title}</a>：{v.defaultTerm.by.text}</td></tr>
          ) : null}
          {val.dependsOn ? <tr><th scope="row">有效期依据</th><td colspan={3}>{val.dependsOn.text}（需对照相关文件确定）</td></tr> : null}
          {v.repealedBy.length ? (
            <tr><th scope="row">废止情况</th><td colspan={3}>已被 {v.repealedBy.map((r) => (r.documentId ? <a href={`/documents/${r.documentId}`}>{r.docNumber ?? r.title}</a> : r.docNumber))} 废止</td></tr>
          ) : s.repealedBy ? <tr><th scope="row">废止情况</th><td colspan={3}>已被 {s.repealedBy} 废止</td></tr> : null}
          <tr>
            <th scope="row">主题分类</th>
            <td>{v.subject ? <span title={v.subject.reason}>{v.subject.category}{v.subject.sub ? `\\${v.subject.sub}` : ''}</span> : '—'}</td>
            <th scope="row">发布日期</th><td>{cnDate(published.date)}{published.date ? <span class="muted">（{published.basis}）</span> : null}</td>
          </tr>
          {doc.recipients.length ? <tr><th scope="row">主送机关</th><td colspan={3}>{doc.recipients.join('，')}</td></tr> : null}
        </tbody>
      </table>
    </Section>
  );
};

const Downloads: FC<{ id: number; original?: string }> = ({ id, original }) => (
  <Section id="downloads" title="下载与数据">
    <ul class="downloads">
      <li><a href={`/api/documents/${id}`} type="application/json">JSON 结构化数据</a></li>
      <li><a href={`/api/documents/${id}.md`} type="text/markdown">Markdown 全文</a></li>
      <li><a href={`/api/documents/${id}/responsibilities.csv`} type="text/csv">任务分工表（CSV）</a></li>
      <li><a href={`/documents/${id}/graph`}>引用关系图</a></li>
      <li><a href={`/api/documents/${id}/original`} download>原始文件{original ? `（${original}）` : ''}</a></li>
    </ul>
  </Section>
);

const SEVERITY: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };

const EditorPanel: FC<{ v: DocumentView; source: DocumentPageData['source'] }> = ({ v, source }) => {
  const diags = v.doc.diagnostics;
  const first = source[0]?.no ?? 0;
  const last = source[source.length - 1]?.no ?? 0;
  return (
    <Section id="editor" title="校对信息" lead={<>供公报编辑核对 · <a href={`/supervise/documents/${v.summary.id}/edit`}>维护主题分类与政策解读 ›</a></>}>
      <details class="diagnostics">
        <summary>解析诊断（{diags.length} 条）</summary>
        {diags.length ? (
          <ul>
            {diags.map((d) => (
              <li><Tag kind={d.severity}>{SEVERITY[d.severity] ?? d.severity}</Tag><code>{d.code}</code> {d.message} <a href={`#L${d.line}`} class="source-link">第 {d.line} 行</a></li>
            ))}
          </ul>
        ) : <p class="muted">解析未发现问题。</p>}
      </details>
      <details class="source" id="source">
        <summary>原文（公报第 {first}–{last} 行，共 {source.length} 行）</summary>
        <div class="source-lines">
          {source.map((l) => (
            <div class="src-line" id={`L${l.no}`}><a class="ln" href={`#L${l.no}`} aria-label={`第 ${l.no} 行`}>{l.no}</a>{l.page ? <span class="pg" title={`PDF 第 ${l.page} 页第 ${l.pageLine} 行`}>{l.page}:{l.pageLine}</span> : null}<code>{l.raw || ' '}</code></div>
          ))}
        </div>
      </details>
    </Section>
  );
};

export const DocumentPage: FC<{ data: DocumentPageData }> = ({ data }) => {
  const { view: v, source } = data;
  const s = v.summary;
  const items = layoutBody({ ...v.doc, title: s.title, docNumber: s.docNumber });
  const label = issueLabel(v.issue);
  return (
    <Layout title={s.title} nav="none" headerSearch description={`${s.docNumber ?? ''} ${s.title}`}
      crumbs={[{ label: '历期公报', href: '/issues' }, { label, href: `/issues/${v.issue.id}` }, { label: s.docNumber ?? '公文' }]}>
      <article class="doc" aria-labelledby="doc-title">
        <header class="doc-head">
          <h1 id="doc-title">{s.title}</h1>
          <p class="doc-head-meta">
            {s.docNumber ? <span class="docno">{s.docNumber}</span> : null}
            <span>{s.issuer}</span>
            <time datetime={s.date ?? undefined}>{cnDate(s.date)}</time>
            <StatusBadge status={s.status} />
          </p>
          <div class="doc-tools" role="group" aria-label="阅读工具">
            <button type="button" class="tool" data-print hidden>打印</button>
            <span class="tool-label" hidden>字号</span>
            <button type="button" class="tool" data-font="-1" aria-label="缩小字号" hidden>A−</button>
            <button type="button" class="tool" data-font="0" aria-label="默认字号" hidden>A</button>
            <button type="button" class="tool" data-font="1" aria-label="放大字号" hidden>A+</button>
          </div>
        </header>
        <MetaTable v={v} />
        <Interpretations list={v.editorial.interpretations} />
        <div class="doc-layout">
          <aside class="doc-aside"><OutlineNav outline={v.doc.outline} /></aside>
          <div class="doc-main">
            <section class="panel paper" aria-labelledby="body-h">
              <h2 id="body-h" class="sr-only">正文</h2>
              <p class="paper-title">{s.title}</p>
              {s.docNumber ? <p class="paper-docno">{s.docNumber}</p> : null}
              <DocBody items={items} />
            </section>
            <Responsibilities list={v.doc.responsibilities} />
            <Citations view={v} />
            <Related list={data.related ?? []} />
            <Downloads id={s.id} original={data.original} />
            <EditorPanel v={v} source={source} />
          </div>
        </div>
      </article>
    </Layout>
  );
};
