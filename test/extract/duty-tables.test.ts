// Task tables with unit columns (src/extract/duty-tables.ts): one
// responsibility a row, units by the column's role, the deadline from a
// 完成时限 column or the task text; tables without a unit column give nothing.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { columnRole, extractDutyTables, tableColumns } from '../../src/extract/duty-tables.js';
import { defaultRegistry } from '../../src/extract/index.js';
import type { Table } from '../../src/parse/types.js';
import type { Responsibility } from '../../src/extract/types.js';
import { analyzeOne, lineOf } from './gongwen.js';
import { docOf } from './doc.js';

const printed = (us: { printed: string }[]) => us.map((u) => u.printed);
const roles = (r: Responsibility) => ({ lead: printed(r.leadUnits), responsible: printed(r.responsibleUnits), cooperating: printed(r.cooperatingUnits) });
const tab = (...rows: string[][]) => rows.map((r) => r.join('\t')).join('\n');
const table = (...rows: string[][]) => analyzeOne(['现将任务清单印发给你们，请认真贯彻执行。', '一、任务清单', tab(...rows)]);

describe('task tables with unit columns', () => {
  it('reads lead and cooperating columns, a deadline column, and the source line of each row', () => {
    const { doc, text } = table(
      ['序号', '工作任务', '牵头单位', '配合单位', '完成时限'],
      ['1', '推进企业开办全程网办，压缩开办时间至1个工作日', '县行政审批服务管理局', '县市场监督管理局、县税务局', '2024年6月底前'],
      ['2', '优化不动产登记流程', '县自然资源局', '县税务局', '2024年9月底前'],
      ['二、保障措施', '', '', '', ''],
      ['3', '加强督查考核', '县政府办', '', '长期坚持'],
      ['4', '开展政策宣传', '—', '', '2024年底前'],
    );
    const got = doc.responsibilities;
    expect(got).toHaveLength(3);
    expect(roles(got[0]!)).toEqual({ lead: ['县行政审批服务管理局'], responsible: [], cooperating: ['县市场监督管理局', '县税务局'] });
    expect(got[0]).toMatchObject({ task: '推进企业开办全程网办，压缩开办时间至1个工作日', title: '推进企业开办全程网办', clause: '县行政审批服务管理局；县市场监督管理局、县税务局' });
    expect(got[0]!.deadline).toMatchObject({ kind: 'absolute', date: '2024-06-30' });
    const line = lineOf(text, '推进企业开办');
    expect(got[0]!.lines).toEqual([line, line]);
    expect(got[0]!.taskLines).toEqual([line, line]);
    expect(got[0]!.outlineId).not.toBeNull();
    expect(roles(got[1]!)).toEqual({ lead: ['县自然资源局'], responsible: [], cooperating: ['县税务局'] });
    expect(got[1]!.lines[0]).toBe(lineOf(text, '优化不动产登记'));
    expect(got[2]).toMatchObject({ title: '加强督查考核', deadline: { kind: 'ongoing' } });
  });

  it('reads a 责任单位 cell that states roles itself, a plain list as responsible, and a deadline in the task', () => {
    const { doc } = table(
      ['重点任务', '责任单位'],
      ['2024年6月底前建成县级数据共享平台', '县发展和改革局牵头，县财政局配合'],
      ['完善农村公路养护机制', '县交通运输局、各乡（镇）人民政府'],
    );
    const [a, b] = doc.responsibilities;
    expect(roles(a!)).toEqual({ lead: ['县发展和改革局'], responsible: [], cooperating: ['县财政局'] });
    expect(a!.deadline).toMatchObject({ kind: 'absolute', date: '2024-06-30' });
    expect(roles(b!)).toEqual({ lead: [], responsible: ['县交通运输局', '各乡（镇）人民政府'], cooperating: [] });
    expect(b!.deadline).toBeNull();
  });

  it('applies the header’s 列第一位 convention, and reads a combined 牵头单位及配合单位 column', () => {
    const first = table(['序号', '主要内容', '责任单位（牵头单位列第一位）'], ['1', '建立河湖长制考核办法', '县水利局、县财政局、县审计局']);
    expect(roles(first.doc.responsibilities[0]!)).toEqual({ lead: ['县水利局'], responsible: ['县财政局', '县审计局'], cooperating: [] });
    const both = table(['目标任务', '牵头单位及配合单位'], ['完成高标准农田建设2万亩', '县农业农村局、县财政局、县水利局']);
    expect(roles(both.doc.responsibilities[0]!)).toEqual({ lead: ['县农业农村局'], responsible: [], cooperating: ['县财政局', '县水利局'] });
  });

  it('takes the longest text column as the task when no header names one', () => {
    const { doc } = table(['类别', '要求', '责任部门'], ['安全', '每季度开展一次全县安全生产大检查，建立隐患台账', '县应急管理局']);
    expect(doc.responsibilities[0]).toMatchObject({ task: '每季度开展一次全县安全生产大检查，建立隐患台账', title: '每季度开展一次全县安全生产大检查' });
  });

  it('prefers the detailed task column to a sparse category column', () => {
    const { doc } = table(['重点任务', '具体措施', '责任单位'], ['优化营商环境', '推行企业开办一网通办，压缩办理时限', '县行政审批服务管理局'], ['', '推进不动产登记便利化改革', '县自然资源局']);
    expect(doc.responsibilities.map((r) => r.title)).toEqual(['推行企业开办一网通办', '推进不动产登记便利化改革']);
  });

  it('gives nothing for tables without a unit column', () => {
    expect(table(['序号', '项目名称', '建设单位', '总投资（万元）'], ['1', '县城污水处理厂提标改造', '县住房和城乡建设管理局', '3000']).doc.responsibilities).toEqual([]);
    expect(table(['企业名称', '所属乡镇', '计量单位'], ['五台县某某食品有限公司', '台城镇', '吨'], ['山西某某农业开发有限公司', '豆村镇', '吨']).doc.responsibilities).toEqual([]);
    expect(table(['序号', '项目名称', '项目实施主体'], ['1', '村级光伏电站', '台城镇人民政府']).doc.responsibilities).toEqual([]);
  });

  it('names the role of a unit column from its header', () => {
    const cases: [string, string | null][] = [
      ['牵头单位', 'lead'], ['牵头部门', 'lead'], ['责任单位', 'responsible'], ['责任部门', 'responsible'],
      ['配合单位', 'cooperating'], ['配合部门', 'cooperating'], ['参与单位', 'cooperating'], ['协办单位', 'cooperating'],
      ['牵头单位及配合单位', 'leadThenCooperating'], ['责任单位（牵头单位列第一位）', 'firstLeads'], ['责任单位/配合单位', 'cooperating'],
      ['计量单位', null], ['建设单位', null], ['资金来源/合计', null], ['', null],
    ];
    for (const [label, role] of cases) expect(columnRole(label), label).toBe(role);
  });

  it('reads a header printed over two rows', () => {
    const t: Table = { caption: null, headerRows: [['序号', '工作任务', '责任单位', '']], header: ['', '', '牵头单位', '配合单位'], rows: [['1', '推进政务数据共享', '县政务信息管理局', '县直各部门']], lines: [10, 12] };
    expect(tableColumns(t)).toEqual({ units: [[2, 'lead'], [3, 'cooperating']], task: 1, time: null });
    const [r] = extractDutyTables(docOf([], { tables: [t] }), defaultRegistry());
    expect(roles(r!)).toEqual({ lead: ['县政务信息管理局'], responsible: [], cooperating: ['县直各部门'] });
    expect(r!.lines).toEqual([10, 12]);
  });

  it('never throws on ragged rows, an empty header or odd cells', () => {
    const odd: Table[] = [
      { caption: null, header: [], rows: [], lines: [1, 1] },
      { caption: null, header: ['责任单位'], rows: [['县财政局'], [], ['', '', '']], lines: [1, 3] },
      { caption: null, header: ['任务', '责任单位'], rows: [['只有任务'], ['任务', '县财政局', '多余', '单元格'], [undefined as unknown as string, '县审计局']], lines: [1, 4] },
      { caption: null, header: undefined as unknown as string[], rows: [['a', 'b']], lines: [1, 1] },
    ];
    const got = extractDutyTables(docOf([], { tables: odd }), defaultRegistry());
    expect(got.map((r) => printed(r.responsibleUnits))).toEqual([['县财政局']]);
  });
});

