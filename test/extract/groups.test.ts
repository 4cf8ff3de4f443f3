// Leading groups: hand-checked member lists for the broken layouts in the
// samples (written from the source lines, not from the extractor's output),
// and small synthetic layouts for the rules behind them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIssueText } from '../../src/parse/issue.js';
import type { ParsedDocument } from '../../src/parse/types.js';
import { toSourceLines, type SourceLine } from '../../src/text/lines.js';
import { extractGroups, proseMembers, splitList } from '../../src/extract/groups.js';
import { isPersonName, joinWrapped, splitGlued, tokenize } from '../../src/extract/group-members.js';
import type { Group } from '../../src/extract/types.js';

const samples = join(import.meta.dirname, '../../data/samples');
const issues = new Map<string, { docs: ParsedDocument[]; lines: SourceLine[] }>();
function groupsOf(file: string, docNumber: string): Group[] {
  if (!issues.has(file)) {
    const text = readFileSync(join(samples, file), 'utf8');
    issues.set(file, { docs: parseIssueText(text).documents, lines: toSourceLines(text) });
  }
  const { docs, lines } = issues.get(file)!;
  const doc = docs.find((d) => d.docNumber === docNumber);
  expect(doc, docNumber).toBeDefined();
  return extractGroups(doc!, lines);
}
const rows = (g: Group) => g.members.map((m) => `${m.role}|${m.person ?? '-'}|${m.position ?? '-'}`);
const expectRows = (g: Group | undefined, expected: string[]) => {
  expect(g).toBeDefined();
  expect([...rows(g!)].sort()).toEqual([...expected].sort());
};

