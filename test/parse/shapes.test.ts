// Document header shapes beyond the 五台 samples: single 公文 inputs, 答复,
// letter-spaced titles, 令, 文号 above the title or in parentheses, joint
// issuers, 转发 notices, a 目录 inside an enclosure.
import { describe, expect, it } from 'vitest';
import { parseIssueText } from '../../src/parse/issue.js';
import { issuerFromTitle, isOrganOnly, joinOrgans, transmittedOrgan } from '../../src/parse/organs.js';
import { orderNumber, orderOrgan } from '../../src/parse/order.js';
import { findSignature } from '../../src/parse/anatomy.js';
import { toSourceLines } from '../../src/text/lines.js';

const doc = (...paras: string[]) => paras.join('\n\n') + '\n';
const one = (text: string) => {
  const p = parseIssueText(text);
  expect(p.documents).toHaveLength(1);
  return { issue: p.issue, d: p.documents[0]!, diagnostics: p.diagnostics };
};

describe('organs in titles', () => {
  it('reads the transmitting organ of a 转发 notice and records the transmitted one', () => {
    expect(issuerFromTitle('某市人民政府办公室转发市教育局关于加强校园安全工作意见的通知')).toBe('某市人民政府办公室');
    expect(transmittedOrgan('某市人民政府办公室转发市教育局关于加强校园安全工作意见的通知')).toBe('市教育局');
    expect(issuerFromTitle('某省人民政府批转省发展改革委关于某事报告的通知')).toBe('某省人民政府');
  });
  it('keeps a joint issuer with its 、', () => {
    expect(issuerFromTitle('甲市人民政府办公室、甲市军分区关于做好征兵工作的通知')).toBe('甲市人民政府办公室、甲市军分区');
    expect(joinOrgans('甲市人民政府办公室　乙市人民政府办公室')).toBe('甲市人民政府办公室、乙市人民政府办公室');
    expect(joinOrgans('某县人民政府 办公室')).toBe('某县人民政府办公室');
    expect(isOrganOnly('甲市人民政府办公室、甲市中级人民法院')).toBe(true);
  });
  it('reads the organ of a 答复 without 关于', () => {
    expect(issuerFromTitle('某市人民政府办公室对市政协十届三次会议第12号提案的答复')).toBe('某市人民政府办公室');
  });
});

describe('令', () => {
  it('reads the organ and number of an order heading', () => {
    expect(orderOrgan('中华人民共和国国务院令')).toBe('国务院');
    expect(orderOrgan('某某市人民政府令')).toBe('某某市人民政府');
    expect(orderOrgan('请严格执行命令')).toBeNull();
    expect(orderNumber('国务院', 706)).toBe('国令第706号');
    expect(orderNumber('某某市人民政府', 3)).toBe('某某市人民政府令第3号');
  });
  it('parses an order: title is what it promulgates, signer and date pair', () => {
    const { d, issue } = one(doc('某某市人民政府令', '第三号', '《某某市城市绿化管理办法》已经2020年5月6日市人民政府第9次常务会议通过，现予公布，自2020年7月1日起施行。',
      '市长　　张某某', '2020年5月20日', '某某市城市绿化管理办法', '第一条　为了加强城市绿化管理，制定本办法。', '第二条　本办法自2020年7月1日起施行。'));
    expect(issue.standalone).toBe(true);
    expect(d).toMatchObject({ docNumber: '某某市人民政府令第3号', title: '某某市城市绿化管理办法', issuer: '某某市人民政府', date: '2020-05-20' });
    expect(d.order).toEqual({ heading: '某某市人民政府令', organ: '某某市人民政府' });
  });
});

