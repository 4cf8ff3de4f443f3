// The 政务数据共享 pages: the overview (what needs my action, my requests,
// the board), the catalogue with its forms, a request with its history and
// the actions open to the viewer, a correction, and the evaluation. Every
// value is document or user text: hono/jsx escapes it.
import type { Child, FC } from 'hono/jsx';
import type { Session } from '../../supervise/auth.js';
import { chinaTime } from '../../supervise/calendar.js';
import { cnDate } from '../pages/format.js';
import { CsrfField, SvPage, type Flash } from '../supervise/ui/frame.js';
import { Empty } from '../supervise/ui/parts.js';
import { typeLabel } from '../../share/catalogue.js';
import { BOARD_HEADER, boardRows, EVALUATION_HEADER, evaluationRows, type SharingEvaluation, type UnitBoard } from '../../share/board.js';
import { REQUEST_STATUS_LABEL, SHARE_ACTION_LABEL, TRIGGER_KINDS, type CatalogueTrigger, type Correction, type Resource, type ShareRequest } from '../../share/model.js';
import type { ShareEvent, ShareWarning } from '../../share/store.js';
import type { RequestStep } from './schemas.js';

const Tabs: FC<{ active: string; manager: boolean }> = ({ active, manager }) => (
  <ul class="sv-jump" aria-label="数据共享">
    {[['overview', '/supervise/share', '共享总览'], ['catalogue', '/supervise/share/catalogue', '资源目录'], ...(manager ? [['evaluation', '/supervise/share/evaluation', '考核评估']] : [])].map(([k, href, label]) => (
      <li><a href={href} aria-current={k === active ? 'page' : undefined}>{label}</a></li>
    ))}
  </ul>
);

export interface ShareFrame {
  session: Session;
  flash?: Flash | null | undefined;
  /** The 管理部门, or the government's office and leaders: they see every department. */
  overseer: boolean;
  manager: boolean;
}

const Page: FC<ShareFrame & { title: string; tab: string; children: Child }> = (p) => (
  <SvPage title={p.title} session={p.session} active="share" flash={p.flash} crumbs={[{ label: '政务数据共享', href: '/supervise/share' }, { label: p.title }]}>
    <h1 class="page-title">{p.title}</h1>
    <p class="page-lead">依据《五台县加强政务数据资源共享管理工作方案》（五政办发〔2022〕10号），期限按工作日（含调休）计算。</p>
    <Tabs active={p.tab} manager={p.overseer} />
    {p.children}
  </SvPage>
);

const Field: FC<{ id: string; label: string; required?: boolean; children: Child }> = (p) => (
  <div class="field"><label for={p.id}>{p.label}{p.required ? <span class="sv-req">（必填）</span> : null}</label>{p.children}</div>
);
const Submit: FC<{ label: string }> = ({ label }) => <p class="sv-actions"><button type="submit" class="sv-btn">{label}</button></p>;

const StatusTag: FC<{ q: ShareRequest }> = ({ q }) => <span class={`sv-status sv-share-${q.status}`}>{REQUEST_STATUS_LABEL[q.status]}</span>;
const dueOf = (q: ShareRequest) => (q.status === 'submitted' ? q.reviewDue : q.status === 'awaiting_provider' ? q.responseDue : null);

