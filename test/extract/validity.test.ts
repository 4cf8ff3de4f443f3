// Validity: when a document takes effect, how long it runs, what it repeals,
// what it depends on, and its status on a given day.
import { describe, expect, it } from 'vitest';
import { addPeriod, extractValidity, validityStatus, type ValidityStatus } from '../../src/extract/validity.js';
import { validityReason } from '../../src/web/pages/format.js';
import type { Validity } from '../../src/extract/types.js';
import { docOf } from './doc.js';

/** The body's paragraphs after a title block; the document is signed on `date`. */
const validity = (date: string | null, ...body: string[]) => extractValidity(docOf(['标题', ...body], { date, docNumber: '五政办发〔2022〕10号' }));

describe('effective date and expiry', () => {
  it('takes effect on the signing date when it says 自印发之日起施行, and so on', () => {
    for (const s of ['本方案自印发之日起施行。', '本办法自发布之日起实施。', '本《规划》自批准颁布之日起生效。', '本通知自下发之日起执行。']) {
      expect(validity('2022-02-28', s).effective, s).toBe('2022-02-28');
    }
    expect(validity(null, '本方案自印发之日起施行。').effective).toBeNull();
  });
  it('takes effect on a printed date, in figures or in Chinese numerals, 19xx or 20xx', () => {
    expect(validity('2022-02-28', '本办法自2022年3月1日起施行。').effective).toBe('2022-03-01');
    expect(validity('1996-06-29', '本规定自1996年7月1日起执行。').effective).toBe('1996-07-01');
    expect(validity('2022-02-28', '本细则自二〇二二年四月一日起施行。').effective).toBe('2022-04-01');
  });
  it('reads a period, in figures or words, and ends it the day before the anniversary', () => {
    expect(validity('2022-02-28', '本方案自印发之日起施行，有效期5年。')).toMatchObject({ effective: '2022-02-28', period: { amount: 5, unit: 'year' }, expires: '2027-02-27' });
    expect(validity('2022-03-14', '本办法自印发之日起施行，有效期两年。')).toMatchObject({ period: { amount: 2, unit: 'year' }, expires: '2024-03-13' });
    expect(validity('2022-01-31', '自发布之日起实施，有效期为6个月。')).toMatchObject({ period: { amount: 6, unit: 'month' }, expires: '2022-07-30' });
    expect(validity('2022-01-01', '自印发之日起施行，试行期九十天。')).toMatchObject({ period: { amount: 90, unit: 'day' }, expires: '2022-03-31' });
  });
  it('keeps a period without a start, and reads an explicit end date', () => {
    expect(validity('2022-01-01', '本办法有效期3年。')).toMatchObject({ effective: null, period: { amount: 3, unit: 'year' }, expires: null });
    expect(validity('2022-01-01', '本意见自2022年1月1日起施行，有效期至2023年12月31日。')).toMatchObject({ effective: '2022-01-01', expires: '2023-12-31', period: null });
  });
  it('records the sentences and lines it read, and nothing for a silent document', () => {
    const v = validity('2022-02-28', '各单位要认真落实。', '本方案自印发之日起施行，有效期5年。');
    expect(v.text).toBe('本方案自印发之日起施行，有效期5年。');
    expect(v.lines).toEqual([5, 5]);
    expect(validity('2022-02-28', '各单位要认真落实。', '有效期内的证件继续使用')).toMatchObject({ effective: null, expires: null, period: null, text: null, lines: null, repeals: [] });
  });
  it('ignores tables', () => {
    const d = docOf(['标题', { kind: 'table', text: '许可证\t有效期3年\t自印发之日起施行', lines: [3, 3] }], { date: '2022-01-01' });
    expect(extractValidity(d)).toMatchObject({ effective: null, period: null, text: null });
  });
});

