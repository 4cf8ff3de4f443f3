// 考核评价: the quarterly or yearly ranking of units, with grade counts, the
// "不得评为优秀" notes, CSV/XLSX downloads and a layout fit for printing.
import type { FC } from 'hono/jsx';
import type { Session } from '../../../supervise/auth.js';
import type { evaluate } from '../../../supervise/evaluate.js';
import { GRADES } from '../../../supervise/model.js';
import type { Profile } from '../../../supervise/profile.js';
import { cnDate, queryString } from '../../pages/format.js';
import { SvPage } from './frame.js';
import { Empty } from './parts.js';

type Evaluation = ReturnType<typeof evaluate>;

export interface EvaluationData {
  result: Evaluation;
  query: { quarter?: string | undefined; year?: string | undefined };
  quarters: string[];
  years: string[];
  profile: Profile;
  today: string;
}

const RATING_CLASS: Record<string, string> = { 优秀: 'sv-rate-a', 良好: 'sv-rate-b', 一般: 'sv-rate-c', 较差: 'sv-rate-d', 未评: 'sv-rate-n' };

export const EvaluationPage: FC<{ session: Session; data: EvaluationData }> = ({ session, data }) => {
  const r = data.result;
  const qs = queryString(data.query);
  const p = data.profile;
  return (
    <SvPage title="考核评价" session={session} active="evaluation" scripts={['/assets/supervise.js']}>
      <div class="sv-title-row">
        <h1 class="page-title">{r.period.label}抓落实考核评价</h1>
        <div class="sv-title-actions sv-noprint">
          <a class="button-link secondary" href={`/api/supervision/evaluation.csv${qs}`} download>下载 CSV</a>
          <a class="button-link secondary" href={`/api/supervision/evaluation.xlsx${qs}`} download>下载 Excel</a>
          <button type="button" class="button-link secondary sv-print" data-print hidden>打印</button>
        </div>
      </div>
      <p class="page-lead">统计范围：办结期限在 {r.period.from} 至 {r.period.to} 之间的督办任务（已撤销的除外）。</p>
      <form method="get" action="/supervise/evaluation" class="search-form sv-filters sv-noprint" aria-label="选择考核期间">
        <div class="filter-grid">
          <div class="field">
            <label for="e-quarter">季度</label>
            <select id="e-quarter" name="quarter">
              <option value="">—</option>
              {data.quarters.map((q) => <option value={q} selected={q === data.query.quarter}>{`${q.slice(0, 4)}年第${q.slice(5)}季度`}</option>)}
            </select>
          </div>
          <div class="field">
            <label for="e-year">或 年度</label>
            <select id="e-year" name="year">
              <option value="">—</option>
              {data.years.map((y) => <option value={y} selected={y === data.query.year}>{`${y}年度`}</option>)}
            </select>
          </div>
          <div class="filter-actions"><button type="submit">查看</button></div>
        </div>
      </form>
      <section class="panel sv-eval" aria-labelledby="rank-h">
        <h2 id="rank-h" class="panel-title">单位排名<span class="panel-lead">共 {r.units.length} 个单位 · 生成于 {data.today}</span></h2>
        {r.units.length ? (
          <div class="table-wrap" role="region" aria-label="单位排名表" tabindex={0}>
            <table class="data sv-rank">
              <thead>
                <tr>
                  <th scope="col">排名</th><th scope="col">单位</th><th scope="col">任务数</th><th scope="col">按时办结</th><th scope="col">超期</th><th scope="col">延期</th>
                  {GRADES.map((g) => <th scope="col">{g}</th>)}
                  <th scope="col">约谈</th><th scope="col">红牌</th><th scope="col">得分</th><th scope="col">评定结果</th>
                </tr>
              </thead>
              <tbody>
                {r.units.map((u) => (
                  <>
                    <tr class={u.capped ? 'sv-capped' : undefined}>
                      <td class="num">{u.rank}</td><th scope="row">{u.unit}</th>
                      <td class="num">{u.tasks}</td><td class="num">{u.onTime}</td><td class="num">{u.overdue}</td><td class="num">{u.extended}</td>
                      {GRADES.map((g) => <td class="num">{u.grades[g] || ''}</td>)}
                      <td class="num">{u.summons}</td><td class="num">{u.redCards}</td>
                      <td class="num"><strong>{u.score}</strong></td>
                      <td><span class={`sv-rate ${RATING_CLASS[u.rating]}`}>{u.rating}</span></td>
                    </tr>
                    {u.capped ? <tr class="sv-capped-note"><td></td><td colspan={GRADES.length + 10}>※ {u.capped}</td></tr> : null}
                  </>
                ))}
              </tbody>
            </table>
          </div>
        ) : <Empty text="本期没有到期的督办任务。" />}
        <p class="sv-print-only">县人民政府督查室　　{cnDate(data.today)}</p>
      </section>
      <section class="panel sv-rules" aria-labelledby="rules-h">
        <h2 id="rules-h" class="panel-title">评分办法</h2>
        <ul>
          <li>每项任务评定为 {GRADES.join('、')} 五个等次，分别计 {GRADES.map((g) => p.gradePoints[g]).join('、')} 分；按期办结且未延期、无预警的评为“落实较好”，“落实好”由领导评定。</li>
          <li>单位得分 = 任务平均分 + 任务量加分（每项 {p.volumeBonusPerTask} 分，最多 {p.volumeBonusMax} 分）− 约谈每次 {p.summonPenalty} 分 − 红牌警告每次 {p.redCardPenalty} 分。</li>
          <li>得分 {p.ratingThresholds.优秀} 分以上为优秀，{p.ratingThresholds.良好} 分以上为良好，{p.ratingThresholds.一般} 分以上为一般，以下为较差。</li>
          <li>一年内被约谈 {p.notExcellent.summonsPerYear} 次以上或受到红牌警告 {p.notExcellent.redCardsPerYear} 次以上的单位，不得评为优秀。</li>
        </ul>
      </section>
    </SvPage>
  );
};