describe('single 公文 headers', () => {
  it('accepts a 答复 whose title wraps, with no cover-missing warning', () => {
    const { d, issue, diagnostics } = one(doc('某市人民政府办公室对市十五届人大', '二次会议第88号建议的答复', '某办函〔2021〕9号', '张某代表：',
      '您提出的建议收悉，现答复如下：', '感谢您对政府工作的关心和支持。', '某市人民政府办公室', '2021年7月1日'));
    expect(issue.standalone).toBe(true);
    expect(diagnostics.map((x) => x.code)).not.toContain('cover-missing');
    expect(d).toMatchObject({ docNumber: '某办函〔2021〕9号', title: '某市人民政府办公室对市十五届人大二次会议第88号建议的答复', issuer: '某市人民政府办公室', date: '2021-07-01' });
  });
  it('reads a letter-spaced title and ignores a 目录 inside the enclosure', () => {
    const { d } = one(doc('某省人民政府办公厅关于印发', '某 省 防 汛 应 急 预 案 的 函', '某政办函〔2019〕5号', '各市人民政府：',
      '《某省防汛应急预案》已经省人民政府同意，现印发给你们，请认真实施。', '某省人民政府办公厅', '二〇一九年三月二日', '某省防汛应急预案', '目　　录', '1　总则', '2　组织体系', '1　总则', '本预案自印发之日起实施。'));
    expect(d).toMatchObject({ title: '某省人民政府办公厅关于印发某省防汛应急预案的函', date: '2019-03-02' });
  });
  it('finds a 文号 printed above the title or in parentheses under it', () => {
    expect(one(doc('某政发〔2020〕1号', '某市人民政府关于加强耕地保护的通知', '各县（区）人民政府：', '现就有关事项通知如下。', '某市人民政府', '2020年1月2日')).d)
      .toMatchObject({ docNumber: '某政发〔2020〕1号', title: '某市人民政府关于加强耕地保护的通知', issuer: '某市人民政府' });
    expect(one(doc('某市人民政府关于加强耕地保护的通知', '（某政发〔2020〕1号）', '各县（区）人民政府：', '现就有关事项通知如下。', '某市人民政府', '2020年1月2日')).d)
      .toMatchObject({ docNumber: '某政发〔2020〕1号', issuer: '某市人民政府' });
  });
  it('keeps a joint issuer line in the title and joins a spaced joint signature with 、', () => {
    const { d } = one(doc('甲市人民政府办公室、甲市军分区', '关于做好征兵工作的通知', '甲政办发〔2020〕3号', '各县人民政府：', '现通知如下。',
      '甲市人民政府办公室　　甲市军分区', '2020年3月1日'));
    expect(d).toMatchObject({ title: '甲市人民政府办公室、甲市军分区关于做好征兵工作的通知', issuer: '甲市人民政府办公室、甲市军分区' });
  });
  it('takes the issuer a 转发 notice signs, not the transmitted organ', () => {
    const { d } = one(doc('某市人民政府办公室转发市教育局关于', '加强校园安全工作意见的通知', '某政办发〔2020〕8号', '各县人民政府：',
      '市教育局《关于加强校园安全工作的意见》已经市人民政府同意，现转发给你们。', '某市人民政府办公室', '2020年4月1日', '关于加强校园安全工作的意见', '一、总体要求'));
    expect(d.issuer).toBe('某市人民政府办公室');
    expect(d.transmits).toEqual({ organ: '市教育局', title: '关于加强校园安全工作的意见' });
  });
  it('takes the signature when the title misprints its organ, and says so', () => {
    const { d } = one(doc('某县人民政府政府办公室关于做好防汛工作的通知', '某政办发〔2022〕5号', '各乡（镇）人民政府：', '现通知如下。', '某县人民政府办公室', '2022年6月1日'));
    expect(d.issuer).toBe('某县人民政府办公室');
    const diag = d.diagnostics.find((x) => x.code === 'issuer-differs');
    expect(diag?.message).toContain('某县人民政府政府办公室');
    expect(diag?.message).toContain('某县人民政府办公室');
  });
  it('does not take a section heading `三、关于…的意见` for a document', () => {
    const p = parseIssueText(doc('某市人民政府关于某事的通知', '某政发〔2020〕2号', '各县人民政府：', '现通知如下。', '某市人民政府', '2020年1月2日',
      '（此件公开发布）', '三、关于进一步加强工作的意见', '各县、各部门：', '要加强领导。'));
    expect(p.documents).toHaveLength(1);
  });
});

describe('signature across a page break', () => {
  it('pairs an organ with its date across blank lines and a page number', () => {
    const s = findSignature(toSourceLines('现通知如下。\n某县人民政府\n\n— 3 —\n\n2022年6月1日\n'), 0, 6);
    expect(s).toMatchObject({ organ: '某县人民政府', date: '2022-06-01' });
  });
});