export const RequestTable: FC<{ items: ShareRequest[]; today: string; caption: string }> = ({ items, today, caption }) =>
  items.length ? (
    <table class="data sv-table">
      <caption class="sr-only">{caption}</caption>
      <thead><tr><th scope="col">编号</th><th scope="col">资源</th><th scope="col">使用部门</th><th scope="col">提供部门</th><th scope="col">状态</th><th scope="col">当前时限</th></tr></thead>
      <tbody>
        {items.map((q) => {
          const due = dueOf(q);
          return (
            <tr class={due && due < today ? 'sv-row-late' : undefined}>
              <td data-label="编号" class="num">{q.id}</td>
              <td data-label="资源"><a href={`/supervise/share/requests/${q.id}`}>{q.resourceName}</a></td>
              <td data-label="使用部门">{q.userUnit}</td>
              <td data-label="提供部门">{q.providerUnit}</td>
              <td data-label="状态"><StatusTag q={q} /></td>
              <td data-label="当前时限">{due ? <>{cnDate(due)}{due < today ? <span class="sv-late">已逾期</span> : null}</> : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  ) : <Empty text={`没有${caption}。`} />;

export const Table: FC<{ header: string[]; rows: (string | number)[][]; caption: string }> = ({ header, rows, caption }) =>
  rows.length ? (
    <div class="table-wrap">
      <table class="data sv-table">
        <caption class="sr-only">{caption}</caption>
        <thead><tr>{header.map((h) => <th scope="col">{h}</th>)}</tr></thead>
        <tbody>{rows.map((r) => <tr>{r.map((v, i) => <td data-label={header[i]} class={typeof v === 'number' ? 'num' : undefined}>{v}</td>)}</tr>)}</tbody>
      </table>
    </div>
  ) : <Empty text={`尚无${caption}。`} />;

export const OverviewPage: FC<ShareFrame & { todo: ShareRequest[]; mine: ShareRequest[]; corrections: Correction[]; board: UnitBoard[]; today: string }> = (p) => (
  <Page {...p} title="政务数据共享" tab="overview">
    <section class="panel sv-box sv-box-accept" aria-labelledby="todo-h">
      <h2 id="todo-h" class="panel-title">待本部门办理<span class="sv-box-count">{p.todo.length + p.corrections.length} 项</span></h2>
      <RequestTable items={p.todo} today={p.today} caption="待办理的共享申请" />
      {p.corrections.length ? (
        <ul class="sv-list">
          {p.corrections.map((c) => <li><a href={`/supervise/share/corrections/${c.id}`}>纠错反馈 #{c.id}：{c.resourceName}</a>（{c.userUnit}反馈，{cnDate(c.due)} 前校核更正）</li>)}
        </ul>
      ) : null}
    </section>
    {p.overseer ? null : (
      <section class="panel" aria-labelledby="mine-h">
        <h2 id="mine-h" class="panel-title">本部门提出的申请</h2>
        <RequestTable items={p.mine} today={p.today} caption="本部门提出的申请" />
        <p><a href="/supervise/share/catalogue">在资源目录中申请共享数据</a></p>
      </section>
    )}
    <section class="panel" aria-labelledby="board-h">
      <h2 id="board-h" class="panel-title">{p.overseer ? '各部门数据共享情况' : '本部门数据共享情况'}</h2>
      <Table header={BOARD_HEADER} rows={boardRows(p.board)} caption="数据共享情况" />
      <p class="sv-export"><a href="/api/supervision/share/board.csv">导出 CSV</a> · <a href="/api/supervision/share/board.xlsx">导出 Excel</a></p>
      {p.manager || p.session.user.role === 'office' ? (
        <form method="post" action="/supervise/share/tick" class="sv-inline-form"><CsrfField session={p.session} /><button type="submit" class="sv-btn sv-btn-small">扫描逾期与提醒</button></form>
      ) : null}
    </section>
  </Page>
);

export const CataloguePage: FC<ShareFrame & { items: Resource[]; triggers: CatalogueTrigger[]; today: string }> = (p) => {
  const unit = p.session.user.unit;
  const department = p.session.user.role === 'unit' && !p.manager;
  return (
    <Page {...p} title="政务数据资源目录" tab="catalogue">
      {p.items.length ? null : <Empty text="目录中还没有资源。" />}
      {p.items.length ? (
        <table class="data sv-table">
          <caption class="sr-only">目录资源</caption>
          <thead><tr><th scope="col">编号</th><th scope="col">资源名称</th><th scope="col">提供部门</th><th scope="col">共享类型</th><th scope="col">说明</th><th scope="col">操作</th></tr></thead>
          <tbody>
            {p.items.map((r) => (
              <tr>
                <td data-label="编号" class="num">{r.id}</td>
                <td data-label="资源名称">{r.name}</td>
                <td data-label="提供部门">{r.providerUnit}</td>
                <td data-label="共享类型">{typeLabel(r)}</td>
                <td data-label="说明">{r.type === 'none' ? `理由：${r.reason ?? ''}${r.basis ? `；依据：${r.basis}` : ''}` : r.description ?? ''}{r.agentUnit ? <span class="sub">授权代理方：{r.agentUnit}</span> : null}</td>
                <td data-label="操作">
                  {department && r.providerUnit !== unit && r.type !== 'none' ? (
                    <details class="sv-act">
                      <summary class="sv-act-title">{r.exclusiveUnits.includes(unit) ? '直接共享（专用）' : '申请共享'}</summary>
                      <form method="post" action="/supervise/share/requests" class="sv-form">
                        <CsrfField session={p.session} />
                        <input type="hidden" name="resourceId" value={String(r.id)} />
                        <Field id={`purpose-${r.id}`} label="使用用途" required><textarea id={`purpose-${r.id}`} name="purpose" rows={2} maxlength={2000} required /></Field>
                        <Field id={`scene-${r.id}`} label="应用场景"><textarea id={`scene-${r.id}`} name="scene" rows={2} maxlength={2000} /></Field>
                        <Submit label="提交申请" />
                      </form>
                    </details>
                  ) : null}
                  {department && r.providerUnit !== unit ? (
                    <details class="sv-act">
                      <summary class="sv-act-title">反馈数据错误</summary>
                      <form method="post" action="/supervise/share/corrections" class="sv-form">
                        <CsrfField session={p.session} />
                        <input type="hidden" name="resourceId" value={String(r.id)} />
                        <Field id={`problem-${r.id}`} label="疑义或错误情况" required><textarea id={`problem-${r.id}`} name="problem" rows={2} maxlength={2000} required /></Field>
                        <Submit label="反馈" />
                      </form>
                    </details>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {p.session.user.role === 'unit' ? (
        <section class="panel" aria-labelledby="add-h">
          <h2 id="add-h" class="panel-title">登记本部门资源</h2>
          <form method="post" action="/supervise/share/catalogue" class="sv-form">
            <CsrfField session={p.session} />
            <Field id="f-resource" label="资源名称" required><input id="f-resource" name="resource" maxlength={200} required /></Field>
            <Field id="f-type" label="共享类型" required>
              <select id="f-type" name="type">
                <option value="无条件">无条件共享</option><option value="有条件">有条件共享</option><option value="不予共享">不予共享</option><option value="专用">专用</option>
              </select>
            </Field>
            <Field id="f-exclusive" label="专用部门名单（专用时填写，用顿号分隔）"><input id="f-exclusive" name="exclusive" maxlength={2000} /></Field>
            <Field id="f-reason" label="不予共享的理由（不予共享时必填）"><textarea id="f-reason" name="reason" rows={2} maxlength={1000} /></Field>
            <Field id="f-basis" label="不予共享的依据"><input id="f-basis" name="basis" maxlength={1000} /></Field>
            <Field id="f-agent" label="授权代理方"><input id="f-agent" name="agent" maxlength={100} /></Field>
            {p.manager ? <Field id="f-provider" label="提供部门（代为登记时填写）"><input id="f-provider" name="provider" maxlength={100} /></Field> : null}
            <Submit label="登记" />
          </form>
        </section>
      ) : null}
      <section class="panel" aria-labelledby="trig-h">
        <h2 id="trig-h" class="panel-title">目录更新事项</h2>
        <p class="sv-act-hint">有关法律法规做出修订或行政管理职能发生变化之日起 15 个工作日内更新本部门政务数据资源目录（10号 三（二））。</p>
        {p.triggers.length ? (
          <ul class="sv-list">
            {p.triggers.map((t) => <li>{t.unit}：{TRIGGER_KINDS[t.kind]}（{cnDate(t.changedOn)}），应于 {cnDate(t.due)} 前更新 — {t.updatedAt ? (t.late ? '已更新（逾期）' : '已按时更新') : t.due < p.today ? <span class="sv-late">逾期未更新</span> : '待更新'}</li>)}
          </ul>
        ) : <Empty text="没有目录更新事项。" />}
        {p.session.user.role === 'unit' ? (
          <form method="post" action="/supervise/share/catalogue/changes" class="sv-form">
            <CsrfField session={p.session} />
            <Field id="f-kind" label="变化类型" required><select id="f-kind" name="kind"><option value="law">有关法律法规做出修订</option><option value="duty">行政管理职能发生变化</option></select></Field>
            <Field id="f-on" label="发生变化的日期" required><input id="f-on" name="changedOn" type="date" required value={p.today} /></Field>
            <Field id="f-note" label="说明"><input id="f-note" name="note" maxlength={1000} /></Field>
            <Submit label="记录" />
          </form>
        ) : null}
      </section>
    </Page>
  );
};

const History: FC<{ history: ShareEvent[]; warnings: ShareWarning[] }> = ({ history, warnings }) => (
  <>
    {warnings.length ? <ul class="sv-warnings">{warnings.map((w) => <li class={`sv-warning sv-warning-${w.kind}`}>{w.message}</li>)}</ul> : null}
    <ol class="sv-history">
      {history.map((h) => (
        <li><time datetime={h.at}>{chinaTime(h.at)}</time> <strong>{h.actor.unit}</strong> {SHARE_ACTION_LABEL[h.action] ?? h.action}{h.refs.onBehalfOf ? `（代${String(h.refs.onBehalfOf)}）` : ''}{h.refs.late ? <span class="sv-late">逾期</span> : null}{h.comment ? `：${h.comment}` : ''}</li>
      ))}
    </ol>
  </>
);

const STEP_FORMS: Record<RequestStep, { label: string; reason?: 'required' | 'optional'; hint?: string }> = {
  'approve-review': { label: '通过符合性审查' }, 'reject-review': { label: '未通过符合性审查', reason: 'optional' },
  approve: { label: '同意提供' }, refuse: { label: '不予提供', reason: 'required', hint: '须说明理由和依据（10号 五（三）2、五（四）2）。' },
  negotiate: { label: '申请协商' }, escalate: { label: '协商未果，提请管理部门协调' },
  'coordinate-grant': { label: '协调：提供', reason: 'required' }, 'coordinate-uphold': { label: '协调：维持不予提供', reason: 'required' }, withdraw: { label: '撤回申请' },
};

export const RequestPage: FC<ShareFrame & { q: ShareRequest; history: ShareEvent[]; warnings: ShareWarning[]; steps: RequestStep[] }> = (p) => (
  <Page {...p} title={`共享申请 #${p.q.id}`} tab="overview">
    <dl class="sv-facts">
      <dt>资源</dt><dd>{p.q.resourceName}（{p.q.providerUnit}）</dd>
      <dt>使用部门</dt><dd>{p.q.userUnit}</dd>
      <dt>状态</dt><dd><StatusTag q={p.q} /></dd>
      <dt>使用用途</dt><dd>{p.q.purpose}</dd>
      {p.q.scene ? <><dt>应用场景</dt><dd>{p.q.scene}</dd></> : null}
      <dt>符合性审查时限</dt><dd>{p.q.reviewDue ? cnDate(p.q.reviewDue) : '专用范围内，无需审查'}{p.q.reviewLate ? <span class="sv-late">审查逾期</span> : null}</dd>
      {p.q.responseDue ? <><dt>提供部门答复时限</dt><dd>{cnDate(p.q.responseDue)}{p.q.responseLate ? <span class="sv-late">答复逾期</span> : null}</dd></> : null}
      {p.q.reason ? <><dt>理由</dt><dd>{p.q.reason}</dd></> : null}
    </dl>
    {p.q.calendarConfirmed ? null : <p class="sv-note">所涉年份的节假日安排尚未导入，期限按周末推算。</p>}
    <section class="panel" aria-labelledby="act-h">
      <h2 id="act-h" class="panel-title">办理</h2>
      {p.steps.length ? p.steps.map((s) => (
        <details class="sv-act" open={p.steps.length === 1}>
          <summary class="sv-act-title">{STEP_FORMS[s].label}</summary>
          <form method="post" action={`/supervise/share/requests/${p.q.id}/${s}`} class="sv-form">
            <CsrfField session={p.session} />
            {STEP_FORMS[s].hint ? <p class="sv-act-hint">{STEP_FORMS[s].hint}</p> : null}
            {STEP_FORMS[s].reason ? (
              <Field id={`r-${s}`} label="理由和依据" required={STEP_FORMS[s].reason === 'required'}><textarea id={`r-${s}`} name="reason" rows={3} maxlength={2000} required={STEP_FORMS[s].reason === 'required'} /></Field>
            ) : <Field id={`c-${s}`} label="说明"><textarea id={`c-${s}`} name="comment" rows={2} maxlength={2000} /></Field>}
            <Submit label={STEP_FORMS[s].label} />
          </form>
        </details>
      )) : <Empty text="当前没有需要您办理的操作。" />}
    </section>
    <section class="panel" aria-labelledby="hist-h">
      <h2 id="hist-h" class="panel-title">办理记录</h2>
      <History history={p.history} warnings={p.warnings} />
    </section>
  </Page>
);

export const CorrectionPage: FC<ShareFrame & { c: Correction; history: ShareEvent[]; warnings: ShareWarning[]; canFix: boolean }> = (p) => (
  <Page {...p} title={`纠错反馈 #${p.c.id}`} tab="overview">
    <dl class="sv-facts">
      <dt>资源</dt><dd>{p.c.resourceName}（{p.c.providerUnit}）</dd>
      <dt>反馈部门</dt><dd>{p.c.userUnit}</dd>
      <dt>疑义或错误</dt><dd>{p.c.problem}</dd>
      <dt>校核更正时限</dt><dd>{cnDate(p.c.due)}{p.c.late ? <span class="sv-late">逾期更正</span> : null}</dd>
      <dt>状态</dt><dd>{p.c.status === 'corrected' ? '已校核更正' : '待校核更正'}</dd>
    </dl>
    {p.canFix && p.c.status === 'reported' ? (
      <form method="post" action={`/supervise/share/corrections/${p.c.id}/done`} class="sv-form">
        <CsrfField session={p.session} />
        <Field id="f-note" label="更正情况"><textarea id="f-note" name="note" rows={3} maxlength={2000} /></Field>
        <Submit label="已校核更正" />
      </form>
    ) : null}
    <History history={p.history} warnings={p.warnings} />
  </Page>
);

export const EvaluationPage: FC<ShareFrame & { e: SharingEvaluation; query: string }> = (p) => (
  <Page {...p} title="政务数据共享考核评估" tab="evaluation">
    <form method="get" action="/supervise/share/evaluation" class="sv-inline-form">
      <label for="f-q">季度</label> <input id="f-q" name="quarter" placeholder="2023Q1" pattern="\d{4}[Qq][1-4]" />
      <label for="f-y">或年度</label> <input id="f-y" name="year" placeholder="2023" pattern="\d{4}" />
      <button type="submit" class="sv-btn sv-btn-small">查看</button>
    </form>
    <p>{p.e.period.label}（{cnDate(p.e.period.from)} 至 {cnDate(p.e.period.to)}，截至 {cnDate(p.e.asOf)}）。逾期事项达到本县规定次数的，建议依照 10号 七（三）予以书面通报。</p>
    <Table header={EVALUATION_HEADER} rows={evaluationRows(p.e)} caption="考核评估结果" />
    <p class="sv-export"><a href={`/api/supervision/share/evaluation.csv${p.query}`}>导出 CSV</a> · <a href={`/api/supervision/share/evaluation.xlsx${p.query}`}>导出 Excel</a></p>
  </Page>
);