describe('sample groups (hand-checked)', () => {
  it('行政执法信息化试点工作领导小组: all 14 members', () => {
    const g = groupsOf('wutai-2021-no4.txt', '五政办发〔2021〕61号').find((x) => x.name === '五台县行政执法信息化试点工作领导小组');
    expect(g?.kind).toBe('领导小组');
    expect(g?.officeAt).toBe('县司法局');
    expect(rows(g!)).toEqual([
      '组长|朱润生|副县长、公安局局长',
      '副组长|沈志宇|县司法局局长',
      '成员|韩泰山|县政协副主席、市场监督管理局局长',
      '成员|周银康|县政府办副主任、行政审批服务管理局局长',
      '成员|孙芝荣|县财政局局长',
      '成员|白冰|县人力资源和社会保障局局长',
      '成员|师泽喜|县自然资源局局长',
      '成员|金永安|市生态环境局五台分局局长',
      '成员|陕爱华|县住房和城乡建设管理局局长',
      '成员|张文荣|县交通运输局局长',
      '成员|左拴生|县农业农村局局长',
      '成员|马廷飞|县文化和旅游局局长',
      '成员|安建荣|县卫生健康和体育局局长',
      '成员|梁艺|县应急管理局局长',
    ]);
    expect(g!.members.find((m) => m.person === '金永安')!.lines).toEqual([595, 597]);
  });

  it('森林草原防灭火指挥部: the two-column layout with body text on the right', () => {
    const g = groupsOf('wutai-2022-no4-part2.txt', '五政办发〔2022〕65号').find((x) => x.name === '县森林草原防灭火指挥部');
    expect(g?.kind).toBe('指挥部');
    expect(g?.officeAt).toBe('县林业局');
    expectRows(g, [
      '总指挥长|贾文柱|县委副书记、县长',
      '常务副指挥长|白俊清|副县长',
      '副指挥长|刘钧宏|县委常委、县人武部政委',
      '副指挥长|马峰|县政府办副主任',
      '副指挥长|刘俊杰|县林业局局长',
      '副指挥长|师泽喜|县自然资源局局长',
      '副指挥长|梁艺|县应急管理局局长',
      '副指挥长|郑德宏|县气象局局长',
      '副指挥长|陶乐飞|武警五台县中队中队长',
      '成员|马明|县人武部副部长',
      '成员|左拴生|县农业农村局局长',
      '成员|孟宏忠|县教育科技局局长',
      '成员|全姝玉|县工业和信息化局局长',
      '成员|张跃飞|县民政局局长',
      '成员|沈志宇|县司法局局长',
      '成员|金永安|市生态环境局五台分局局长',
      '成员|陕爱华|县住房和城乡建设管理局局长',
      '成员|张文荣|县交通运输局局长',
      '成员|田计丰|县水利局局长',
      '成员|高福康|县卫生健康和体育局局长',
      '成员|马廷飞|县文化和旅游局局长',
      '成员|王旭|县公安局副局长',
      '成员|刘建国|县公安局交警大队大队长',
      '成员|白宏飞|县政务服务中心（政府采购中心）主任',
      '成员|王光宏|县融媒体中心主任',
      '成员|王皎|县消防救援大队大队长',
      '成员|刘和平|县供电公司经理',
      '成员|乔福海|联通五台分公司经理',
      '成员|杨跃飞|移动五台分公司经理',
      '成员|苗根茂|电信五台分公司经理',
      '成员|高峰|门限石林场场长',
      '成员|刘利军|豆村林场场长',
      '成员|孟翔|茹村林场场长',
      '办公室主任|刘俊杰|县林业局局长',
    ]);
    expect(g!.members[0]!.role).toBe('总指挥长');
  });

  it('现场灭火指挥部: heading wrapped over two lines, members by unit below', () => {
    const gs = groupsOf('wutai-2022-no4-part2.txt', '五政办发〔2022〕65号');
    const g = gs.find((x) => x.name === '县森林草原火灾现场灭火指挥部');
    expect(rows(g!).slice(0, 3)).toEqual(['总指挥|白俊清|副县长', '副总指挥|刘钧宏|县委常委、县人武部政委', '副总指挥|刘俊杰|县林业局局长']);
    expect(rows(g!)).toContain('成员|-|县政府办主要负责人');
    const town = gs.find((x) => x.name === '乡（镇）森林草原火灾现场灭火指挥部');
    expect(rows(town!)).toEqual(['总指挥|-|乡（镇）党委书记', '副总指挥|-|乡（镇）长', '成员|-|相关人员']);
  });

  it('土壤普查领导小组: space-separated two columns with wrapped positions', () => {
    const g = groupsOf('wutai-2023-no2.txt', '五政发〔2023〕18号').find((x) => x.name === '五台县第三次全国土壤普查领导小组');
    expect(g?.officeAt).toBe('县农业农村局');
    expectRows(g, [
      '组长|白俊清|副县长',
      '副组长|马峰|县政府办副主任',
      '副组长|左拴生|县委农办主任、县农业农村局局长',
      '副组长|师泽喜|县自然资源局局长',
      '成员|姚宪君|县农业农村局副局长',
      '成员|王鑫|五台现代农业产业示范区管委会副主任、县发展和改革局局长',
      '成员|强剑慧|县农业产业发展中心主任',
      '成员|-|各乡（镇）乡（镇）长',
      '成员|孙芝荣|县财政局局长',
      '成员|金永安|市生态环境局五台分局局长',
      '成员|田计丰|县水利局局长',
      '成员|张爱军|县统计局局长',
      '成员|刘宏|国家统计局五台调查队负责人',
      '办公室主任|姚宪君|县农业农村局副局长',
    ]);
    expect(g!.members[0]!.person).toBe('白俊清');
  });

  it('农田灌溉 and 农村道路交通 groups: positions wrapped onto the next line', () => {
    const a = groupsOf('wutai-2021-no4.txt', '五政办发〔2021〕53号').find((x) => x.name === '五台县农田灌溉用水浪费现象专项整治工作领导小组');
    expect(a?.officeAt).toBe('县农业农村局');
    expectRows(a, [
      '组长|刘先明|县委常委、统战部部长、副县长',
      '副组长|郑贵成|县政府办副主任',
      '副组长|左拴生|县农业农村局局长',
      '副组长|田计丰|县水利局局长',
      '成员|孙芝荣|县财政局局长',
      '成员|王鑫|五台县代农业产业示范区管委会副主任、发展和改革局局长',
      '成员|张瑜|县水利局副局长',
      '办公室主任|左拴生|县农业农村局局长',
    ]);
    const b = groupsOf('wutai-2022-no1.txt', '五政办发〔2022〕6号').find((x) => x.name === '五台县农村道路交通安全管理领导小组');
    expect(b?.officeAt).toBe('县公安局交警大队');
    expectRows(b, [
      '组长|朱润生|副县长、县公安局局长',
      '副组长|赵志峰|县公安局党委副书记、政委',
      '副组长|王惠明|县交通运输局副局长',
      '副组长|田芝堂|县应急管理局副局长',
      '成员|方立|县委宣传部副部长',
      '成员|胡云山|县财政局副局长',
      '成员|罗建孝|县教育科技局党委副书记',
      '成员|赵银柱|县住房和城乡建设管理局副局长',
      '成员|朱贞杰|县工业和信息化局副局长',
      '成员|郑永康|县卫生健康和体育局副局长',
      '成员|强建慧|县农业产业发展中心主任',
      '成员|张生明|县市场监督管理局副局长',
      '成员|张尚忠|忻州银保监分局五台监管组组长',
      '成员|王皎|县消防救援大队大队长',
      '成员|-|各乡（镇）分管道路交通安全工作的副乡（镇）长',
      '办公室主任|赵志峰|县公安局党委副书记、政委',
    ]);
  });

  it('“五禁”工作领导小组: a column-wrapped list interleaved with body text', () => {
    const g = groupsOf('wutai-2022-no4-part2.txt', '五政办发〔2022〕64号')[0];
    expect(g?.name).toBe('禁止燃烧旺火和烟花爆竹“五禁”工作领导小组');
    expect(g?.officeAt).toBe('县公安局');
    expectRows(g, [
      '组长|朱润生|副县长、公安局局长',
      '组长|袁玉峰|副县长',
      '副组长|韩泰山|县政协副主席、市场监督管理局局长',
      '副组长|方立|县委宣传部副部长',
      '副组长|陕爱华|县住房和城乡建设管理局局长',
      '副组长|张文荣|县交通运输局局长',
      '副组长|梁艺|县应急管理局局长',
      '副组长|金永安|市生态环境局五台分局局长',
      '副组长|王皎|县消防救援大队大队长',
      '副组长|王文杰|县供销合作社联合社主任',
      '副组长|檀晋峰|县公安局党委委员',
      '副组长|张跃鹏|市生态环境局五台分局行政执法队队长',
      '成员|-|各乡（镇）人民政府主要负责人',
      '成员|-|驼梁风景区服务中心主要负责人',
      '成员|-|县直各相关单位主要负责人',
      '办公室主任|檀晋峰|县公安局党委委员',
      '办公室主任|张跃鹏|市生态环境局五台分局行政执法队队长',
    ]);
  });

  it('groups stated in prose, and lists by position only', () => {
    const coal = groupsOf('wutai-2022-no4-part2.txt', '五政办发〔2022〕49号')[0];
    expect(coal).toMatchObject({ name: '五台县煤炭增产保供工作专班', kind: '工作专班', officeAt: '县能源局' });
    expect(rows(coal!)).toEqual(['组长|-|县长']);
    const census = groupsOf('wutai-2023-no2.txt', '五政发〔2023〕19号')[0];
    expect(census).toMatchObject({ name: '五台县第五次全国经济普查领导小组', officeAt: '县统计局' });
    expect(rows(census!)).toContain('组长|-|县政府分管副县长');
    expect(rows(census!)).toContain('成员单位|-|县统计局');
    const road = groupsOf('wutai-2023-no2.txt', '五政办发〔2023〕21号')[0];
    expect(road?.officeAt).toBe('县公安局交警大队');
    expect(rows(road!)).toEqual(expect.arrayContaining([
      '组长|-|县政府县长',
      '常务副组长|-|分管公安工作的副县长',
      '常务副组长|-|县政府办公室主任',
      '副组长|-|县交通运输局主要负责人',
      '成员|-|县委宣传部',
      '办公室主任|-|交警大队大队长',
    ]));
    const gas = groupsOf('wutai-2021-no4.txt', '五政办发〔2021〕64号')[0];
    expect(gas).toMatchObject({ name: '全县燃气安全专项整治工作专班', officeAt: '县住房和城乡建设管理局' });
    expect(rows(gas!)).toEqual(['组长|-|县政府分管领导']);
  });

  it('does not invent groups from passing mentions', () => {
    const names = groupsOf('wutai-2022-no4-part2.txt', '五政办发〔2022〕65号').map((g) => g.name);
    expect(names).not.toContain('现场指挥部');
    expect(groupsOf('wutai-2021-no4.txt', '五政办发〔2021〕63号').map((g) => g.name)).toEqual(['五台县政务服务“跨省通办”工作领导小组']);
  });
});

