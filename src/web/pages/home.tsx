// Home: search box, key figures, latest issues and documents, quick links.
import type { FC } from 'hono/jsx';
import type { IssueSummary, DocumentSummary } from '../services/library.js';
import type { Stats } from '../services/insights.js';
import type { FilterChoices } from '../services/browse.js';
import { STATUSES } from '../../store/status.js';
import { Layout, GAZETTE } from './layout.js';
import { DocItem, Figures, Section, StatusBadge } from './components.js';
import { issueLabel, issuePeriod, queryString } from './format.js';

export interface HomeData {
  stats: Stats;
  issues: IssueSummary[];
  latest: DocumentSummary[];
  choices: FilterChoices;
}

const EXAMPLES = ['五政办发〔2022〕8号', '河湖长制', '应急预案', '县水利局', '营商环境'];

export const IssueCard: FC<{ issue: IssueSummary }> = ({ issue }) => (
  <li class="issue-card">
    <a href={`/issues/${issue.id}`}>
      <span class="issue-card-name">{issue.gazette ?? GAZETTE}</span>
      <strong class="issue-card-no">{issueLabel(issue)}</strong>
      <span class="issue-card-period">{issuePeriod(issue)}</span>
      <span class="issue-card-count">收录公文 {issue.documents} 件</span>
    </a>
  </li>
);

const ChipGroup: FC<{ title: string; items: { label: string; href: string }[] }> = ({ title, items }) => (
  <div>
    <h3>{title}</h3>
    <ul class="chips">{items.map((i) => <li><a href={i.href}>{i.label}</a></li>)}</ul>
  </div>
);

export const HomePage: FC<{ data: HomeData }> = ({ data }) => {
  const { stats, issues, latest, choices } = data;
  return (
    <Layout title="首页" nav="home">
      <section class="hero" aria-labelledby="hero-h">
        <h1 id="hero-h" class="hero-title">{GAZETTE}数字化文库</h1>
        <p class="hero-lead">查阅历期公报和县政府及县政府办公室文件，了解文件是否有效、由哪些单位负责落实。</p>
        <form class="hero-search" role="search" action="/search" method="get">
          <label for="home-q" class="sr-only">检索公报文件</label>
          <input id="home-q" name="q" type="search" maxlength={200} placeholder="输入标题、发文字号、单位或关键词" autocomplete="off" />
          <button type="submit">检索</button>
        </form>
        <p class="hero-examples">
          <span>试一试：</span>
          {EXAMPLES.map((q) => <a href={`/search${queryString({ q })}`}>{q}</a>)}
        </p>
      </section>

      {stats.documents === 0 ? (
        <div class="empty-state" role="note">
          <p class="empty-title">文库中还没有公报。</p>
          <p>载入公报或公文：在命令行运行 <code>npx gongbao ingest 文件或目录</code>（PDF、Word 文档、网页或文本），或由督查室在“督办 › 载入公报”页面上传；<code>npm start</code> 会载入内置的样例公报。</p>
        </div>
      ) : null}

      <Figures
        items={[
          { label: '收录公文', value: stats.documents, unit: '件', href: '/search?sort=date' },
          { label: '公报期次', value: stats.issues, unit: '期', href: '/issues' },
          { label: '责任单位', value: stats.units, unit: '个', href: '/units' },
          { label: '分工任务', value: stats.responsibilities, unit: '项', href: '/stats' },
        ]}
      />

      <div class="grid-2 home-grid">
        <div>
          <Section id="latest-issues" title="最新公报" lead={<a href="/issues">全部期次 ›</a>}>
            <ul class="issue-cards">{issues.slice(0, 4).map((i) => <IssueCard issue={i} />)}</ul>
          </Section>
          <Section id="quick" title="分类浏览">
            <div class="quick-grid">
              <ChipGroup title="按年度" items={choices.years.map((y) => ({ label: `${y}年`, href: `/search${queryString({ year: y })}` }))} />
              <ChipGroup title="按栏目" items={choices.categories.map((c) => ({ label: c, href: `/search${queryString({ category: c })}` }))} />
              <ChipGroup title="按发文机关" items={choices.issuers.map((c) => ({ label: c, href: `/search${queryString({ issuer: c })}` }))} />
              <div>
                <h3>按有效性</h3>
                <ul class="chips">{STATUSES.map((s) => <li><a href={`/search${queryString({ status: s })}`}><StatusBadge status={s} /></a></li>)}</ul>
              </div>
            </div>
            <p class="quick-more">
              <a class="button-link" href="/stats">查看统计分析</a>
              <a class="button-link secondary" href="/units">责任单位名录</a>
            </p>
          </Section>
        </div>
        <Section id="latest-docs" title="最新文件" lead={<a href="/search?sort=date">更多 ›</a>}>
          <ul class="doc-list">{latest.map((d) => <DocItem doc={d} />)}</ul>
        </Section>
      </div>
    </Layout>
  );
};
