// 立项: the form the office (or a leader) fills to register a task by hand.
import type { FC } from 'hono/jsx';
import type { Session } from '../../../supervise/auth.js';
import { SOURCE_KINDS } from '../../../supervise/model.js';
import { CsrfField, SvPage, type Flash } from './frame.js';

export const NewTaskPage: FC<{ session: Session; units: string[]; values?: Record<string, unknown>; flash?: Flash | null }> = ({ session, units, values = {}, flash }) => {
  const s = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : Array.isArray(values[k]) ? (values[k] as string[]).join('、') : '');
  return (
    <SvPage title="立项" session={session} active="new" flash={flash}>
      <h1 class="page-title">督办事项立项</h1>
      <p class="page-lead">立项后系统即向牵头单位发出督办通知；未填写办结期限的，按“13710”规则计算（一般事项 7 个工作日，重点事项 1 个月，遇节假日顺延）。牵头单位须为单位名录中的单位，输入时会提示。</p>
      <form method="post" action="/supervise/tasks" class="panel sv-form sv-new">
        <CsrfField session={session} />
        <div class="field sv-wide">
          <label for="n-title">工作内容<span class="sv-req">（必填）</span></label>
          <textarea id="n-title" name="title" rows={3} required maxlength={300}>{s('title')}</textarea>
        </div>
        <div class="sv-grid">
          <div class="field">
            <label for="n-lead">牵头单位<span class="sv-req">（必填）</span></label>
            <input id="n-lead" name="lead" required maxlength={100} list="unit-names" value={s('lead')} />
          </div>
          <div class="field">
            <label for="n-assist">协办/配合单位</label>
            <input id="n-assist" name="assist" maxlength={600} value={s('assist')} placeholder="多个单位用顿号分隔" />
          </div>
          <div class="field">
            <label for="n-due">办结期限</label>
            <input id="n-due" name="due" type="date" value={s('due')} />
          </div>
          <div class="field">
            <label for="n-kind">任务来源</label>
            <select id="n-kind" name="sourceKind">
              <option value="">其他重要事项</option>
              {Object.entries(SOURCE_KINDS).map(([k, label]) => <option value={k} selected={values.sourceKind === k}>{label}</option>)}
            </select>
          </div>
          <div class="field">
            <label for="n-source">来源文件发文字号</label>
            <input id="n-source" name="source" maxlength={60} value={s('source')} placeholder="如 五政办发〔2022〕8号" />
          </div>
          <div class="field">
            <label for="n-lead-leader">牵头领导</label>
            <input id="n-lead-leader" name="leadLeader" maxlength={60} value={s('leadLeader')} />
          </div>
          <div class="field">
            <label for="n-resp-leader">责任领导</label>
            <input id="n-resp-leader" name="responsibleLeader" maxlength={60} value={s('responsibleLeader')} />
          </div>
          <div class="field sv-check">
            <label><input type="checkbox" name="major" checked={values.major === true} /> 重点事项（须经主要领导批准；延期、办结由主要领导审定）</label>
          </div>
          <div class="field">
            <label for="n-approved">重点事项批准</label>
            <select id="n-approved" name="approvedBy">
              <option value="">（一般事项）</option>
              <option value="主要领导" selected={values.approvedBy === '主要领导'}>主要领导已批准</option>
            </select>
          </div>
        </div>
        <div class="field sv-wide">
          <label for="n-req">办理要求</label>
          <textarea id="n-req" name="requirements" rows={3} maxlength={2000}>{s('requirements')}</textarea>
        </div>
        <div class="field sv-wide">
          <label for="n-criteria">完成标准</label>
          <textarea id="n-criteria" name="criteria" rows={2} maxlength={2000}>{s('criteria')}</textarea>
        </div>
        <datalist id="unit-names">{units.map((u) => <option value={u}></option>)}</datalist>
        <p class="sv-actions"><button type="submit" class="sv-btn">立项并通知牵头单位</button><a href="/supervise">取消</a></p>
      </form>
    </SvPage>
  );
};
