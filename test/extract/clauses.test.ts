import { describe, expect, it } from 'vitest';
import { looksLikeClause, readClause, splitUnits } from '../../src/extract/clauses.js';
import { cleanUnitName, inferKind, isUnitLike, UnitRegistry } from '../../src/extract/units.js';
import { topLevelParens } from '../../src/extract/responsibilities.js';

const roles = (inner: string) => {
  const c = readClause(inner);
  return c && { lead: c.lead, responsible: c.responsible, cooperating: c.cooperating, inheritRule: c.inheritRule };
};

describe('clause forms', () => {
  it('责任单位：X、Y', () => {
    expect(roles('责任单位：县工业和信息化局、县教育科技局')).toMatchObject({ lead: [], responsible: ['县工业和信息化局', '县教育科技局'], cooperating: [] });
  });
  it('牵头单位：X；参与单位：Y', () => {
    expect(roles('牵头单位：县乡村振兴局；参与单位：县委组织部、县民政局')).toMatchObject({ lead: ['县乡村振兴局'], responsible: [], cooperating: ['县委组织部', '县民政局'] });
  });
  it('X牵头，Y配合 and X牵头、Y配合', () => {
    expect(roles('县水利局牵头，县河湖长制有关成员单位配合')).toMatchObject({ lead: ['县水利局'], cooperating: ['县河湖长制有关成员单位'] });
    expect(roles('县水利局牵头、县河湖长制有关成员单位配合')).toMatchObject({ lead: ['县水利局'], cooperating: ['县河湖长制有关成员单位'] });
  });
  it('X牵头，Y按职责分工负责: Y cooperates under the lead', () => {
    expect(roles('县水利局牵头，县农业农村局、县自然资源局按职责分工负责')).toMatchObject({
      lead: ['县水利局'], responsible: [], cooperating: ['县农业农村局', '县自然资源局'],
    });
  });
  it('X负责 / X具体负责 / X按职责分别负责 / X负责，Y配合', () => {
    expect(roles('县文化和旅游局负责')).toMatchObject({ responsible: ['县文化和旅游局'] });
    expect(roles('县民政局具体负责')).toMatchObject({ responsible: ['县民政局'] });
    expect(roles('县应急管理局、县能源局按职责分别负责')).toMatchObject({ responsible: ['县应急管理局', '县能源局'] });
    expect(roles('县自然资源局负责，县水利局配合')).toMatchObject({ responsible: ['县自然资源局'], cooperating: ['县水利局'] });
  });
  it('drops 等 and keeps department words', () => {
    expect(roles('县工业和信息化局、市生态环境局五台分局、县市场监督管理局等按职责分工负责')!.responsible).toEqual([
      '县工业和信息化局', '市生态环境局五台分局', '县市场监督管理局',
    ]);
    expect(roles('工信、市场监管、公安、交通运输等部门分工负责')!.responsible).toEqual(['工信', '市场监管', '公安', '交通运输']);
  });
  it('reads an unlabelled unit list', () => {
    expect(roles('县应急管理局、县能源局、县自然资源局、县水利局')!.responsible).toHaveLength(4);
  });
  it('reads inheritance rules', () => {
    expect(roles('责任单位：县农业农村局，各项任务举措责任单位均包括各乡（镇）人民政府和驼梁风景区服务中心，以下不再列出')).toMatchObject({
      responsible: ['县农业农村局', '各乡（镇）人民政府', '驼梁风景区服务中心'],
      inheritRule: ['各乡（镇）人民政府', '驼梁风景区服务中心'],
    });
    expect(roles('市生态环境局五台分局负责，各乡（镇）人民政府落实。以下均需各乡（镇）人民政府、驼梁风景区服务中心落实，不再列出')!.inheritRule).toEqual([
      '各乡（镇）人民政府', '驼梁风景区服务中心',
    ]);
  });
  it('refuses what is not a clause', () => {
    for (const t of ['见附件', '试行', '2023年版', '晋政发〔2013〕122号', '以下简称县审改办', '含脱贫户', '一']) expect(looksLikeClause(t)).toBe(false);
    expect(looksLikeClause('县住房和城乡建设管理局、县能源局')).toBe(true);
  });
});

