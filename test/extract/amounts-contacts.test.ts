import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIssueText } from '../../src/parse/issue.js';
import type { Block, ParsedDocument } from '../../src/parse/types.js';
import { chineseNumber, clauseContext, extractAmounts } from '../../src/extract/amounts.js';
import { extractContacts } from '../../src/extract/contacts.js';
import { docOf as docOfBlocks } from './doc.js';

const docOf = (...blocks: (string | Block)[]): ParsedDocument => docOfBlocks(blocks);
const amounts = (s: string) => extractAmounts(docOf(s)).map((a) => [a.value, a.unit, a.yuan]);
const contacts = (s: string) => extractContacts(docOf(s)).map((c) => `${c.kind}:${c.value}`);

const samples = join(import.meta.dirname, '../../data/samples');
const parsed = new Map<string, ParsedDocument[]>();
const docsOf = (file: string): ParsedDocument[] => {
  if (!parsed.has(file)) parsed.set(file, parseIssueText(readFileSync(join(samples, file), 'utf8')).documents);
  return parsed.get(file)!;
};
const doc = (file: string, docNumber: string) => docsOf(file).find((d) => d.docNumber === docNumber)!;

describe('amounts', () => {
  it('reads value, unit and yuan', () => {
    expect(amounts('资金规模为24267.9897万元，其中')).toEqual([[24267.9897, '万元', 242679897]]);
    expect(amounts('代收费款达到5000元或不足5000元')).toEqual([[5000, '元', 5000], [5000, '元', 5000]]);
    expect(amounts('完成投资1.5亿元以上')).toEqual([[1.5, '亿元', 150000000]]);
    expect(amounts('给予10万元一次性奖励')).toEqual([[10, '万元', 100000]]);
    expect(amounts('临时占地3000元/亩')).toEqual([[3000, '元', 3000]]);
    expect(amounts('投资1,200万元')).toEqual([[1200, '万元', 12000000]]);
    expect(amounts('总投资1亿5000万元')).toEqual([[15000, '万元', 150000000]]);
  });
  it('takes each number of a range', () => {
    expect(amounts('每户奖补1000-3000元')).toEqual([[1000, '元', 1000], [3000, '元', 3000]]);
    expect(amounts('补贴2万—5万元')).toEqual([[2, '万元', 20000], [5, '万元', 50000]]);
    expect(extractAmounts(docOf('每户奖补1000-3000元'))[0]!.text).toBe('1000-3000元');
  });
  it('reads Chinese numerals', () => {
    expect(chineseNumber('三千')).toBe(3000);
    expect(chineseNumber('一亿二千万')).toBe(120000000);
    expect(amounts('奖励三千元')).toEqual([[3000, '元', 3000]]);
    expect(amounts('奖励十万元')).toEqual([[10, '万元', 100000]]);
  });
  it('skips words and tables', () => {
    expect(amounts('推进投资主体多元化，元旦期间，一元化管理，数十万元，约5千元')).toEqual([]);
    expect(extractAmounts(docOf({ kind: 'table', text: '合计 500万元', lines: [1, 1] }))).toEqual([]);
  });
  it('keeps the clause around it', () => {
    const [a] = extractAmounts(docOf('前一句话。对年度新增纳入统计的服务业调查单位给予10万元一次性奖励。县服务业领导小组负责'));
    expect(a!.context).toBe('对年度新增纳入统计的服务业调查单位给予10万元一次性奖励。');
    expect(a!.text).toBe('10万元');
    expect(clauseContext('a'.repeat(100), 50, 52).length).toBe(62);
  });
  it('finds the amounts of the samples', () => {
    const all = docsOf('wutai-2021-no4.txt').flatMap((x) => extractAmounts(x));
    const big = all.find((x) => x.text === '24267.9897万元');
    expect(big).toMatchObject({ value: 24267.9897, unit: '万元', yuan: 242679897, lines: [76, 76] });
    expect(big!.context).toContain('统筹整合资金规模为24267.9897万元');
    const reward = extractAmounts(doc('wutai-2023-no2.txt', '五政办发〔2023〕28号'));
    expect(reward.map((x) => x.text)).toContain('10万元');
  });
  // A hang guard (the test's timeout), not a speed check: timings are in bench/linear-time.mjs.
  it('finishes on long paragraphs', () => {
    expect(extractAmounts(docOf('1'.repeat(20000) + '元'.repeat(5000) + '一二三四五'.repeat(3000)))).toEqual([]);
    expect(amounts(`${'9'.repeat(400)}元`)).toEqual([]);
  }, 60_000);
});

