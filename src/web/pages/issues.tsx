// The issue list and one issue: its cover and the table of contents.
import type { FC } from 'hono/jsx';
import type { getIssue, IssueSummary } from '../services/library.js';
import { AlternateLinks, Layout, GAZETTE, type Alternate } from './layout.js';
import { Section, StatusBadge } from './components.js';
import { IssueCard } from './home.js';
import { cnDate, issueLabel, issuePeriod } from './format.js';

const ISSUE_FEEDS: Alternate[] = [{ href: '/feeds/issues.atom', type: 'application/atom+xml', title: '新出版的公报' }];

type IssueView = ReturnType<typeof getIssue>;

/** A single 公文 ingested on its own belongs to its issuer's collection, not to an issue (store/ingest.ts). */
const isStandalone = (i: IssueSummary) => i.key.startsWith('单篇|');

export const IssuesPage: FC<{ issues: IssueSummary[] }> = ({ issues }) => {
  const gazette = issues.filter((i) => !isStandalone(i));
  const collections = new Map<string, number>();
  for (const i of issues.filter(isStandalone)) collections.set(i.publisher ?? '发文机关不详', (collections.get(i.publisher ?? '发文机关不详') ?? 0) + i.documents);
  const years = [...new Set(gazette.map((i) => i.year ?? 0))];
  return (
    <Layout title="历期公报" nav="issues" crumbs={[{ label: '历期公报' }]} headerSearch alternates={ISSUE_FEEDS}>
      <h1 class="page-title">历期公报</h1>
      <AlternateLinks links={ISSUE_FEEDS} />
      <p class="page-lead">共 {gazette.length} 期，按出版时间由近及远排列。{collections.size ? `另收录单篇公文 ${[...collections.values()].reduce((a, b) => a + b, 0)} 件，按发文机关归集。` : ''}</p>
      {years.map((y) => (
        <Section id={`y${y}`} title={y ? `${y}年` : '年份未知'}>
          <ul class="issue-cards">{gazette.filter((i) => (i.year ?? 0) === y).map((i) => <IssueCard issue={i} />)}</ul>
        </Section>
      ))}
      {collections.size ? (
        <Section id="single" title="单篇公文（按发文机关）">
          <ul class="link-list">
            {[...collections].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh')).map(([issuer, n]) => (
              <li><a href={`/search?issuer=${encodeURIComponent(issuer)}&sort=date`}>{issuer}</a> <span class="muted">{n} 件</span></li>
            ))}
          </ul>
        </Section>
      ) : null}
    </Layout>
  );
};

export const IssuePage: FC<{ issue: IssueView }> = ({ issue }) => {
  const label = issueLabel(issue);
  const groups: { category: string; entries: IssueView['toc'] }[] = [];
  for (const e of issue.toc) {
    const cat = e.category ?? '其他';
    const g = groups.find((x) => x.category === cat) ?? (groups.push({ category: cat, entries: [] }), groups[groups.length - 1]!);
    g.entries.push(e);
  }
  const statusOf = (id: number | null) => issue.list.find((d) => d.id === id)?.status;
  const listed = new Set(issue.toc.map((e) => e.documentId));
  const unlisted = issue.list.filter((d) => !listed.has(d.id));
  let n = 0;
  return (
    <Layout title={label} nav="issues" crumbs={[{ label: '历期公报', href: '/issues' }, { label }]} headerSearch>
      <section class="cover" aria-labelledby="cover-h">
        <p class="cover-name">{issue.gazette ?? GAZETTE}</p>
        <p class="cover-pinyin">WUTAIXIAN RENMIN ZHENGFU GONGBAO</p>
        <h1 id="cover-h" class="cover-no">{label}</h1>
        <dl class="cover-meta">
          <div><dt>编印单位</dt><dd>{issue.publisher ?? '—'}</dd></div>
          <div><dt>{issue.published ? '出版日期' : '收录期间'}</dt><dd>{issuePeriod(issue)}</dd></div>
          <div><dt>本期文件</dt><dd>{issue.documents} 件</dd></div>
          <div><dt>入库时间</dt><dd>{cnDate(issue.ingestedAt.slice(0, 10))}（第 {issue.version} 版）</dd></div>
        </dl>
        <p class="cover-actions"><a href={`/search?issue=${issue.id}`}>在本期中检索</a></p>
      </section>

      <Section id="toc" title="目　录">
        {groups.map((g) => (
          <div class="toc-group">
            <h3 class="toc-category">【{g.category}】</h3>
            <ol class="toc">
              {g.entries.map((e) => {
                n++;
                const status = statusOf(e.documentId);
                return (
                  <li class="toc-entry">
                    <span class="toc-no">{n}、</span>
                    <span class="toc-main">
                      {e.documentId ? <a href={`/documents/${e.documentId}`}>{e.title}</a> : <span>{e.title}</span>}
                      <span class="toc-sub">
                        {e.docNumber ? <span class="docno">{e.docNumber}</span> : null}
                        {status ? <StatusBadge status={status} /> : null}
                        {e.documentId ? null : <span class="note">正文未能对应</span>}
                      </span>
                    </span>
                    <span class="toc-page" aria-label={e.page ? `第${e.page}页` : '页码未知'}>{e.page ?? '—'}</span>
                  </li>
                );
              })}
            </ol>
          </div>
        ))}
        {unlisted.length ? (
          <div class="toc-group">
            <h3 class="toc-category">【目录未列出的文件】</h3>
            <ul class="toc">
              {unlisted.map((d) => (
                <li class="toc-entry"><span class="toc-main"><a href={`/documents/${d.id}`}>{d.title}</a><span class="toc-sub">{d.docNumber}</span></span></li>
              ))}
            </ul>
          </div>
        ) : null}
      </Section>
    </Layout>
  );
};
