// Small pieces shared by the 督办 pages: status tags, deadlines, task lists.
import type { Child, FC } from 'hono/jsx';
import { STATUS_LABEL, type Task, type TaskStatus } from '../../../supervise/model.js';
import { cnDate } from '../../pages/format.js';
import { isOpen } from '../data.js';

export const StatusTag: FC<{ status: TaskStatus }> = ({ status }) => <span class={`sv-status sv-status-${status}`}>{STATUS_LABEL[status]}</span>;

/** Days from `from` to `to` (ISO days). */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** A deadline, with how late (or how close) it is for open tasks. */
export const Due: FC<{ task: Task; today: string }> = ({ task, today }) => {
  const open = isOpen(task);
  const d = daysBetween(today, task.due);
  return (
    <span class="sv-due">
      <time datetime={task.due}>{cnDate(task.due)}</time>
      {open && d < 0 ? <span class="sv-late">超期 {-d} 天</span> : open && d <= 3 ? <span class="sv-soon">{d === 0 ? '今日到期' : `${d} 天后到期`}</span> : null}
      {task.extensions ? <span class="sv-note">已延期</span> : null}
    </span>
  );
};

export const Flags: FC<{ task: Task }> = ({ task }) => (
  <>
    {task.major ? <span class="sv-flag sv-flag-major">重点</span> : null}
    {task.supervised ? <span class="sv-flag sv-flag-supervised">督办</span> : null}
  </>
);

/** The board's table; on phones each row becomes a card (labels from data-label). */
export const TaskTable: FC<{ tasks: Task[]; today: string; caption: string }> = ({ tasks, today, caption }) => (
  <table class="data sv-table">
    <caption class="sr-only">{caption}</caption>
    <thead>
      <tr><th scope="col">编号</th><th scope="col">工作内容</th><th scope="col">牵头单位</th><th scope="col">状态</th><th scope="col">承办时限</th><th scope="col">办结期限</th></tr>
    </thead>
    <tbody>
      {tasks.map((t) => (
        <tr class={isOpen(t) && t.due < today ? 'sv-row-late' : undefined}>
          <td data-label="编号" class="num">{t.id}</td>
          <td data-label="工作内容" class="sv-title-cell"><a href={`/supervise/tasks/${t.id}`}>{t.title}</a> <Flags task={t} />{t.source.docNumber ? <span class="sub">{t.source.docNumber}</span> : null}</td>
          <td data-label="牵头单位">{t.leadUnit}{t.assistUnits.length ? <span class="sub">协办：{t.assistUnits.join('、')}</span> : null}</td>
          <td data-label="状态"><StatusTag status={t.status} /></td>
          <td data-label="承办时限">{t.status === 'registered' ? <>{cnDate(t.acceptDue)}{t.acceptDue < today ? <span class="sv-late">逾期未承办</span> : null}</> : t.acceptedAt ? '已承办' : '—'}</td>
          <td data-label="办结期限"><Due task={t} today={today} /></td>
        </tr>
      ))}
    </tbody>
  </table>
);

/** A unit's tasks as cards, with what is due next. */
export const TaskCards: FC<{ tasks: Task[]; today: string; next: (t: Task) => Child }> = ({ tasks, today, next }) => (
  <ul class="sv-cards">
    {tasks.map((t) => (
      <li class={`sv-card${isOpen(t) && t.due < today ? ' sv-card-late' : ''}`}>
        <p class="sv-card-head"><StatusTag status={t.status} /><Flags task={t} /><span class="sv-card-no">第 {t.id} 号</span></p>
        <a class="sv-card-title" href={`/supervise/tasks/${t.id}`}>{t.title}</a>
        <p class="sv-card-meta">
          <span>牵头：{t.leadUnit}</span>
          <span>办结期限：<Due task={t} today={today} /></span>
        </p>
        <div class="sv-card-next">{next(t)}</div>
      </li>
    ))}
  </ul>
);

export const Empty: FC<{ text: string }> = ({ text }) => <p class="sv-empty">{text}</p>;
