// Issue layout noise, learned from the input: running heads at page breaks,
// 目录 entries that end at their page number, dates with every printed zero,
// recipients that share one phrase.
import { describe, expect, it } from 'vitest';
import { removeRunningHeads } from '../../src/text/running-heads.js';
import { toSourceLine, toSourceLines } from '../../src/text/lines.js';
import { parseDateLine } from '../../src/parse/dates.js';
import { parseToc, readTocEntry } from '../../src/parse/toc.js';
import { splitRecipients } from '../../src/parse/anatomy.js';
import { parseIssueText } from '../../src/parse/issue.js';

const page = (n: number, body: string[]) => [...body, '', `— ${n} —`, '', '某省人民政府公报', ''];

describe('running heads', () => {
  it('learns a line repeated at most page breaks and blanks it there only', () => {
    const raw = ['某省人民政府公报', '2020年第1期', '', ...page(1, ['第一段文字']), ...page(2, ['第二段文字']), ...page(3, ['人力资源社会保']), '障部负责。'];
    const { lines, learned } = removeRunningHeads(raw.map((r, i) => toSourceLine(r, i + 1)));
    expect(learned).toEqual(['某省人民政府公报']);
    expect(lines[0]!.text).toBe('某省人民政府公报');
    expect(lines.filter((l) => l.runningHead)).toHaveLength(3);
  });
  it('learns nothing from a text with few page breaks or no repetition', () => {
    const raw = ['甲', '— 1 —', '乙', '— 2 —', '丙', '— 3 —', '丁'];
    expect(removeRunningHeads(raw.map((r, i) => toSourceLine(r, i + 1))).learned).toEqual([]);
  });
  it('keeps a running head out of a paragraph split across a page break', () => {
    const body = ['某县人民政府关于做好某事的通知', '某政发〔2020〕1号', '各乡（镇）人民政府：', '请县人力资源社会保', '— 1 —', '某县政府公报', '障局牵头负责。',
      '— 2 —', '某县政府公报', '第二件事。', '— 3 —', '某县政府公报', '第三件事。', '某县人民政府', '2020年1月2日'];
    const p = parseIssueText(body.join('\n'));
    expect(p.documents[0]!.text).toContain('请县人力资源社会保障局牵头负责。');
    expect(p.diagnostics.map((d) => d.code)).toContain('running-head-removed');
  });
});

describe('dates with every zero', () => {
  it('reads 〇 ○ 零 and a Latin o or O', () => {
    for (const s of ['二〇一一年三月五日', '二○一一年三月五日', '二零一一年三月五日', '二o一一年三月五日', '二O一一年三月五日']) expect(parseDateLine(s)).toBe('2011-03-05');
  });
});

describe('目录 entries end at their page number', () => {
  it('reads a page after leaders without parentheses', () => {
    expect(readTocEntry('3、某市人民政府关于某事的通知 某政发〔2020〕1号……12').page).toBe(12);
  });
  it('does not let the last entry swallow the lines after it', () => {
    const scan = parseToc(toSourceLines('目录\n1、某市人民政府关于某事的通知……(1)\n某市人民政府关于另一事的通知\n'));
    expect(scan.entries).toHaveLength(1);
    expect(scan.entries[0]!.title).toBe('某市人民政府关于某事的通知');
  });
});

describe('recipients', () => {
  it('keeps shared phrases whole and splits whole units', () => {
    expect(splitRecipients('各省、自治区、直辖市人民政府，国务院各部委、各直属机构：')).toEqual(['各省、自治区、直辖市人民政府', '国务院各部委、各直属机构']);
    expect(splitRecipients('县委组织部、县民政局：')).toEqual(['县委组织部', '县民政局']);
    expect(splitRecipients('各乡（镇）人民政府，县直各局、办：')).toEqual(['各乡（镇）人民政府', '县直各局、办']);
  });
});

describe('order numbers in the 目录', () => {
  it('reads `国令第N号` and a city order number at the end of an entry', () => {
    expect(readTocEntry('5、专利代理条例 国令第706号……（19）')).toEqual({ title: '专利代理条例', docNumber: '国令第706号', page: 19 });
    expect(readTocEntry('2、某某市城市绿化管理办法 某某市人民政府令第3号（4）').docNumber).toBe('某某市人民政府令第3号');
  });
  it('cuts a 答复 or 函 title off the 文号 that follows it', () => {
    expect(readTocEntry('3、某市人民政府办公室对某建议的答复 某办函〔2006〕82号……（7）').docNumber).toBe('某办函〔2006〕82号');
    expect(readTocEntry('4、某省人民政府办公厅关于印发某预案的函 某政办函〔2005〕57号……（8）').docNumber).toBe('某政办函〔2005〕57号');
  });
});

describe('linear time', () => {
  it('does not re-scan the body per 目录 entry: work grows with lines + entries, not their product', async () => {
    const { splitWork } = await import('../../src/parse/split.js');
    const work = (n: number) => {
      // n 目录 entries with the same opening, none printed in the body; n body lines that open like them but never match.
      const toc = Array.from({ length: n }, (_, i) => `${i + 1}、某某市人民政府关于第${i}项工作的通知……（${i + 1}）`);
      const body = Array.from({ length: n }, (_, i) => `某某市人民政府关于第${i}件事情的说明文字`);
      const text = ['某某市政府公报', '2020年第1期', '目录', ...toc, '某某市人民政府关于某事的通知', '某政发〔2020〕1号', '各县人民政府：', ...body, '某某市人民政府', '2020年1月2日'].join('\n');
      splitWork.steps = 0;
      parseIssueText(text);
      return splitWork.steps;
    };
    const small = work(500);
    const large = work(4000);
    expect(large / small).toBeLessThan(8 * 1.5);
    expect(large).toBeLessThan(200 * 8000);
  });
});