describe('unit lists', () => {
  it('keeps 和 inside names and splits it between units', () => {
    expect(splitUnits('县发展和改革局、县住房和城乡建设管理局')).toEqual(['县发展和改革局', '县住房和城乡建设管理局']);
    expect(splitUnits('各乡（镇）人民政府和驼梁风景区服务中心')).toEqual(['各乡（镇）人民政府', '驼梁风景区服务中心']);
    expect(splitUnits('公安部门及各乡（镇）人民政府')).toEqual(['公安部门', '各乡（镇）人民政府']);
  });
  it('finds clauses in parentheses, nested ones included', () => {
    expect(topLevelParens('任务。（责任单位：各乡（镇）、县水利局）').map((p) => p.inner)).toEqual(['责任单位：各乡（镇）、县水利局']);
    expect(topLevelParens('任务（县民政局负责').map((p) => p.inner)).toEqual(['县民政局负责']);
  });
});

describe('unit registry', () => {
  const registry = () =>
    new UnitRegistry({
      county: '五台县', city: '忻州市',
      units: [
        { name: '县发展和改革局', aliases: ['县发改局'], history: [{ name: '县发展和改革委员会' }] },
        { name: '驼梁风景区服务中心', aliases: ['驼梁风景名胜区服务中心', '驼梁景区'] },
        { name: '县工业和信息化局', aliases: ['工信部门'] },
        { name: '东冶镇', kind: 'town', aliases: [] },
      ],
      reviewed: { 县发改委: '县发展和改革局', 县新设中心: 'new' },
    });
  it('resolves aliases, history, prefixes and brackets to one canonical unit', () => {
    const r = registry();
    const ids = ['县发改局', '县发展和改革委员会', '五台县发展和改革局', '县发展和改革局等', '县发改委'].map((n) => r.resolve(n).id);
    expect(new Set(ids)).toEqual(new Set(['县发展和改革局']));
    expect(r.resolve('驼梁景区').name).toBe('驼梁风景区服务中心');
    expect(r.resolve('县工业和信息化局〈县商务局〉').name).toBe('县工业和信息化局');
    expect(r.resolve('东冶镇人民政府').name).toBe('东冶镇');
    expect(r.resolve('工信').name).toBe('县工业和信息化局');
  });
  it('keeps and reports unknown units, and honours review decisions', () => {
    const r = registry();
    expect(r.resolve('县新建局')).toMatchObject({ id: '县新建局', name: '县新建局' });
    expect([...r.unknown.keys()]).toEqual(['县新建局']);
    r.resolve('县新设中心');
    expect(r.unknown.has('县新设中心')).toBe(false);
    expect(r.list().find((u) => u.name === '县新建局')).toMatchObject({ mentions: 1, needsReview: true });
  });
  it('counts mentions and learns printed aliases', () => {
    const r = registry();
    r.resolve('县发改局');
    r.resolve('县发展和改革局');
    expect(r.list().find((u) => u.id === '县发展和改革局')!.mentions).toBe(2);
  });
  it('classifies units by name', () => {
    expect(inferKind('白家庄镇人民政府')).toBe('town');
    expect(inferKind('人行五台支行')).toBe('bank');
    expect(inferKind('市生态环境局五台分局')).toBe('city-branch');
    expect(inferKind('县直有关部门')).toBe('collective');
    expect(inferKind('县财政局')).toBe('county-department');
    expect(isUnitLike('县财政局')).toBe(true);
    expect(isUnitLike('加强领导')).toBe(false);
    expect(cleanUnitName('各乡〈镇〉人民政府')).toBe('各乡（镇）人民政府');
  });
});
