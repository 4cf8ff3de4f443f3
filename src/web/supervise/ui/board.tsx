// The office's task board: counts per status, filters (unit, status,
// deadline), the task table, and the deadline sweep.
import type { FC } from 'hono/jsx';
import type { Session } from '../../../supervise/auth.js';
import { STATUSES, STATUS_LABEL, type Task, type TaskStatus } from '../../../supervise/model.js';
import { queryString } from '../../pages/format.js';
import { CsrfField, SvPage, type Flash } from './frame.js';
import { Empty, TaskTable } from './parts.js';

export interface BoardFilter {
  unit?: string | undefined;
  status?: TaskStatus | undefined;
  due?: 'overdue' | 'soon' | undefined;
}

export interface BoardData {
  tasks: Task[];
  counts: Record<TaskStatus, number>;
  overdue: number;
  units: string[];
  filter: BoardFilter;
  today: string;
  /** Coming years whose holiday notice is not loaded: deadlines there are computed with weekends only. */
  unconfirmedYears: number[];
}

const DUE_LABEL = { overdue: '已超期', soon: '7 天内到期' } as const;

export const BoardPage: FC<{ session: Session; data: BoardData; flash?: Flash | null }> = ({ session, data, flash }) => {
  const f = data.filter;
  const total = Object.values(data.counts).reduce((a, b) => a + b, 0);
  const link = (extra: BoardFilter) => `/supervise${queryString({ unit: f.unit, ...extra })}`;
  const active = [f.unit ? `单位：${f.unit}` : null, f.status ? `状态：${STATUS_LABEL[f.status]}` : null, f.due ? DUE_LABEL[f.due] : null].filter(Boolean);
  return (
    <SvPage title="任务总览" session={session} active="board" flash={flash}>
      <div class="sv-title-row">
        <h1 class="page-title">督办任务总览</h1>
        <div class="sv-title-actions">
          <a class="button-link" href="/supervise/tasks/new">＋ 立项</a>
          {session.user.role === 'office' ? (
            <form method="post" action="/supervise/tick" class="sv-inline-form">
              <CsrfField session={session} />
              <button type="submit" class="button-link secondary">扫描时限并预警</button>
            </form>
          ) : null}
        </div>
      </div>
      {data.unconfirmedYears.length ? (
        <p class="sv-calendar-note" role="note">
          {data.unconfirmedYears.join('、')} 年的节假日安排通知尚未导入，这些年份的期限暂按周末推算。通知发布后请导入（gongbao calendar import 通知文件），未办结任务的期限将自动重算。
        </p>
      ) : null}
      <ul class="sv-counts" aria-label="各状态任务数">
        <li><a href={link({})} aria-current={!f.status && !f.due ? 'true' : undefined}><strong>{total}</strong><em>全部任务</em></a></li>
        {STATUSES.map((s) => (
          <li class={`sv-count-${s}`}><a href={link({ status: s })} aria-current={f.status === s ? 'true' : undefined}><strong>{data.counts[s]}</strong><em>{STATUS_LABEL[s]}</em></a></li>
        ))}
        <li class="sv-count-late"><a href={link({ due: 'overdue' })} aria-current={f.due === 'overdue' ? 'true' : undefined}><strong>{data.overdue}</strong><em>已超期</em></a></li>
      </ul>
      <form class="search-form sv-filters" method="get" action="/supervise" role="search" aria-label="筛选任务">
        <div class="filter-grid">
          <div class="field">
            <label for="f-unit">单位</label>
            <select id="f-unit" name="unit">
              <option value="">全部单位</option>
              {data.units.map((u) => <option value={u} selected={u === f.unit}>{u}</option>)}
            </select>
          </div>
          <div class="field">
            <label for="f-status">状态</label>
            <select id="f-status" name="status">
              <option value="">全部状态</option>
              {STATUSES.map((s) => <option value={s} selected={s === f.status}>{STATUS_LABEL[s]}</option>)}
            </select>
          </div>
          <div class="field">
            <label for="f-due">办结期限</label>
            <select id="f-due" name="due">
              <option value="">不限</option>
              <option value="overdue" selected={f.due === 'overdue'}>已超期</option>
              <option value="soon" selected={f.due === 'soon'}>7 天内到期</option>
            </select>
          </div>
          <div class="filter-actions">
            <button type="submit">筛选</button>
            {active.length ? <a href="/supervise">清除条件</a> : null}
          </div>
        </div>
      </form>
      <section class="panel" aria-labelledby="board-h">
        <h2 id="board-h" class="panel-title">
          任务清单
          <span class="panel-lead">{active.length ? `${active.join('，')}：` : ''}共 {data.tasks.length} 项</span>
        </h2>
        {data.tasks.length ? <TaskTable tasks={data.tasks} today={data.today} caption="督办任务清单" /> : <Empty text="没有符合条件的任务。" />}
      </section>
    </SvPage>
  );
};
