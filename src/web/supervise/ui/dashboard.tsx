// 数据看板: overdue tasks by unit and completion rate by quarter, drawn by
// assets/supervise.js with ECharts from a JSON data block; each chart has a
// table with the same numbers, which is what a reader without JS gets.
import type { FC } from 'hono/jsx';
import { raw } from 'hono/html';
import type { Session } from '../../../supervise/auth.js';
import { Figures, TableWrap } from '../../pages/components.js';
import { queryString } from '../../pages/format.js';
import type { Dashboard } from '../data.js';
import { SvPage } from './frame.js';
import { Empty } from './parts.js';

/** JSON for a <script type="application/json"> block: nothing in it can close the element. */
export const scriptJson = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

const quarterLabel = (q: string) => `${q.slice(0, 4)}年${q.slice(5)}季度`;

export const DashboardPage: FC<{ session: Session; data: Dashboard }> = ({ session, data }) => {
  const chartData = {
    overdue: { units: data.overdueByUnit.map((u) => u.unit), overdue: data.overdueByUnit.map((u) => u.overdue), open: data.overdueByUnit.map((u) => u.open) },
    quarters: { labels: data.quarters.map((q) => quarterLabel(q.quarter)), rate: data.quarters.map((q) => q.rate), onTimeRate: data.quarters.map((q) => q.onTimeRate), due: data.quarters.map((q) => q.due) },
  };
  return (
    <SvPage title="数据看板" session={session} active="dashboard" scripts={['/assets/echarts.min.js', '/assets/supervise.js']}>
      <h1 class="page-title">督办数据看板</h1>
      <p class="page-lead">截至 {data.today}，全县督办任务办理情况（不含已撤销任务）。</p>
      <Figures items={[
        { label: '督办任务', value: data.totals.tasks, unit: '项', href: '/supervise' },
        { label: '正在办理', value: data.totals.open, unit: '项' },
        { label: '已超期', value: data.totals.overdue, unit: '项', href: '/supervise?due=overdue' },
        { label: '已办结', value: data.totals.closed, unit: '项', href: '/supervise?status=closed' },
      ]} />
      <script type="application/json" id="sv-dashboard-data">{raw(scriptJson(chartData))}</script>
      <div class="grid-2">
        <section class="panel chart-panel" aria-labelledby="c-overdue-h">
          <h2 id="c-overdue-h" class="panel-title">各单位超期任务</h2>
          {data.overdueByUnit.length ? (
            <>
              <div class="chart sv-chart" data-sv-chart="overdue" role="img" aria-label="各单位超期任务（图表，数据见下表）"></div>
              <details class="chart-data sv-chart-data" open>
                <summary>数据表</summary>
                <TableWrap label="各单位超期任务数据表">
                  <table class="data">
                    <thead><tr><th scope="col">单位</th><th scope="col">超期任务</th><th scope="col">在办任务</th></tr></thead>
                    <tbody>{data.overdueByUnit.map((u) => <tr><th scope="row"><a href={`/supervise${queryString({ unit: u.unit, due: 'overdue' })}`}>{u.unit}</a></th><td class="num">{u.overdue}</td><td class="num">{u.open}</td></tr>)}</tbody>
                  </table>
                </TableWrap>
              </details>
            </>
          ) : <Empty text="目前没有超期任务。" />}
        </section>
        <section class="panel chart-panel" aria-labelledby="c-rate-h">
          <h2 id="c-rate-h" class="panel-title">各季度办结率<span class="panel-lead">按办结期限所在季度</span></h2>
          {data.quarters.length ? (
            <>
              <div class="chart sv-chart" data-sv-chart="quarters" role="img" aria-label="各季度办结率（图表，数据见下表）"></div>
              <details class="chart-data sv-chart-data" open>
                <summary>数据表</summary>
                <TableWrap label="各季度办结率数据表">
                  <table class="data">
                    <thead><tr><th scope="col">季度</th><th scope="col">到期任务</th><th scope="col">已办结</th><th scope="col">办结率</th><th scope="col">按期办结率</th></tr></thead>
                    <tbody>{data.quarters.map((q) => <tr><th scope="row"><a href={`/supervise/evaluation${queryString({ quarter: q.quarter })}`}>{quarterLabel(q.quarter)}</a></th><td class="num">{q.due}</td><td class="num">{q.closed}</td><td class="num">{q.rate}%</td><td class="num">{q.onTimeRate}%</td></tr>)}</tbody>
                  </table>
                </TableWrap>
              </details>
            </>
          ) : <Empty text="还没有督办任务。" />}
        </section>
      </div>
    </SvPage>
  );
};
