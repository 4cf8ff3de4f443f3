// One test per rule of tasks.ts and task-deadline.ts (docs/EXTRACTION.md):
// which task a clause closes, its title, and the deadline that belongs to it.
// Each document is a small 公文 run through the whole pipeline.
import { describe, expect, it } from 'vitest';
import { cutTitle, taskTitle } from '../../src/extract/tasks.js';
import { analyzeOne, lineOf } from './gongwen.js';

const resp = (body: string[], title?: string) => {
  const { doc, text } = analyzeOne(body, title);
  return { list: doc.responsibilities, text };
};

describe('titles', () => {
  it('takes a run-in heading to the first 。', () => {
    expect(taskTitle('（三）按时报送。每月报送进展情况，并做好总结。', false, false)).toBe('按时报送');
  });
  it('takes the first clause when the first sentence has a comma', () => {
    expect(taskTitle('28. 完善政务服务五级覆盖，年底前完成乡镇便民服务中心全覆盖。', false, false)).toBe('完善政务服务五级覆盖');
  });
  it('keeps a comma inside a heading when every sibling heading is short', () => {
    expect(taskTitle('（一）加强排查，完善台账。聚焦机关、事业单位。', false, true)).toBe('加强排查，完善台账');
  });
  it('takes a stand-alone heading whole and strips markers and markdown', () => {
    expect(taskTitle('#### 27. 积极参与会展活动。', true, false)).toBe('积极参与会展活动');
    expect(taskTitle('**（一）加强组织领导**', true, false)).toBe('加强组织领导');
  });
  it('cuts at most 40 characters between whole words', () => {
    const t = cutTitle('贯彻落实《中华人民共和国优化营商环境条例》《山西省优化营商环境条例》《忻州市优化营商环境条例》');
    expect(t).toBe('贯彻落实《中华人民共和国优化营商环境条例》《山西省优化营商环境条例》');
    expect([...t].length).toBeLessThanOrEqual(40);
  });
});

describe('which task a clause closes', () => {
  it('an inline clause closes its item, which starts at the marker', () => {
    const { list, text } = resp(['一、重点任务', '（一）加快项目建设。推进重点项目开工。（责任单位：县发展和改革局）', '（二）优化营商环境。压减审批时限。（责任单位：县行政审批服务管理局）']);
    expect(list.map((r) => [r.title, r.taskLines[0]])).toEqual([['加快项目建设', lineOf(text, '（一）')], ['优化营商环境', lineOf(text, '（二）')]]);
  });
  it('a clause alone on its line closes the paragraph before it', () => {
    const { list, text } = resp(['一、重点任务', '（一）加强水质监测。开展水质监测工作。', '（责任单位：市生态环境局五台分局）']);
    expect(list[0]).toMatchObject({ title: '加强水质监测', taskLines: [lineOf(text, '（一）'), lineOf(text, '（责任单位')] });
  });
  it('joins a paragraph broken at a page break', () => {
    const { list, text } = resp(['一、重点任务', '（一）推进农田水利建设。加大投入力度，提高农业灌溉水', '利用效率。（责任单位：县水利局）']);
    expect(list[0]).toMatchObject({ title: '推进农田水利建设', taskLines: [lineOf(text, '（一）'), lineOf(text, '利用效率')] });
    expect(list[0]!.task).toContain('灌溉水利用效率');
  });
  it('a section with one clause-bearing paragraph starts at its heading', () => {
    const { list, text } = resp(['一、保障措施', '（一）加强组织领导', '各单位要高度重视，明确分工，压实责任。（县人民政府办公室牵头）']);
    expect(list[0]).toMatchObject({ title: '加强组织领导', taskLines: [lineOf(text, '（一）加强组织领导'), lineOf(text, '各单位要高度重视')] });
  });
  it('a section with several clause-bearing paragraphs has one task per paragraph', () => {
    const { list, text } = resp(['一、重点任务', '（一）促进就业', '完善就业扶持政策，推进多渠道就业。（责任单位：县人力资源和社会保障局）', '加强职业技能培训，提升就业能力。（责任单位：县教育科技局）']);
    expect(list.map((r) => [r.title, r.taskLines[0]])).toEqual([['完善就业扶持政策', lineOf(text, '完善就业')], ['加强职业技能培训', lineOf(text, '加强职业技能')]]);
  });
  it('an item heading alone on its line owns the paragraph after it', () => {
    const { list, text } = resp(['一、重点任务', '1. 夯实大数据基础能力。', '持续推进5G网络建设，新建基站56座以上。（县工业和信息化局具体负责）', '2. 拓展数字融合应用。', '开展5G场景应用。（县工业和信息化局具体负责）']);
    expect(list.map((r) => [r.title, r.taskLines[0]])).toEqual([['夯实大数据基础能力', lineOf(text, '1. 夯实')], ['拓展数字融合应用', lineOf(text, '2. 拓展')]]);
  });
  it('a clause after a list introduced by ： closes the item that owns the list', () => {
    const { list, text } = resp(['一、工作措施', '（六）依法查处违法违规行为。有关部门要及时查处以下行为：', '1. 侵占、破坏水利设施；', '2. 擅自改变用途。', '（责任单位：县水利局、县农业农村局）']);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ title: '依法查处违法违规行为', taskLines: [lineOf(text, '（六）'), lineOf(text, '（责任单位')] });
  });
  it('joins a clause whose units run over a break', () => {
    const { list } = resp(['一、重点任务', '（一）建立管护机制。做到管护经费落实。（责任单位：', '各乡〈镇〉、县财政局、县水利局）']);
    expect(list[0]!.responsibleUnits.map((u) => u.printed)).toEqual(['各乡（镇）', '县财政局', '县水利局']);
  });
  it('reads no aside in a running sentence as a clause', () => {
    const { list } = resp(['一、职责分工', '（一）各部门分别负责院校外证书的实施（技工院校内由人力资源社会保障行政部门负责），教育部门做好指导。']);
    expect(list).toEqual([]);
  });
});