const LABELS = ['序号', '工作任务', '重点任务', '指标', '牵头单位', '配合单位', '责任单位', '责任单位（牵头单位列第一位）', '牵头单位及配合单位', '完成时限', '备注', '', '单位'];
const CELLS = ['县财政局', '县发展和改革局牵头，县财政局配合', '各乡（镇）人民政府', '有关部门', '2024年底前', '长期坚持', '—', '', '（', '）', '、', '，', '牵头', '配合', '加强督查考核，压实责任', '第一条'];

describe('task tables: properties', () => {
  const registry = defaultRegistry();
  const cell = fc.oneof(fc.constantFrom(...CELLS), fc.string({ maxLength: 12 }), fc.constantFrom(...CELLS).chain((a) => fc.constantFrom(...CELLS).map((b) => a + b)));
  const arbTable = fc.record({
    header: fc.array(fc.oneof(fc.constantFrom(...LABELS), fc.string({ maxLength: 8 })), { maxLength: 7 }),
    headerRows: fc.option(fc.array(fc.array(fc.constantFrom(...LABELS), { maxLength: 7 }), { maxLength: 2 }), { nil: undefined }),
    rows: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }),
  });

  it('random tables never throw, and every record names a unit inside the table', () => {
    fc.assert(fc.property(fc.array(arbTable, { maxLength: 3 }), (ts) => {
      const tables: Table[] = ts.map((t, i) => ({ caption: null, header: t.header, rows: t.rows, lines: [i * 20 + 1, i * 20 + 15], ...(t.headerRows ? { headerRows: t.headerRows } : {}) }));
      for (const r of extractDutyTables(docOf([], { tables }), registry)) {
        expect(r.leadUnits.length + r.responsibleUnits.length + r.cooperatingUnits.length).toBeGreaterThan(0);
        expect(tables.some((t) => t.lines[0] <= r.lines[0] && r.lines[1] <= t.lines[1])).toBe(true);
      }
    }), { numRuns: 300 });
  });

  it('random tab-separated text through the whole pipeline never throws', () => {
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 6 }), { minLength: 1, maxLength: 8 }), fc.constantFrom(...LABELS), (rows, label) => {
      const { doc } = table(['序号', '任务', label], ...rows);
      expect(Array.isArray(doc.responsibilities)).toBe(true);
    }), { numRuns: 60 });
  });
});