/** A one-document issue from plain lines: each non-blank line is a paragraph block. */
function synthetic(text: string): { doc: ParsedDocument; lines: SourceLine[] } {
  const lines = toSourceLines(text);
  const blocks = lines.filter((l) => !l.blank).map((l) => ({ kind: 'paragraph' as const, text: l.text, lines: [l.no, l.no] as [number, number] }));
  const doc: ParsedDocument = {
    docNumber: null, title: 't', issuer: null, date: null, recipients: [], category: null, tocPage: null,
    lines: [1, lines.length], text, outline: [], tables: [], enclosures: [], attachments: [], diagnostics: [], signatureLines: null, blocks,
  };
  return { doc, lines };
}
const groupsIn = (text: string) => {
  const { doc, lines } = synthetic(text);
  return extractGroups(doc, lines);
};

describe('member-list rules', () => {
  it('tokenizes letter-spaced names and wrapped joins', () => {
    expect(tokenize('王 鑫 五台现代农业产 副局长')).toEqual(['王鑫', '五台现代农业产', '副局长']);
    expect(tokenize('县委农办主任、县 农业农村局局长')).toEqual(['县委农办主任、县农业农村局局长']);
    expect(tokenize('马廷飞\u0001县文化和旅游\u0001本辖区、本单位森林草原防灭')).toEqual(['马廷飞', '县文化和旅游', '本辖区、本单位森林草原防灭']);
  });
  it('knows names from words', () => {
    for (const n of ['王鑫', '刘和平', '全姝玉', '欧阳明华', '檀晋峰']) expect(isPersonName(n), n).toBe(true);
    for (const w of ['局长', '司经理', '县政府', '办副主任', '组长', '展中心', '工作职责']) expect(isPersonName(w), w).toBe(false);
    expect(splitGlued('朱润生副县长')).toEqual(['朱润生', '副县长']);
    expect(splitGlued('马峰县政府办副主任')).toEqual(['马峰', '县政府办副主任']);
  });
  it('drops a character doubled across a wrap', () => {
    expect(joinWrapped('县财政局', '局局长')).toBe('县财政局局长');
    expect(joinWrapped('县消防救援大队', '大队大队长')).toBe('县消防救援大队大队长');
    expect(joinWrapped('县文化和旅游', '局局长')).toBe('县文化和旅游局局长');
    expect(joinWrapped('县水利局', '局长')).toBe('县水利局局长');
  });
  it('splits unit lists and shares the title', () => {
    expect(splitList('县财政局、县水利局主要负责人')).toEqual(['县财政局主要负责人', '县水利局主要负责人']);
    expect(splitList('县委宣传部、县消防救援大队及各乡（镇）分管负责人')).toEqual(['县委宣传部', '县消防救援大队', '各乡（镇）分管负责人']);
  });
  it('reads roles from a sentence', () => {
    const ms = proseMembers('成立以县长为组长、分管副县长为副组长，县财政局、县水利局主要负责人为成员的五台县防汛抗旱领导小组', [1, 1]);
    expect(ms.map((m) => `${m.role}|${m.position}`)).toEqual(['组长|县长', '副组长|分管副县长', '成员|县财政局主要负责人', '成员|县水利局主要负责人']);
  });
});