describe('the deadline that belongs to a clause', () => {
  const dl = (body: string[], title?: string) => resp(['一、重点任务', ...body], title).list.map((r) => r.deadline && { kind: r.deadline.kind, text: r.deadline.text, date: r.deadline.date, flag: r.deadline.flag });
  it('takes the one in the clause’s own parenthesis first', () => {
    expect(dl(['（一）推进政务服务。年底前完成窗口改造。（县行政审批服务管理局牵头，县直有关单位负责，7月底前完成）'])[0]).toMatchObject({ text: '7月底前', date: '2024-07-31' });
  });
  it('takes a 时限要求 line over a date in the task text', () => {
    expect(dl(['（一）推进示范区建设。年底前完成规划。（责任单位：五台现代农业产业示范区）', '时限要求：全年持续开展'])[0]).toMatchObject({ kind: 'ongoing', text: '全年' });
  });
  it('resolves a yearless date in the plan’s year, and flags one before the signing date', () => {
    expect(dl(['（一）推进项目。4月底前全部完成。（责任单位：县发展和改革局）'], '五台县人民政府办公室关于印发五台县2023年重点工作方案的通知')[0])
      .toMatchObject({ date: '2023-04-30', flag: 'before-signing' });
    expect(dl(['（一）推进项目。4月底前全部完成。（责任单位：县发展和改革局）'])[0]).toMatchObject({ date: '2024-04-30' });
    expect(dl(['（一）推进项目。4月底前全部完成。（责任单位：县发展和改革局）'])[0]!.flag).toBeUndefined();
  });
  it('reads 全年 framing a target as ongoing', () => {
    expect(dl(['（一）深化生产托管。全年托管面积达到23万亩。（县农业农村局牵头）'])[0]).toMatchObject({ kind: 'ongoing', text: '全年' });
  });
  it('does not take a rhythm of work as the clause’s deadline, but a due day', () => {
    expect(dl(['（一）加强调度。按月开展工作调度，及时通报进展。（责任单位：县发展和改革局）'])[0]).toBeNull();
    expect(dl(['（一）报送进展。每月5日前报送上月进展。（责任单位：县发展和改革局）'])[0]).toMatchObject({ kind: 'recurring', text: '每月5日前' });
  });
  it('takes a year heading a clause of the task, not a year inside a noun phrase', () => {
    expect(dl(['（一）培育平台。围绕产业布局，2024年，重点提升工程技术中心。（县教育科技局负责）'])[0]).toMatchObject({ text: '2024年', date: '2024-12-31' });
    expect(dl(['（一）发布指导线。发布2024年企业工资指导线。（县人力资源和社会保障局负责）'])[0]).toBeNull();
  });
  it('reads 争取N年 as relative and a window’s end as absolute', () => {
    expect(dl(['（一）发展电商。争取2年培育1个乡村e镇。（县工业和信息化局负责）'])[0]).toMatchObject({ kind: 'relative', text: '2年' });
    expect(dl(['（一）加大金融支持。自2024年第二季度起至2025年6月底，给予贴息支持。（县财政局负责）'])[0]).toMatchObject({ date: '2025-06-30' });
  });
  it('does not take a date that describes the object of the sentence', () => {
    expect(dl(['（一）集中办理手续。对年底前计划新开工的项目进行清单管理。（责任单位：县行政审批服务管理局）'])[0]).toBeNull();
  });
});

