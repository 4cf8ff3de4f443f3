// The action forms of a task page: only those the signed-in user may use on
// the task in its current status. Each posts to /supervise/tasks/:id/:action
// with the session's CSRF token; decisions have 同意 / 不同意 buttons.
import type { Child, FC } from 'hono/jsx';
import type { Session } from '../../../supervise/auth.js';
import { GRADES, type Task } from '../../../supervise/model.js';
import { addDays } from '../../../supervise/calendar.js';
import { cnDate } from '../../pages/format.js';
import { WEB_ACTION_LABEL, type WebAction } from '../schemas.js';
import { CsrfField } from './frame.js';

export interface Failed {
  action: WebAction | 'edit';
  values: Record<string, unknown>;
}

interface FormProps {
  task: Task;
  session: Session;
  action: WebAction;
  failed?: Failed | null | undefined;
  open?: boolean;
  hint?: Child;
  children: Child;
}

/** One action: a disclosure (open for the first and for a form that failed) holding its form. */
const ActionForm: FC<FormProps> = (p) => (
  <details class={`sv-act sv-act-${p.action}`} id={`act-${p.action}`} open={p.open || p.failed?.action === p.action}>
    <summary class="sv-act-title">{WEB_ACTION_LABEL[p.action]}</summary>
    <form method="post" action={`/supervise/tasks/${p.task.id}/${p.action}`} class="sv-form">
      <CsrfField session={p.session} />
      <input type="hidden" name="version" value={String(p.task.version)} />
      {p.hint ? <p class="sv-act-hint">{p.hint}</p> : null}
      {p.children}
    </form>
  </details>
);

const Text: FC<{ id: string; name: string; label: string; required?: boolean; value?: unknown; rows?: number; placeholder?: string }> = (p) => (
  <div class="field">
    <label for={p.id}>{p.label}{p.required ? <span class="sv-req">（必填）</span> : null}</label>
    <textarea id={p.id} name={p.name} rows={p.rows ?? 3} maxlength={2000} required={p.required} placeholder={p.placeholder}>{typeof p.value === 'string' ? p.value : ''}</textarea>
  </div>
);

const Submit: FC<{ label: string; tone?: 'danger' | 'quiet' }> = ({ label, tone }) => (
  <p class="sv-actions"><button type="submit" class={`sv-btn${tone ? ` sv-btn-${tone}` : ''}`}>{label}</button></p>
);

/** The office records the decision of the leader it obtained, or gives only its 初审 (报领导审定). */
const LeaderChoice: FC<{ id: string; task: Task; session: Session; value: unknown }> = ({ id, task, session, value }) =>
  session.user.role !== 'office' ? null : (
    <div class="field">
      <label for={id}>领导审定</label>
      <select id={id} name="leader">
        <option value="">督查室初审，报{task.major ? '主要领导' : '分管领导'}审定</option>
        {task.major ? null : <option value="分管领导" selected={value === '分管领导'}>记录分管领导的审定决定</option>}
        <option value="主要领导" selected={value === '主要领导'}>记录主要领导的审定决定</option>
      </select>
    </div>
  );

/** The office's 初审 recommendation on the pending request, when it gave one. */
const Recommendation: FC<{ task: Task; on: 'extension' | 'completion' }> = ({ task, on }) =>
  task.recommendation?.on === on ? <>督查室已初审，建议<strong>{task.recommendation.decision === 'approve' ? '同意' : '不同意'}</strong>。</> : null;

const Decide: FC<{ yes: string; no: string }> = ({ yes, no }) => (
  <p class="sv-actions">
    <button type="submit" name="decision" value="approve" class="sv-btn">{yes}</button>
    <button type="submit" name="decision" value="reject" class="sv-btn sv-btn-quiet">{no}</button>
  </p>
);

