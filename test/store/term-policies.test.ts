// Default terms of 规范性文件: a county's management measure in the library
// sets the term of the county's 规范性文件 that set none, whichever arrives
// first; a trial (试行/暂行) one takes the trial term; a document made before
// the measure took effect, a plan, or another government's document does not;
// the page and the API give the reason with the measure's 文号.
import { describe, expect, it } from 'vitest';
import { ingestBytes } from '../../src/store/ingest.js';
import { openLibrary } from '../../src/store/library.js';
import { restoreVersion, findIssueKey } from '../../src/store/versions.js';
import { createApp } from '../../src/web/app.js';
import type { Db } from '../../src/store/db.js';

const issue = (no: string, docs: { issuer: string; title: string; number: string; body: string[]; date: string }[]) => [
  '五台县人民政府公报', no, '目 录',
  ...docs.map((d, k) => `${k + 1}、${d.issuer}${d.title} ${d.number}(${k + 1})`),
  ...docs.flatMap((d) => [d.issuer, d.title, d.number, '各乡（镇）人民政府，县直各有关单位：', ...d.body, d.issuer, d.date]),
].join('\n\n');

const MEASURE = issue('2023年第1期', [{
  issuer: '五台县人民政府', title: '关于印发五台县行政规范性文件管理办法的通知', number: '五政发〔2023〕1号', date: '2023年1月10日',
  body: [
    '现将《五台县行政规范性文件管理办法》印发给你们，请认真贯彻执行。',
    '第一条 为加强行政规范性文件管理，制定本办法。',
    '第十条 行政规范性文件应当明确有效期。行政规范性文件有效期一般不超过5年；标注“暂行”“试行”的，有效期不超过2年。',
    '第十一条 本办法自2023年2月1日起施行，有效期为5年。',
  ],
}]);

const RULES = issue('2023年第2期', [
  { issuer: '五台县人民政府办公室', title: '关于印发五台县农村集体资产管理办法（试行）的通知', number: '五政办发〔2023〕5号', date: '2023年3月1日',
    body: ['现将《五台县农村集体资产管理办法（试行）》印发给你们，请认真遵照执行。本办法自印发之日起施行。'] },
  { issuer: '五台县人民政府', title: '关于印发五台县城乡环境卫生管理规定的通知', number: '五政发〔2023〕6号', date: '2023年3月5日',
    body: ['现将《五台县城乡环境卫生管理规定》印发给你们，请认真遵照执行。'] },
  { issuer: '五台县人民政府办公室', title: '关于印发五台县春季植树造林工作方案的通知', number: '五政办发〔2023〕7号', date: '2023年3月6日',
    body: ['现将《五台县春季植树造林工作方案》印发给你们，请认真组织实施。'] },
  { issuer: '五台县人民政府', title: '关于印发五台县殡葬管理办法的通知', number: '五政发〔2023〕2号', date: '2023年1月20日',
    body: ['现将《五台县殡葬管理办法》印发给你们，请认真遵照执行。'] },
]);

const TODAY = '2026-12-02';
const row = (db: Db, number: string) => db.prepare(`SELECT v.default_expires AS expires, m.doc_number AS measure FROM documents d JOIN validity v ON v.doc_id = d.id
  LEFT JOIN documents m ON m.id = v.default_by WHERE d.doc_number = ? AND d.is_current = 1`).get(number) as { expires: string | null; measure: string | null };

function check(db: Db) {
  // 试行: the trial term, two years from the day it took effect.
  expect(row(db, '五政办发〔2023〕5号')).toEqual({ expires: '2025-02-28', measure: '五政发〔2023〕1号' });
  expect(row(db, '五政发〔2023〕6号')).toEqual({ expires: '2028-03-04', measure: '五政发〔2023〕1号' });
  // A plan is not a 规范性文件; a measure dated before the rule took effect is not reached back to.
  expect(row(db, '五政办发〔2023〕7号')).toEqual({ expires: null, measure: null });
  expect(row(db, '五政发〔2023〕2号')).toEqual({ expires: null, measure: null });
}