describe('contacts', () => {
  it('finds phones, mobiles and e-mail', () => {
    expect(contacts('联系电话：0350-6522345')).toEqual(['phone:0350-6522345']);
    expect(contacts('咨询电话（0350）6522345')).toEqual(['phone:0350-6522345']);
    expect(contacts('联系电话：6522345、6522346')).toEqual(['phone:6522345', 'phone:6522346']);
    expect(contacts('联系人：刘斌 电话：13935036926 邮箱：xzwtzjj@163.com')).toEqual(['phone:13935036926', 'email:xzwtzjj@163.com']);
  });
  it('finds the forms without seven digits in a row (the quick pre-check lets them through)', () => {
    expect(contacts('手机：139-3503-6926')).toEqual(['phone:139-3503-6926']);
    expect(contacts('服务热线：400-123-4567')).toEqual(['hotline:400-123-4567']);
    expect(contacts('拨打96156咨询')).toEqual(['hotline:96156']);
    expect(contacts('邮箱：a@b.cn')).toEqual(['email:a@b.cn']);
    expect(contacts('2022年10月1日起，全县120个村')).toEqual([]);
  });
  it('finds hotlines only where written as one', () => {
    expect(contacts('依托“12345”政务服务热线等渠道')).toEqual(['hotline:12345']);
    expect(contacts('完善12345政务服务便民热线网络')).toEqual(['hotline:12345']);
    expect(contacts('建立全县统一的“12319”燃气报警电话')).toEqual(['hotline:12319']);
    expect(contacts('发现火情立即拨打119或12345')).toEqual(['hotline:119', 'hotline:12345']);
    expect(contacts('办好12385残疾人热线')).toEqual(['hotline:12385']);
    expect(contacts('蒋坊220千伏输电工程，110千伏变电站，共12345人')).toEqual([]);
  });
  it('excludes years, amounts, serials and ID-like strings', () => {
    expect(contacts('2021年完成6522345万元投资，全县共1234567人')).toEqual([]);
    expect(contacts('五政办发〔2021〕12345号')).toEqual([]);
    expect(contacts('身份证号142222199001011234，账号6222021305001234567')).toEqual([]);
    expect(contacts('编号6522345的项目')).toEqual([]);
  });
  it('finds the contacts of the samples', () => {
    const gas = extractContacts(doc('wutai-2021-no4.txt', '五政办发〔2021〕64号'));
    expect(gas.map((c) => `${c.kind}:${c.value}`)).toEqual(['hotline:12319', 'phone:13935036926', 'email:xzwtzjj@163.com']);
    expect(gas[1]!.context).toContain('电话：13935036926');
    const disabled = extractContacts(doc('wutai-2023-no2.txt', '五政发〔2023〕17号'));
    expect(disabled.map((c) => c.value)).toEqual(['12385', '12385']);
  });
  // A hang guard (the test's timeout), not a speed check: timings are in bench/linear-time.mjs.
  it('finishes on long paragraphs', () => {
    expect(contacts(`${'1'.repeat(20000)} ${'a'.repeat(20000)}@ 电话：${'12345 '.repeat(2000)}`)).toEqual(['hotline:12345']);
  }, 60_000);
});