export const ActionForms: FC<{ task: Task; session: Session; actions: WebAction[]; failed?: Failed | null | undefined }> = ({ task, session, actions, failed }) => {
  const v = (a: WebAction, k: string) => (failed?.action === a ? failed.values[k] : undefined);
  const main = actions.filter((a) => a !== 'supervise' && a !== 'summon' && a !== 'cancel');
  const more = actions.filter((a) => a === 'supervise' || a === 'summon' || a === 'cancel');
  const common = { task, session, failed };
  const forms: Partial<Record<WebAction, Child>> = {
    accept: (
      <ActionForm {...common} open={main[0] === 'accept'} action="accept" hint={<>请在 <strong>{cnDate(task.acceptDue)}</strong> 前承办，反馈安排部署情况（一个工作日内）。</>}>
        <Text id="f-accept" name="comment" label="安排部署情况" value={v('accept', 'comment')} placeholder="如：已召开专题会议研究部署，明确分管负责人和具体责任人……" />
        <Submit label="确认承办" />
      </ActionForm>
    ),
    report: (
      <ActionForm {...common} open={main[0] === 'report'} action="report" hint={task.lastReportAt ? null : <>首次反馈时限：{cnDate(task.reportDue)}</>}>
        <Text id="f-report" name="comment" label="落实情况、困难问题、下一步打算" required value={v('report', 'comment')} rows={4} />
        <Submit label="提交反馈" />
      </ActionForm>
    ),
    extend: (
      <ActionForm {...common} open={main[0] === 'extend'} action="extend" hint="延期须在办结期限前申请，由分管领导（重点事项由主要领导）审批。">
        <div class="field">
          <label for="f-extend-to">申请延至<span class="sv-req">（必填）</span></label>
          <input id="f-extend-to" name="to" type="date" required min={addDays(task.due, 1)} value={typeof v('extend', 'to') === 'string' ? String(v('extend', 'to')) : ''} />
        </div>
        <Text id="f-extend-reason" name="reason" label="延期理由" required value={v('extend', 'reason')} />
        <Submit label="提交延期申请" />
      </ActionForm>
    ),
    'decide-extension': (
      <ActionForm {...common} open={main[0] === 'decide-extension'} action="decide-extension" hint={<>{task.leadUnit}申请将办结期限由 {cnDate(task.due)} 延至 <strong>{cnDate(task.extensionRequestedTo)}</strong>。<Recommendation task={task} on="extension" />{task.major ? '重点事项由主要领导审定。' : '由分管领导审定。'}</>}>
        <LeaderChoice id="f-dext-leader" task={task} session={session} value={v('decide-extension', 'leader')} />
        <Text id="f-dext" name="comment" label="审批意见" value={v('decide-extension', 'comment')} rows={2} />
        <Decide yes="同意延期" no="不同意延期" />
      </ActionForm>
    ),
    complete: (
      <ActionForm {...common} open={main[0] === 'complete'} action="complete" hint="办结申请经督查室初审、领导审定后办结。">
        <Text id="f-complete" name="comment" label="办结情况" required value={v('complete', 'comment')} rows={4} />
        <Submit label="申请办结" />
      </ActionForm>
    ),
    'decide-completion': (
      <ActionForm {...common} open={main[0] === 'decide-completion'} action="decide-completion" hint={<><Recommendation task={task} on="completion" />请对照完成标准审核办结申请；不予办结的，任务退回继续督办。{task.major ? '重点事项由主要领导审定办结。' : '由分管领导审定办结。'}</>}>
        <LeaderChoice id="f-dcomp-leader" task={task} session={session} value={v('decide-completion', 'leader')} />
        <Text id="f-dcomp" name="comment" label="审定意见" value={v('decide-completion', 'comment')} rows={2} />
        <Decide yes="同意办结" no="不予办结，继续督办" />
      </ActionForm>
    ),
    supervise: (
      <ActionForm {...common} action="supervise">
        <Text id="f-supervise" name="comment" label="督办意见" value={v('supervise', 'comment')} rows={2} />
        <Submit label="下发督办" />
      </ActionForm>
    ),
    summon: (
      <ActionForm {...common} action="summon" hint="约谈计入年度考核：一年内被约谈 2 次以上的单位不得评为优秀。">
        <Text id="f-summon" name="comment" label="约谈事由" value={v('summon', 'comment')} rows={2} />
        <Submit label="约谈牵头单位" tone="quiet" />
      </ActionForm>
    ),
    cancel: (
      <ActionForm {...common} action="cancel">
        <Text id="f-cancel" name="comment" label="撤销理由" value={v('cancel', 'comment')} rows={2} />
        <Submit label="撤销任务" tone="danger" />
      </ActionForm>
    ),
    grade: (
      <ActionForm {...common} open={main[0] === 'grade'} action="grade">
        <div class="field">
          <label for="f-grade">评定等次</label>
          <select id="f-grade" name="grade" required>{GRADES.map((g) => <option value={g} selected={v('grade', 'grade') === g}>{g}</option>)}</select>
        </div>
        <Text id="f-grade-reason" name="reason" label="理由" required value={v('grade', 'reason')} rows={2} />
        <Submit label="确定等次" />
      </ActionForm>
    ),
  };
  if (!actions.length) return <p class="sv-empty">当前没有需要您办理的操作。</p>;
  return (
    <div class="sv-act-list">
      {main.map((a) => forms[a])}
      {more.length ? (
        <>
          <h3 class="sv-more-title">督办管理</h3>
          {more.map((a) => forms[a])}
        </>
      ) : null}
    </div>
  );
};