describe('default terms of 规范性文件 from a management measure in the library', () => {
  it('apply whichever of the measure and the documents arrives first', () => {
    for (const order of [[MEASURE, RULES], [RULES, MEASURE]]) {
      const db = openLibrary(':memory:');
      order.forEach((text, k) => ingestBytes(db, Buffer.from(text), `issue-${k}.txt`));
      check(db);
    }
  });

  it('give the status and its reason on the page and in the API', async () => {
    const db = openLibrary(':memory:');
    ingestBytes(db, Buffer.from(MEASURE), 'measure.txt');
    ingestBytes(db, Buffer.from(RULES), 'rules.txt');
    const app = createApp({ db, log: () => {}, now: () => new Date(`${TODAY}T10:00:00+08:00`) });
    const id = (n: string) => (db.prepare('SELECT id FROM documents WHERE doc_number = ?').get(n) as { id: number }).id;
    const trial = (await (await app.request(`/api/documents/${id('五政办发〔2023〕5号')}`)).json()) as Record<string, any>;
    expect(trial.summary.status).toBe('已失效');
    expect(trial.statusReason).toBe('未规定有效期，依据五政发〔2023〕1号规范性文件有效期的规定，有效期至2025年2月28日，已届满');
    expect(trial.defaultTerm.by.text).toContain('有效期一般不超过5年');
    const rule = (await (await app.request(`/api/documents/${id('五政发〔2023〕6号')}`)).json()) as Record<string, any>;
    expect(rule.summary.status).toBe('现行有效');
    expect(rule.statusReason).toBe('未规定有效期，依据五政发〔2023〕1号规范性文件有效期的规定，有效期至2028年3月4日');
    const page = await (await app.request(`/documents/${id('五政发〔2023〕6号')}`)).text();
    expect(page).toContain(`<a href="/documents/${id('五政发〔2023〕1号')}">五政发〔2023〕1号</a>：行政规范性文件有效期一般不超过5年；标注“暂行”“试行”的，有效期不超过2年。`);
    const plan = (await (await app.request(`/api/documents/${id('五政办发〔2023〕7号')}`)).json()) as Record<string, any>;
    expect(plan.statusReason).toBe('未规定有效期，未见废止');
    // The measure's own term is its own (本办法…有效期为5年), not taken for the rule.
    expect((await (await app.request(`/api/documents/${id('五政发〔2023〕1号')}`)).json() as Record<string, any>).doc.validity.expires).toBe('2028-01-31');
    const expired = (await (await app.request('/api/search?status=已失效')).json()) as { hits: { docNumber: string }[] };
    expect(expired.hits.map((h) => h.docNumber)).toEqual(['五政办发〔2023〕5号']);
  });

  it('leave when the measure leaves the current library, and come back with it', () => {
    const db = openLibrary(':memory:');
    ingestBytes(db, Buffer.from(MEASURE), 'measure.txt');
    ingestBytes(db, Buffer.from(RULES), 'rules.txt');
    const key = findIssueKey(db, '五政发〔2023〕1号');
    // A new version of the measure's issue without the rule about terms.
    const withoutRule = MEASURE.replace(/第十条[^\n]*\n/, '');
    ingestBytes(db, Buffer.from(withoutRule), 'measure-v2.txt');
    expect(row(db, '五政发〔2023〕6号')).toEqual({ expires: null, measure: null });
    restoreVersion(db, key, 1, '2026-12-02T02:00:00Z');
    check(db);
    // A version of the measure's issue that holds another document instead (confirmed replacement).
    const other = issue('2023年第1期', [{ issuer: '五台县人民政府', title: '关于做好春节期间安全工作的通知', number: '五政发〔2023〕3号', date: '2023年1月12日', body: ['请各单位做好春节期间安全工作。'] }]);
    ingestBytes(db, Buffer.from(other), 'measure-v3.txt', { replace: true });
    expect(row(db, '五政发〔2023〕6号')).toEqual({ expires: null, measure: null });
  });
});