describe('stated conventions', () => {
  it('the first listed unit leads from where the document says so', () => {
    const { list } = resp(['一、重点任务', '（一）完善农机装备体系。加快推进创新。（工业和信息化部、发展改革委、科技部等负责。列第一位者为牵头单位，下同）', '（二）推广先进机具。（农业农村部、财政部负责）']);
    expect(list.map((r) => [r.leadUnits.map((u) => u.printed), r.responsibleUnits.map((u) => u.printed)])).toEqual([
      [['工业和信息化部'], ['发展改革委', '科技部']],
      [['农业农村部'], ['财政部']],
    ]);
  });
  it('without such a sentence every listed unit is responsible', () => {
    const { list } = resp(['一、重点任务', '（一）推广先进机具。加快推广。（农业农村部、财政部负责）']);
    expect(list[0]).toMatchObject({ leadUnits: [], responsibleUnits: [{ printed: '农业农村部' }, { printed: '财政部' }] });
  });
});

describe('properties of every responsibility', () => {
  // Random plans built from realistic pieces: headings, items, broken lines, clauses, time labels.
  const PIECES = [
    '一、重点任务', '（一）加强组织领导', '（二）推进项目建设。年底前完成。', '1. 夯实基础能力。', '2. 拓展应用，2025年建成平台。',
    '持续推进网络建设，新建基站56座以上。', '对全县河流开展排查，建立问题台账，', '边排查边整治。', '全年托管面积达到23万亩。',
    '（责任单位：县水利局、县财政局）', '（县发展和改革局牵头，县财政局配合）', '（责任单位：', '各乡〈镇〉、县水利局）', '时限要求：8月底前',
    '（工业和信息化部、科技部负责。列第一位者为牵头单位，下同）', '有关部门要做好以下工作：', '（如五台山沙棘制品有限公司）', '按月开展工作调度。',
  ];
  it('never throws; titles are at most 40 characters; a task starts at or before its clause', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 14 }), (body) => {
      const { list } = resp(body);
      for (const r of list) {
        if (r.title !== null) expect([...r.title].length).toBeLessThanOrEqual(40);
        expect(r.taskLines[0]).toBeLessThanOrEqual(r.lines[0]);
        expect(r.leadUnits.length + r.responsibleUnits.length + r.cooperatingUnits.length).toBeGreaterThan(0);
        if (r.deadline?.kind === 'absolute') expect(r.deadline.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }), { numRuns: 150 });
  });
});

describe('the first-listed convention as documents state it', () => {
  it.each([
    '列第一位者为牵头单位，下同', '排在第一位的部门为牵头部门', '排在首位的为牵头单位', '排名第一的部门为牵头部门',
    '列在首位的为牵头单位', '第一个单位为牵头单位', '牵头单位列第一位', '牵头部门排在首位，下同',
  ])('%s', async (convention) => {
    const { readClause, FIRST_LEADS } = await import('../../src/extract/clauses.js');
    expect(FIRST_LEADS.test(`商务部、海关总署负责，${convention}`)).toBe(true);
    expect(readClause(`商务部、海关总署负责，${convention}`)).toMatchObject({ responsible: ['商务部', '海关总署'], ordered: true });
    const { list } = resp(['一、重点任务', `（一）促进内销便利。推进试点。（商务部、海关总署负责，${convention}）`, '（二）优化监管。（海关总署、税务总局负责）']);
    expect(list.map((r) => r.leadUnits.map((u) => u.printed))).toEqual([['商务部'], ['海关总署']]);
  });
});