describe('synthetic layouts', () => {
  it('a plain list with glued names, a unit list and the office', () => {
    const [g] = groupsIn(['县政府成立五台县防汛抗旱指挥部，组成人员如下：', '', '总指挥长：张明华县长', '副总指挥长：李 强 副县长', '王建国  县水利局局长', '成员：县财政局、县应急管理局主要负责人', '指挥部下设办公室，办公室设在县水利局，办公室主任由王建国兼任。'].join('\n'));
    expect(g).toMatchObject({ name: '五台县防汛抗旱指挥部', kind: '指挥部', officeAt: '县水利局' });
    expect(rows(g!)).toEqual([
      '总指挥长|张明华|县长',
      '副总指挥长|李强|副县长',
      '副总指挥长|王建国|县水利局局长',
      '成员|-|县财政局主要负责人',
      '成员|-|县应急管理局主要负责人',
      '办公室主任|王建国|县水利局局长',
    ]);
    expect(g!.lines).toEqual([1, 7]);
  });
  it('a tab-joined two-column list beside body text', () => {
    const [g] = groupsIn([
      '县政府成立五台县秸秆禁烧工作领导小组：',
      '组　长：赵志刚 副县长',
      '成　员：孙立新 县生态环境',
      '局局长',
      '周海涛\t县农业农村\t领导小组负责全县秸秆',
      '局副局长\t\t禁烧工作的统筹协调，',
      '郑 洁\t县公安局副局长\t办公室设在县农业农村局。',
      '二、工作措施',
    ].join('\n'));
    expect(g?.officeAt).toBe('县农业农村局');
    expect(rows(g!)).toEqual(['组长|赵志刚|副县长', '成员|孙立新|县生态环境局局长', '成员|周海涛|县农业农村局副局长', '成员|郑洁|县公安局副局长']);
  });
  it('positions in parentheses or after a comma', () => {
    const [g] = groupsIn(['成立五台县河长制工作领导小组。', '组长：韩明亮（县委副书记、县长）', '副组长：吴 敏，副县长', '成员：县水利局局长'].join('\n'));
    expect(rows(g!)).toEqual(['组长|韩明亮|县委副书记、县长', '副组长|吴敏|副县长', '成员|-|县水利局局长']);
  });
  it('a unit list wrapped over lines, then a heading', () => {
    const [g] = groupsIn(['成立五台县安全生产委员会：', '主任：钱文斌 县长', '委员：县应急管理局、县公安局、', '县交通运输局主要负责人', '', '二、工作职责', '县应急管理局 县长'].join('\n'));
    expect(rows(g!)).toEqual(['主任|钱文斌|县长', '委员|-|县应急管理局主要负责人', '委员|-|县公安局主要负责人', '委员|-|县交通运输局主要负责人']);
    expect(g!.members[1]!.lines).toEqual([3, 4]);
  });
  it('a committee opened by 主任', () => {
    const [g] = groupsIn(['县政府决定成立五台县食品安全委员会，组成人员如下：', '主任：钱文斌 县长', '副主任：冯 刚 副县长', '委员：县市场监督管理局、县卫生健康和体育局主要负责人'].join('\n'));
    expect(g).toMatchObject({ name: '五台县食品安全委员会', kind: '委员会' });
    expect(rows(g!)).toEqual(['主任|钱文斌|县长', '副主任|冯刚|副县长', '委员|-|县市场监督管理局主要负责人', '委员|-|县卫生健康和体育局主要负责人']);
  });
  // A hang guard (the test's timeout), not a speed check: timings are in bench/linear-time.mjs.
  it('finishes on long input', () => {
    const long = `县政府成立五台县测试领导小组。${'县财政局、县水利局、'.repeat(1500)}为成员。`;
    expect(groupsIn(`${long}\n组长：张明华 县长\n${'成员：县财政局局长\n'.repeat(200)}`).length).toBeGreaterThan(0);
  }, 60_000);
});
