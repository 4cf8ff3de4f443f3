// One task: its record (the fields of the 任务清单/责任清单), the actions the
// user may take now, and a timeline of history and warnings merged by time.
import type { FC } from 'hono/jsx';
import type { Session } from '../../../supervise/auth.js';
import { SOURCE_KINDS, type Grade, type Task } from '../../../supervise/model.js';
import { cnDate } from '../../pages/format.js';
import type { TimelineItem } from '../data.js';
import type { WebAction } from '../schemas.js';
import { SvPage, type Flash } from './frame.js';
import { ActionForms, EditForm, type Failed } from './task-forms.js';
import { Due, Flags, StatusTag } from './parts.js';

export interface TaskView {
  task: Task;
  timeline: TimelineItem[];
  actions: WebAction[];
  grade: Grade | null;
  /** How the grade was reached (8号 §四（一）). */
  gradeReasons: string[];
  today: string;
  /** The office may edit: the unit names for its pick list; null when the user may not. */
  editUnits: string[] | null;
}

/** An ISO instant as China local time, `2022年1月28日 10:00`. */
export function cnTime(iso: string): string {
  const local = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return `${cnDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

const Row: FC<{ label: string; value: unknown }> = ({ label, value }) => (
  <tr><th scope="row">{label}</th><td>{value === null || value === undefined || value === '' ? <span class="muted">—</span> : (value as string)}</td></tr>
);

export const TaskPage: FC<{ session: Session; view: TaskView; flash?: Flash | null; failed?: Failed | null }> = ({ session, view, flash, failed }) => {
  const t = view.task;
  const back = session.user.role === 'unit' ? { label: '本单位待办', href: '/supervise/inbox' } : { label: '任务总览', href: '/supervise' };
  return (
    <SvPage title={`督办任务第 ${t.id} 号`} session={session} active={session.user.role === 'unit' ? 'inbox' : 'board'} crumbs={[back, { label: `第 ${t.id} 号任务` }]} flash={flash}>
      <header class="sv-task-head">
        <p class="sv-task-status"><StatusTag status={t.status} /><Flags task={t} /><span class="muted">督办任务第 {t.id} 号</span></p>
        <h1 class="page-title">{t.title}</h1>
        <p class="sv-task-facts">
          <span>牵头单位：<strong>{t.leadUnit}</strong></span>
          <span>办结期限：<Due task={t} today={view.today} /></span>
        </p>
        {t.calendarConfirmed ? null : (
          <p class="sv-calendar-note" role="note">期限按周末推算：所涉年份的节假日安排通知尚未导入，导入后系统将自动重算并记入办理记录。</p>
        )}
      </header>
      <div class="sv-task-layout">
        <div class="sv-task-main">
          <section class="panel" aria-labelledby="todo-h">
            <h2 id="todo-h" class="panel-title">办理</h2>
            <ActionForms task={t} session={session} actions={view.actions} failed={failed} />
            {view.editUnits ? <EditForm task={t} session={session} units={view.editUnits} failed={failed} /> : null}
          </section>
          <section class="panel" aria-labelledby="tl-h">
            <h2 id="tl-h" class="panel-title">办理记录与预警<span class="panel-lead">按时间先后</span></h2>
            <ol class="sv-timeline">
              {view.timeline.map((i) => (
                <li class={`sv-tl sv-tl-${i.kind} sv-tl-${i.tone}`}>
                  <time datetime={i.at}>{cnTime(i.at)}</time>
                  <p class="sv-tl-title"><strong>{i.title}</strong>{i.who ? <span class="muted">{i.who}</span> : null}</p>
                  {i.text ? <p class="sv-tl-text">{i.text}</p> : null}
                </li>
              ))}
            </ol>
          </section>
        </div>
        <aside class="sv-task-aside">
          <section class="panel" aria-labelledby="rec-h">
            <h2 id="rec-h" class="panel-title">任务信息</h2>
            <table class="meta sv-meta">
              <tbody>
                <Row label="任务来源" value={SOURCE_KINDS[t.source.kind]} />
                <Row label="来源文件" value={t.source.docNumber ? <a href={`/documents/${encodeURIComponent(t.source.docNumber)}`}>{t.source.docNumber}</a> : null} />
                <Row label="牵头单位" value={t.leadUnit} />
                <Row label="协办单位" value={t.assistUnits.join('、')} />
                <Row label="办理要求" value={t.requirements} />
                <Row label="完成标准" value={t.completionCriteria} />
                <Row label="牵头领导" value={t.leadLeader} />
                <Row label="责任领导" value={t.responsibleLeader} />
                <Row label="立项时间" value={cnTime(t.registeredAt)} />
                <Row label="承办时限" value={t.acceptedAt ? `${cnDate(t.acceptDue)}（已于 ${cnTime(t.acceptedAt)} 承办）` : cnDate(t.acceptDue)} />
                <Row label="反馈时限" value={t.lastReportAt ? `${cnDate(t.reportDue)}（最近反馈 ${cnTime(t.lastReportAt)}）` : cnDate(t.reportDue)} />
                <Row label="办结期限" value={t.extensions ? `${cnDate(t.due)}（原定 ${cnDate(t.originalDue)}，延期 ${t.extensions} 次）` : cnDate(t.due)} />
                <Row label="评定等次" value={<>{view.grade ? `${view.grade}${t.gradeOverride ? '（领导评定）' : ''}` : '待评定'}<span class="sub">{view.gradeReasons.join('；')}</span></>} />
                {t.major ? <Row label="重点事项" value={t.majorApproval ? `经${t.majorApproval.by}批准${t.majorApproval.recordedBy ? `（${t.majorApproval.recordedBy}记录）` : ''}` : '是'} /> : null}
                <Row label="期限依据" value={`${t.dueSource === 'default' ? '按“13710”规则计算' : t.dueSource === 'clause' ? '文件条文规定的时限' : '立项时确定'}；${t.calendarConfirmed ? '节假日安排已确认' : '节假日安排未确认（按周末推算）'}`} />
              </tbody>
            </table>
          </section>
        </aside>
      </div>
    </SvPage>
  );
};