describe('trial versions, repeals and dependencies', () => {
  it('is a trial when the title or an enclosure says 试行 or 暂行', () => {
    expect(extractValidity(docOf(['x'], { title: '五台县政府投资项目管理办法（试行）' })).trial).toBe(true);
    expect(extractValidity(docOf(['x'], { title: '关于印发管理办法的通知', enclosures: [{ title: '五台县管理暂行办法', lines: [2, 2] }] })).trial).toBe(true);
    expect(extractValidity(docOf(['x'], { title: '关于印发管理办法的通知' })).trial).toBe(false);
  });
  it('reads what it repeals by 文号 of any era and form, or by title', () => {
    const byNumber = validity('2022-12-29', '本办法自印发之日起施行，《五台县某某办法》（五政办发[2020]32号）同时废止。');
    expect(byNumber.repeals).toEqual([{ docNumber: '五政办发〔2020〕32号', title: '五台县某某办法', text: '本办法自印发之日起施行，《五台县某某办法》（五政办发[2020]32号）同时废止。', lines: [3, 3] }]);
    expect(validity('2022-01-01', '国办发（1998）12号文件不再执行。').repeals.map((r) => r.docNumber)).toEqual(['国办发〔1998〕12号']);
    expect(validity('2022-01-01', '《五台县旧办法》予以废止。').repeals.map((r) => [r.docNumber, r.title])).toEqual([[null, '五台县旧办法']]);
    expect(validity('2022-01-01', '原有关规定同时废止。').repeals).toHaveLength(1);
  });
  it('does not read its own number or a bare verb as a repeal', () => {
    expect(validity('2022-01-01', '五政办发〔2022〕10号文件所列事项如有废止，另行通知。').repeals).toEqual([]);
    expect(validity('2022-01-01', '对已废止的证照不再办理。').repeals).toEqual([]);
  });
  it('reads a validity tied to another document', () => {
    expect(validity('2022-01-01', '本办法有效期与省《工程建设项目审批办法》同步。').dependsOn).toEqual({ text: '有效期与省《工程建设项目审批办法》同步', title: '工程建设项目审批办法' });
  });
});

describe('periods and status', () => {
  it('adds years, months and days, ending the day before', () => {
    expect(addPeriod('2020-02-29', 1, 'year')).toBe('2021-02-28');
    expect(addPeriod('2022-01-31', 1, 'month')).toBe('2022-03-02');
    expect(addPeriod('1999-12-31', 1, 'day')).toBe('1999-12-31');
    expect(addPeriod('1999-12-01', 31, 'day')).toBe('1999-12-31');
  });
  it('gives the status on a day', () => {
    const v = (effective: string | null, expires: string | null): Validity => ({ ...validity(null), effective, expires });
    // Nothing said: in force until the library knows otherwise (issue #14); tied to another document: open.
    expect(validityStatus(null, '2022-01-01')).toBe('现行有效');
    expect(validityStatus(v(null, null), '2022-01-01')).toBe('现行有效');
    expect(validityStatus({ ...v(null, null), dependsOn: { text: '有效期与省《办法》同步', title: '办法' } }, '2022-01-01')).toBe('未标注');
    expect(validityStatus(v('2022-03-01', null), '2022-02-28')).toBe('尚未生效');
    expect(validityStatus(v('2022-03-01', null), '2022-03-01')).toBe('现行有效');
    expect(validityStatus(v('2022-03-01', '2027-02-28'), '2027-02-28')).toBe('现行有效');
    expect(validityStatus(v('2022-03-01', '2027-02-28'), '2027-03-01')).toBe('已失效');
    expect(validityStatus(v(null, '1999-12-31'), '2000-01-01')).toBe('已失效');
    expect(validityStatus(v('2022-03-01', null), '2030-01-01', true)).toBe('已废止');
  });
});

describe('有效性 of every sample document, with its reason', () => {
  it('is 未标注 for at most one document in ten, and each status has a reason', async () => {
    const { openLibrary } = await import('../../src/store/library.js');
    const { loadSamples } = await import('../store/samples.js');
    const { STATUS_SQL } = await import('../../src/store/status.js');
    const db = loadSamples(openLibrary(':memory:'));
    const rows = db.prepare(`SELECT d.json, d.repealed_by AS repealedBy, ${STATUS_SQL} AS status FROM documents d LEFT JOIN validity v ON v.doc_id = d.id
      WHERE d.is_current = 1`).all({ today: '2026-12-02' }) as { json: string; repealedBy: string | null; status: ValidityStatus }[];
    expect(rows.length).toBeGreaterThanOrEqual(40);
    // None of the samples ties its term to another document, so none is left open.
    expect(rows.filter((r) => r.status === '未标注').length).toBeLessThanOrEqual(rows.length / 10);
    for (const r of rows) {
      const v = JSON.parse(r.json).validity as Validity;
      const reason = validityReason(v, r.status, r.repealedBy);
      expect(reason.length).toBeGreaterThan(4);
      if (!v.effective && !v.expires && !v.dependsOn) expect(reason).toBe('未规定有效期，未见废止');
    }
  });
  it('says why in a sentence', () => {
    const v = (effective: string | null, expires: string | null): Validity => ({ ...validity(null), effective, expires });
    expect(validityReason(v('2022-03-01', '2025-02-28'), '已失效')).toBe('有效期至2025年2月28日，已届满');
    expect(validityReason(v('2022-03-01', null), '现行有效')).toBe('自2022年3月1日起施行');
    expect(validityReason(null, '已废止', '五政发〔2022〕5号')).toBe('已被五政发〔2022〕5号废止');
    expect(validityReason({ ...v(null, null), dependsOn: { text: '', title: '山西省行政规范性文件管理办法' } }, '未标注')).toBe('有效期与《山西省行政规范性文件管理办法》相关联，需对照该文件确定');
  });
});
