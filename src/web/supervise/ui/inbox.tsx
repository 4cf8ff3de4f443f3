// A unit's inbox: what needs its action now (to accept, to report, overdue),
// then what waits on others, what it assists with and what is done.
import type { Child, FC } from 'hono/jsx';
import type { Session } from '../../../supervise/auth.js';
import type { Task } from '../../../supervise/model.js';
import { cnDate } from '../../pages/format.js';
import { chinaDay } from '../../../supervise/calendar.js';
import type { inbox } from '../data.js';
import { CsrfField, SvPage, type Flash } from './frame.js';
import { Empty, TaskCards } from './parts.js';

type Inbox = ReturnType<typeof inbox>;

const Block: FC<{ id: string; title: string; count: number; tone?: string; children: Child }> = (p) => (
  <section class={`panel sv-box${p.tone ? ` sv-box-${p.tone}` : ''}`} aria-labelledby={`${p.id}-h`} id={p.id}>
    <h2 id={`${p.id}-h`} class="panel-title">{p.title}<span class="sv-box-count">{p.count} 项</span></h2>
    {p.children}
  </section>
);

export const InboxPage: FC<{ session: Session; box: Inbox; today: string; flash?: Flash | null }> = ({ session, box, today, flash }) => {
  const quickAccept = (t: Task) => (
    <>
      <span>请于 <strong>{cnDate(t.acceptDue)}</strong> 前承办，反馈安排部署情况。</span>
      <form method="post" action={`/supervise/tasks/${t.id}/accept`} class="sv-inline-form">
        <CsrfField session={session} />
        <input type="hidden" name="back" value="inbox" />
        <button type="submit" class="sv-btn sv-btn-small">确认承办</button>
      </form>
    </>
  );
  const reportNext = (t: Task) =>
    t.status === 'extension_requested' ? `延期申请待审批（申请延至 ${cnDate(t.extensionRequestedTo)}）` :
      t.lastReportAt ? '请按要求持续反馈进展，完成后申请办结。' : `请于 ${cnDate(t.reportDue)} 前反馈落实情况。`;
  const urgent = box.toAccept.length + box.overdue.length + box.toReport.length;
  return (
    <SvPage title="本单位待办" session={session} active="inbox" flash={flash}>
      <h1 class="page-title">{session.user.unit} · 督办待办</h1>
      <p class="page-lead">
        {urgent ? <>当前有 <strong class="sv-em">{urgent}</strong> 项任务需要本单位办理{box.overdue.length ? <>，其中 <strong class="sv-em">{box.overdue.length}</strong> 项已超期</> : null}。</> : '当前没有需要本单位办理的任务。'}
      </p>
      <ul class="sv-jump" aria-label="跳转">
        <li><a href="#to-accept">待承办 {box.toAccept.length}</a></li>
        <li><a href="#overdue">已超期 {box.overdue.length}</a></li>
        <li><a href="#to-report">办理中 {box.toReport.length}</a></li>
        <li><a href="#assisting">协办 {box.assisting.length}</a></li>
      </ul>
      <Block id="to-accept" title="待承办" count={box.toAccept.length} tone="accept">
        {box.toAccept.length ? <TaskCards tasks={box.toAccept} today={today} next={quickAccept} /> : <Empty text="没有待承办的任务。" />}
      </Block>
      <Block id="overdue" title="已超期" count={box.overdue.length} tone="late">
        {box.overdue.length ? <TaskCards tasks={box.overdue} today={today} next={() => '已超过办结期限，请尽快办结；确有困难的，请说明情况。'} /> : <Empty text="没有超期任务。" />}
      </Block>
      <Block id="to-report" title="办理中（待反馈）" count={box.toReport.length}>
        {box.toReport.length ? <TaskCards tasks={box.toReport} today={today} next={reportNext} /> : <Empty text="没有办理中的任务。" />}
      </Block>
      {box.waiting.length ? (
        <Block id="waiting" title="办结审核中" count={box.waiting.length}>
          <TaskCards tasks={box.waiting} today={today} next={() => '办结申请已提交，等待督查室初审和领导审定。'} />
        </Block>
      ) : null}
      <Block id="assisting" title="协办任务" count={box.assisting.length}>
        {box.assisting.length ? <TaskCards tasks={box.assisting} today={today} next={(t) => `由${t.leadUnit}牵头办理，本单位配合。`} /> : <Empty text="没有协办任务。" />}
      </Block>
      {box.closed.length ? (
        <details class="sv-closed">
          <summary>已办结、已撤销的任务（{box.closed.length} 项）</summary>
          <TaskCards tasks={box.closed} today={today} next={(t) => (t.closedAt ? `办结于 ${cnDate(chinaDay(new Date(t.closedAt)))}` : '已撤销')} />
        </details>
      ) : null}
    </SvPage>
  );
};
