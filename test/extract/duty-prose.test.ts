// Duties stated in prose (src/extract/duty-prose.ts): duty articles,
// unit-headed items of a 职责 section, `由X牵头，Y配合`, `由X负责`, `X会同Y`;
// and what is not a duty: general exhortations, mentions, `会同有关部门`,
// `建立由X牵头…组成的机制`, company names, paragraphs that hold a clause.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractDutyProse } from '../../src/extract/duty-prose.js';
import { leadingUnits, specificUnit } from '../../src/extract/duty-common.js';
import { defaultRegistry } from '../../src/extract/index.js';
import type { Responsibility } from '../../src/extract/types.js';
import { analyzeOne, lineOf } from './gongwen.js';
import { docOf } from './doc.js';

const printed = (us: { printed: string }[]) => us.map((u) => u.printed);
const roles = (r: Responsibility) => ({ lead: printed(r.leadUnits), responsible: printed(r.responsibleUnits), cooperating: printed(r.cooperatingUnits) });
const duties = (...body: string[]) => analyzeOne(['现将有关事项通知如下。', ...body]);

describe('duties in prose', () => {
  it('reads a duty article: the unit, the sentence, the title without the unit', () => {
    const { doc, text } = duties('第一条 为规范政务服务，制定本办法。', '第五条 县行政审批服务管理局负责全县政务服务事项的统筹协调和监督管理工作。', '第六条 本办法由县行政审批服务管理局负责解释。');
    expect(doc.responsibilities).toHaveLength(1);
    const [r] = doc.responsibilities;
    expect(roles(r!)).toEqual({ lead: [], responsible: ['县行政审批服务管理局'], cooperating: [] });
    expect(r).toMatchObject({ title: '全县政务服务事项的统筹协调和监督管理工作', clause: '县行政审批服务管理局负责' });
    expect(r!.task).toContain('负责全县政务服务事项的统筹协调和监督管理工作。');
    expect(r!.lines).toEqual([lineOf(text, '第五条'), lineOf(text, '第五条')]);
  });

  it('reads 由X牵头，Y配合 and 由X负责 in a sentence', () => {
    const { doc } = duties('由县发展和改革局牵头，县财政局、县统计局配合，建立重点项目调度机制。', '农村公路日常养护资金由县财政局负责统筹保障。');
    const [a, b] = doc.responsibilities;
    expect(roles(a!)).toEqual({ lead: ['县发展和改革局'], responsible: [], cooperating: ['县财政局', '县统计局'] });
    expect(a).toMatchObject({ clause: '由县发展和改革局牵头，县财政局、县统计局配合', title: '建立重点项目调度机制' });
    expect(roles(b!)).toEqual({ lead: [], responsible: ['县财政局'], cooperating: [] });
    expect(b).toMatchObject({ clause: '由县财政局负责', title: '农村公路日常养护资金统筹保障' });
  });

  it('reads X要会同Y with the deadline the sentence states', () => {
    const { doc } = duties('县教育科技局要会同县卫生健康和体育局开展学生体质监测，2024年9月底前完成。');
    const [r] = doc.responsibilities;
    expect(roles(r!)).toEqual({ lead: ['县教育科技局'], responsible: [], cooperating: ['县卫生健康和体育局'] });
    expect(r).toMatchObject({ title: '开展学生体质监测', clause: '县教育科技局要会同县卫生健康和体育局', deadline: { kind: 'absolute', date: '2024-09-30' } });
  });

  it('reads unit-headed items in a section about 职责', () => {
    const { doc } = duties('一、部门职责', '（一）县公安局：负责道路交通秩序维护和案件侦办。', '（二）县交通运输局牵头做好公路养护。', '二、工作要求', '（一）县财政局负责管护资金的落实。');
    expect(doc.responsibilities.map(roles)).toEqual([
      { lead: [], responsible: ['县公安局'], cooperating: [] },
      { lead: ['县交通运输局'], responsible: [], cooperating: [] },
    ]);
    expect(doc.responsibilities.map((r) => r.title)).toEqual(['道路交通秩序维护和案件侦办', '做好公路养护']);
  });

  it('gives each 由X负责 of a semicolon list its own part as the task', () => {
    const { doc } = duties('涉及普查经费方面的事项，由县财政局负责协调；涉及学校名录方面的事项，由县教育科技局负责协调。');
    expect(doc.responsibilities.map((r) => [r.task, r.title, printed(r.responsibleUnits)])).toEqual([
      ['涉及普查经费方面的事项，由县财政局负责协调', '涉及普查经费方面的事项', ['县财政局']],
      ['涉及学校名录方面的事项，由县教育科技局负责协调。', '涉及学校名录方面的事项', ['县教育科技局']],
    ]);
  });

  it('finds no duty in general statements, mentions, collectives or companies', () => {
    const { doc } = duties(
      '各部门要加强协调配合，形成工作合力。',
      '县财政局负责管护资金的落实。',
      '全县共有县财政局等12个单位参与了考评。',
      '县体育局要会同有关方面做好指导、督查和总结工作。',
      '建立由县公安局牵头，县交通运输局等部门组成的联合执法机制。',
      '国资委会同财政部、县审计局提出了办理意见。',
      '由合作社牵头，逐步形成统一收购销售的发展模式。',
      '重点培育山西某某农业开发有限公司、五台县某某食品有限公司等龙头企业，项目由五台县某某建筑工程有限公司负责施工。',
      '由受益者或其委托的单位、个人负责运行管护。',
      '由于县财政局负责审核，资金拨付有所延迟。',
    );
    expect(doc.responsibilities).toEqual([]);
  });

  it('leaves a paragraph with a clause to the clause reader', () => {
    const { doc } = duties('一、重点任务', '（一）推进数据共享。由县政务信息管理局牵头，建立共享目录。（责任单位：县政务信息管理局、县财政局）');
    expect(doc.responsibilities).toHaveLength(1);
    expect(doc.responsibilities[0]!.clause).toBe('（责任单位：县政务信息管理局、县财政局）');
  });

  it('tells specific units from collectives, sectors and places', () => {
    for (const n of ['县财政局', '国务院新闻办', '国务院专利行政部门', '县委组织部', '中国农业发展银行', '五台县水利发展中心']) expect(specificUnit(n), n).toBe(true);
    for (const n of ['有关部门', '各乡（镇）人民政府', '交通运输部门', '所在乡镇', '合作社', '基层干部', '2004年发展改革委']) expect(specificUnit(n), n).toBe(false);
  });

  it('ends a unit list where its predicate begins', () => {
    expect(leadingUnits('县市场监督管理局、县委组织部制定实施细则')?.names).toEqual(['县市场监督管理局', '县委组织部']);
    expect(leadingUnits('县财政局研究制定县级财政资金管理办法')?.names).toEqual(['县财政局']);
    expect(leadingUnits('县财政局组织县审计局开展检查')?.names).toEqual(['县财政局']);
    expect(leadingUnits('认真研究制定办法')).toBeNull();
  });
});

