// The unit registry as a 督查室 relies on it (issue #12): no alias joins two
// real units, brands (加挂牌子) stay apart, misprints are flagged instead of
// becoming units, collective phrases are one kind, and role words and
// fragments never become unit names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRegistry } from '../../src/extract/index.js';
import { GENERIC_COLLECTIVE_NAME, UnitRegistry, withoutRepeat } from '../../src/extract/units.js';
import { readClause, looksLikeClause } from '../../src/extract/clauses.js';
import { analyzeIssueBytes } from '../../src/pipeline.js';

const samples = join(import.meta.dirname, '../../data/samples');

describe('the curated registry against the county’s own list of organs', () => {
  // 五政办发〔2023〕23号 publishes the bodies allowed to issue normative documents:
  // each is a body of its own, so no two may resolve to one unit.
  const issue = analyzeIssueBytes(readFileSync(join(samples, 'wutai-2023-no2.txt')));
  const list = issue.documents.find((d) => d.docNumber === '五政办发〔2023〕23号')!;
  const organs = list.text.split('\n').map((l) => /^\s*(?:-\s*)?\d+[.、．]\s*(\S+)\s*$/u.exec(l)?.[1]).filter((n): n is string => !!n && /[局办府心室部组会]$/u.test(n));

  it('reads the list', () => expect(organs.length).toBeGreaterThanOrEqual(60));
  it('resolves every organ on the list to a unit of its own', () => {
    const r = defaultRegistry();
    const byId = new Map<string, string[]>();
    for (const n of organs) {
      const id = r.resolve(n).id!;
      byId.set(id, [...(byId.get(id) ?? []), n]);
    }
    const joined = [...byId.values()].filter((ns) => ns.length > 1);
    expect(joined, JSON.stringify(joined)).toEqual([]);
  });
  it('keeps 县商务局 apart from 县工业和信息化局, which carries its brand', () => {
    const r = defaultRegistry();
    expect(r.resolve('县商务局').name).toBe('县商务局');
    expect(r.resolve('县工业和信息化局〈县商务局〉').name).toBe('县工业和信息化局');
    expect(r.list().find((u) => u.name === '县商务局')).toMatchObject({ hostedBy: '县工业和信息化局', needsReview: false });
  });
});

describe('unit names', () => {
  const registry = () => new UnitRegistry({
    county: '五台县', city: '忻州市',
    units: [
      { name: '县人力资源和社会保障局', aliases: ['县人社局'] },
      { name: '五台现代农业产业示范区管委会', aliases: [] },
    ],
  });
  it('flags a misprint for review and resolves it to the unit it misprints', () => {
    expect(withoutRepeat('县人力资源和社会保障和社会保障局')).toBe('县人力资源和社会保障局');
    expect(withoutRepeat('县财政局')).toBeNull();
    const r = registry();
    expect(r.resolve('县人力资源和社会保障和社会保障局')).toMatchObject({ id: '县人力资源和社会保障局', misprint: true });
    expect(r.unknown.has('县人力资源和社会保障和社会保障局')).toBe(true);
    expect(r.list().map((u) => u.name)).not.toContain('县人力资源和社会保障和社会保障局');
  });
  it('merges the county prefix and 管委会 variants', () => {
    const r = registry();
    for (const n of ['五台县现代农业产业示范区', '五台现代农业产业示范区', '五台现代农业产业示范区管理委员会', '五台县现代农业产业示范区管委会']) {
      expect(r.resolve(n).id, n).toBe('五台现代农业产业示范区管委会');
    }
  });
  it('normalizes collective phrases to one kind that is not a unit', () => {
    const r = registry();
    for (const n of ['县直各有关部门', '县直有关单位', '各相关部门', '有关部门', '县直相关部门']) expect(r.resolve(n).id, n).toBe(GENERIC_COLLECTIVE_NAME);
    expect(r.list().find((u) => u.id === GENERIC_COLLECTIVE_NAME)).toMatchObject({ kind: 'collective', needsReview: false });
    expect(r.resolve('县数字经济领导小组成员单位').id).toBe('县数字经济领导小组成员单位');
  });
  it('strips role words from names', () => {
    expect(readClause('国家发展改革委会同有关部门负责')).toMatchObject({ lead: ['国家发展改革委'], cooperating: [] });
    expect(readClause('生态环境部指导，各省级人民政府负责')).toMatchObject({ cooperating: ['生态环境部'], responsible: ['各省级人民政府'] });
    expect(readClause('县财政局会同县发展和改革局负责')).toMatchObject({ lead: ['县财政局'], cooperating: ['县发展和改革局'] });
  });
  it('stops a unit list at a time label', () => {
    expect(readClause('责任单位：五台现代农业产业示范区时限要求：全年持续开展')).toMatchObject({ responsible: ['五台现代农业产业示范区'] });
  });
  it('reads no alternative and no example as a clause', () => {
    expect(looksLikeClause('或国家部委')).toBe(false);
    expect(looksLikeClause('如五台山沙棘制品有限公司')).toBe(false);
    expect(looksLikeClause('县财政局、县发展和改革局')).toBe(true);
  });
});

describe('gongbao units on the samples', () => {
  it('lists no fragment, no role word and no misprint as a unit', () => {
    const r = defaultRegistry();
    for (const f of ['wutai-2021-no4.txt', 'wutai-2022-no1.txt', 'wutai-2022-no4-part2.txt', 'wutai-2023-no2.txt']) analyzeIssueBytes(readFileSync(join(samples, f)), { registry: r });
    const names = r.list().filter((u) => u.mentions > 0).map((u) => u.name);
    const bad = names.filter((n) => /^(?:或|如|和|及|与|等)|会同|指导$|牵头$|负责$|配合$|时限|要求|[：:，。；]/u.test(n) || withoutRepeat(n) !== null && !/([镇乡])\1/u.test(n));
    expect(bad).toEqual([]);
  });
});
