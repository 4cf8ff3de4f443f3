// Statistics: four charts drawn by assets/app.js with ECharts from each
// chart's data-chart JSON, each with a table of the same data that works
// without JavaScript (app.js folds it away once the chart is drawn).
import type { Child, FC } from 'hono/jsx';
import type { Stats } from '../services/insights.js';
import { Layout } from './layout.js';
import { Figures, Section, StatusBadge, TableWrap } from './components.js';
import { queryString } from './format.js';

/** What app.js draws: kind + categories + named series. */
export interface ChartSpec {
  kind: 'bar' | 'stacked' | 'hbar' | 'pie';
  categories: string[];
  series: { name: string; data: number[] }[];
  unit: string;
}

const Chart: FC<{ id: string; title: string; spec: ChartSpec; table: Child }> = ({ id, title, spec, table }) => (
  <Section id={id} title={title} class="chart-panel">
    <div class="chart" data-chart={JSON.stringify(spec)} role="img" aria-label={`${title}（图表，数据见下表）`}></div>
    <details class="chart-data" open>
      <summary>数据表</summary>
      <TableWrap label={`${title}数据表`}>{table}</TableWrap>
    </details>
  </Section>
);

export const StatsPage: FC<{ stats: Stats }> = ({ stats }) => {
  const years = [...new Set(stats.byYearIssuer.map((r) => r.year))];
  const issuers = [...new Set(stats.byYearIssuer.map((r) => r.issuer))];
  const cell = (y: string, i: string) => stats.byYearIssuer.find((r) => r.year === y && r.issuer === i)?.count ?? 0;
  const yearSpec: ChartSpec = { kind: 'stacked', categories: years, series: issuers.map((i) => ({ name: i, data: years.map((y) => cell(y, i)) })), unit: '件' };
  const unitSpec: ChartSpec = { kind: 'hbar', categories: stats.tasksPerUnit.map((r) => r.unit), series: [{ name: '任务数', data: stats.tasksPerUnit.map((r) => r.count) }], unit: '项' };
  const monthSpec: ChartSpec = { kind: 'bar', categories: stats.deadlinesPerMonth.map((r) => r.month), series: [{ name: '到期任务', data: stats.deadlinesPerMonth.map((r) => r.count) }], unit: '项' };
  const statusSpec: ChartSpec = { kind: 'pie', categories: stats.status.map((r) => r.status), series: [{ name: '文件数', data: stats.status.map((r) => r.count) }], unit: '件' };
  return (
    <Layout title="统计分析" nav="stats" crumbs={[{ label: '统计分析' }]} headerSearch scripts={['/assets/echarts.min.js']}>
      <h1 class="page-title">统计分析</h1>
      <p class="page-lead">根据文库收录的公报文件自动统计，数据随新一期公报入库更新。</p>
      <Figures
        items={[
          { label: '收录公文', value: stats.documents, unit: '件', href: '/search?sort=date' },
          { label: '公报期次', value: stats.issues, unit: '期', href: '/issues' },
          { label: '责任单位', value: stats.units, unit: '个', href: '/units' },
          { label: '分工任务', value: stats.responsibilities, unit: '项' },
        ]}
      />
      <div class="grid-2">
        <Chart id="chart-year" title="各年度发文数量" spec={yearSpec} table={
          <table class="data">
            <thead><tr><th scope="col">年度</th>{issuers.map((i) => <th scope="col">{i}</th>)}<th scope="col">合计</th></tr></thead>
            <tbody>
              {years.map((y) => (
                <tr>
                  <th scope="row"><a href={`/search${queryString({ year: y === '未知' ? undefined : y })}`}>{y}</a></th>
                  {issuers.map((i) => <td class="num">{cell(y, i)}</td>)}
                  <td class="num">{issuers.reduce((a, i) => a + cell(y, i), 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        } />
        <Chart id="chart-status" title="文件有效性" spec={statusSpec} table={
          <table class="data">
            <thead><tr><th scope="col">有效性</th><th scope="col">文件数</th></tr></thead>
            <tbody>{stats.status.map((r) => <tr><th scope="row"><a href={`/search${queryString({ status: r.status })}`}><StatusBadge status={r.status} /></a></th><td class="num">{r.count}</td></tr>)}</tbody>
          </table>
        } />
      </div>
      <Chart id="chart-units" title="各单位承担任务数（前 15 位）" spec={unitSpec} table={
        <table class="data">
          <thead><tr><th scope="col">单位</th><th scope="col">牵头或负责的任务</th></tr></thead>
          <tbody>{stats.tasksPerUnit.map((r) => <tr><th scope="row"><a href={`/units/${encodeURIComponent(r.unit)}`}>{r.unit}</a></th><td class="num">{r.count}</td></tr>)}</tbody>
        </table>
      } />
      <Chart id="chart-months" title="任务期限月份分布" spec={monthSpec} table={
        <table class="data">
          <thead><tr><th scope="col">月份</th><th scope="col">到期任务数</th></tr></thead>
          <tbody>{stats.deadlinesPerMonth.map((r) => <tr><th scope="row">{r.month}</th><td class="num">{r.count}</td></tr>)}</tbody>
        </table>
      } />
    </Layout>
  );
};
