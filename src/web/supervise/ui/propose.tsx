// 文件分解立项: the responsibility clauses of a document as task proposals,
// with units and deadline pre-filled; the office ticks and registers them.
import type { FC } from 'hono/jsx';
import type { Session } from '../../../supervise/auth.js';
import type { Proposal } from '../../../supervise/propose.js';
import { cnDate, queryString } from '../../pages/format.js';
import { CsrfField, SvPage, type Flash } from './frame.js';
import { Empty } from './parts.js';

export interface ProposeData {
  from: string;
  /** Unit names for the per-row lead pick list. */
  units: string[];
  proposals: Proposal[] | null;
  examples: { docNumber: string; title: string; clauses: number }[];
}

export const ProposePage: FC<{ session: Session; data: ProposeData; flash?: Flash | null }> = ({ session, data, flash }) => {
  const open = data.proposals?.filter((p) => p.taskId === null).length ?? 0;
  return (
    <SvPage title="文件分解立项" session={session} active="propose" flash={flash}>
      <h1 class="page-title">从文件分解督办任务</h1>
      <p class="page-lead">输入已收录公文的发文字号，系统按文件中的责任分工（牵头单位、责任单位、配合单位、完成时限）生成任务建议，勾选后批量立项。</p>
      <form method="get" action="/supervise/propose" class="search-form" role="search" aria-label="按发文字号生成任务建议">
        <label for="p-from" class="sr-only">发文字号</label>
        <div class="search-main">
          <input id="p-from" name="from" value={data.from} maxlength={60} placeholder="如 五政办发〔2022〕8号" required />
          <button type="submit">生成建议</button>
        </div>
        {data.examples.length ? (
          <p class="sv-examples">文库中含责任分工的文件：{data.examples.map((e) => <a href={`/supervise/propose${queryString({ from: e.docNumber })}`} title={e.title}>{e.docNumber}（{e.clauses} 项）</a>)}</p>
        ) : null}
      </form>
      {data.proposals ? (
        <form method="post" action="/supervise/propose" class="panel">
          <CsrfField session={session} />
          <input type="hidden" name="from" value={data.from} />
          <h2 class="panel-title">{data.from} 的任务建议<span class="panel-lead">共 {data.proposals.length} 项，未立项 {open} 项</span></h2>
          {data.proposals.length ? (
            <table class="data sv-table sv-proposals">
              <thead><tr><th scope="col">选择</th><th scope="col">序号</th><th scope="col">任务</th><th scope="col">牵头单位</th><th scope="col">配合单位</th><th scope="col">期限</th><th scope="col">状态</th></tr></thead>
              <tbody>
                {data.proposals.map((p, i) => (
                  <tr>
                    <td data-label="选择">{p.taskId === null ? <input type="checkbox" name="only" value={String(i + 1)} checked aria-label={`选择第 ${i + 1} 项`} /> : null}</td>
                    <td data-label="序号" class="num">{i + 1}</td>
                    <td data-label="任务" class="sv-title-cell">{p.title}{p.clause ? <span class="sub">{p.clause}</span> : null}</td>
                    <td data-label="牵头单位">
                      {p.lead}
                      {p.taskId === null ? (
                        <>
                          <label class="sr-only" for={`row-${i + 1}-lead`}>第 {i + 1} 项改由其他单位牵头</label>
                          <input id={`row-${i + 1}-lead`} name={`row-${i + 1}-lead`} list="unit-names" maxlength={100} placeholder="改为（可不填）" class="sv-row-lead" />
                        </>
                      ) : null}
                    </td>
                    <td data-label="配合单位">{p.assist?.join('、') || '—'}</td>
                    <td data-label="期限">
                      {p.taskId === null ? (
                        <>
                          <label class="sr-only" for={`row-${i + 1}-due`}>第 {i + 1} 项办结期限</label>
                          <input id={`row-${i + 1}-due`} name={`row-${i + 1}-due`} type="date" value={p.due ?? ''} />
                          <span class="sub">{p.deadlineText ? `原文：${p.deadlineText}` : '未填则按“13710”规则'}</span>
                          <label class="sv-check-inline"><input type="checkbox" name={`row-${i + 1}-major`} /> 重点</label>
                        </>
                      ) : p.due ? cnDate(p.due) : p.deadlineText ?? '按“13710”规则'}
                    </td>
                    <td data-label="状态">{p.taskId !== null ? <a href={`/supervise/tasks/${p.taskId}`}>已立项（第 {p.taskId} 号）</a> : <span class="muted">未立项</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : <Empty text="这件文件没有抽取到责任分工。" />}
          <datalist id="unit-names">{data.units.map((u) => <option value={u}></option>)}</datalist>
          {open ? (
            <>
              <div class="field">
                <label for="p-approved">重点事项批准</label>
                <select id="p-approved" name="approvedBy">
                  <option value="">（未勾选重点事项）</option>
                  <option value="主要领导">勾选的重点事项已经主要领导批准</option>
                </select>
              </div>
              <p class="sv-actions"><button type="submit" class="sv-btn">批量立项所选任务</button></p>
            </>
          ) : null}
        </form>
      ) : null}
    </SvPage>
  );
};