const FRAGMENTS = ['由', '县财政局', '县发展和改革局', '各部门', '有关部门', '牵头', '负责', '配合', '会同', '要', '，', '。', '；', '：', '、', '（', '）', '第五条', '（一）', '1.', '建立工作机制', '2024年底前', '了', '的', '和', '等部门'];

describe('duties in prose: properties', () => {
  const registry = defaultRegistry();
  const paragraph = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })), { maxLength: 40 }).map((xs) => xs.join(''));

  it('random paragraphs never throw; every record names a specific unit and quotes its phrase from the text', () => {
    fc.assert(fc.property(fc.array(paragraph, { minLength: 1, maxLength: 8 }), (paras) => {
      const doc = docOf(['标题', ...paras]);
      for (const r of extractDutyProse(doc, registry)) {
        expect(r.leadUnits.length + r.responsibleUnits.length).toBeGreaterThan(0);
        expect(doc.blocks.some((b) => b.text.replace(/\s+/gu, '').includes(r.clause))).toBe(true);
        expect(r.title === null || [...r.title].length <= 40).toBe(true);
      }
    }), { numRuns: 400 });
  });

  it('long unpunctuated runs finish', () => {
    fc.assert(fc.property(fc.constantFrom(...FRAGMENTS.filter((f) => !/[，。；：]/u.test(f))), fc.integer({ min: 50, max: 400 }), (f, n) => {
      extractDutyProse(docOf(['标题', `由${f.repeat(n)}负责`, `${f.repeat(n)}会同${f.repeat(n)}`]), registry);
    }), { numRuns: 40 });
  });
});