/** The office edits a task after 立项: title, due, units, 重点. Every edit is recorded with before and after. */
export const EditForm: FC<{ task: Task; session: Session; units: string[]; failed?: Failed | null | undefined }> = ({ task, session, units, failed }) => {
  const v = (k: string) => (failed?.action === 'edit' ? failed.values[k] : undefined);
  const text = (k: string, fallback: string) => (typeof v(k) === 'string' ? String(v(k)) : fallback);
  return (
    <details class="sv-act sv-act-edit" id="act-edit" open={failed?.action === 'edit'}>
      <summary class="sv-act-title">修改任务</summary>
      <form method="post" action={`/supervise/tasks/${task.id}/edit`} class="sv-form">
        <CsrfField session={session} />
        <p class="sv-act-hint">修改记入办理记录（修改前后的内容）。</p>
        <div class="field"><label for="e-title">工作内容</label><textarea id="e-title" name="title" rows={2} maxlength={300}>{text('title', task.title)}</textarea></div>
        <div class="field"><label for="e-due">办结期限</label><input id="e-due" name="due" type="date" value={text('due', task.due)} /></div>
        <div class="field"><label for="e-lead">牵头单位</label><input id="e-lead" name="lead" list="unit-names-edit" maxlength={100} value={text('lead', task.leadUnit)} /></div>
        <div class="field"><label for="e-assist">协办/配合单位</label><input id="e-assist" name="assist" maxlength={600} value={Array.isArray(v('assist')) ? (v('assist') as string[]).join('、') : task.assistUnits.join('、')} placeholder="多个单位用顿号分隔" /></div>
        <div class="field sv-check"><label><input type="checkbox" name="major" checked={failed?.action === 'edit' ? v('major') === true : task.major} /> 重点事项</label></div>
        <div class="field">
          <label for="e-approved">重点事项批准</label>
          <select id="e-approved" name="approvedBy"><option value="">（不是新设重点事项）</option><option value="主要领导" selected={v('approvedBy') === '主要领导'}>主要领导已批准</option></select>
        </div>
        <Text id="e-comment" name="comment" label="修改理由" value={v('comment')} rows={2} />
        <datalist id="unit-names-edit">{units.map((u) => <option value={u}></option>)}</datalist>
        <Submit label="保存修改" />
      </form>
    </details>
  );
};
