import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractTables } from '../../src/parse/tables.js';
import { compact, toSourceLines, type SourceLine } from '../../src/text/lines.js';

const SAMPLES = '/work/shared/samples';
const load = (name: string): SourceLine[] => toSourceLines(readFileSync(`${SAMPLES}/${name}.txt`, 'utf8'));
const src = (...rows: string[]): SourceLine[] => toSourceLines(rows.join('\n'));

const indexOf = (lines: SourceLine[], text: string, from = 0, exact = false): number => {
  const i = lines.findIndex((l, k) => k >= from && (exact ? compact(l.text) === text : compact(l.text).includes(text)));
  if (i < 0) throw new Error(`not found: ${text}`);
  return i;
};

/** One document: from its 文号 line to the title of the document numbered `nextDocNo`. */
function documentSlice(lines: SourceLine[], docNo: string, nextDocNo: string): SourceLine[] {
  // The 文号 alone on a line: the table of contents prints it beside the title.
  const start = indexOf(lines, docNo, 0, true);
  let end = indexOf(lines, nextDocNo, start + 1, true) - 1;
  while (lines[end]!.blank) end--;
  return lines.slice(start, end);
}

describe('extractTables on the samples', () => {
  const y2023 = load('wutai-2023-no2');

  it('reads the 权责清单 as one table of 152 rows numbered 1..152', () => {
    const doc = documentSlice(y2023, '五政办发〔2023〕25号', '五政办发〔2023〕26号');
    const { tables, diagnostics } = extractTables(doc);
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.header).toEqual(['序号', '职权类型', '职权名称', '职权依据']);
    expect(t.caption).toBe('五台县乡镇权责清单参考目录（2023年版）');
    expect(t.rows).toHaveLength(152);
    expect(t.rows.map((r) => r[0])).toEqual(Array.from({ length: 152 }, (_, i) => String(i + 1)));
    expect(t.rows.every((r) => r.length === 4)).toBe(true);
    expect(diagnostics).toEqual([]);
  });

  it('reads the 资金计划 as one table of 14 columns with a two-row header and no repeated headers', () => {
    const doc = documentSlice(y2023, '五政发〔2023〕24号', '五政办发〔2023〕19号');
    const { tables, consumed } = extractTables(doc);
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.caption).toBe('五台县2023年第二批统筹整合资金计划');
    expect(t.header).toHaveLength(14);
    // Half the page-break copies of the header are shifted by a column; the aligned copy wins.
    expect(t.header.slice(6)).toEqual([
      '主要建设规模内容及补助标准',
      '资金来源/合计',
      '资金来源/中央衔接',
      '资金来源/省级衔接',
      '资金来源/市级衔接',
      '资金来源/整合中央',
      '资金来源/整合省级',
      '绩效目标',
    ]);
    expect(t.headerRows).toHaveLength(2);
    const labels = new Set(['序号', '合计中央衔接省级衔接市级衔接整合中央整合省级']);
    expect(t.rows.filter((r) => labels.has(r.join('')) || r[0] === '序号')).toEqual([]);
    expect(t.rows.every((r) => r.length === 14)).toBe(true);
    // 合计, four category subtotals and 25 + 41 + 2 + 5 projects.
    expect(t.rows).toHaveLength(78);
    expect(t.rows[0]!.slice(0, 8)).toEqual(['合计', '', '', '', '', '', '', '4639.97']);
    expect(t.rows.find((r) => r[0] === '三、易地搬迁后续扶持类')?.slice(7)).toEqual(['66', '0', '0', '35', '23', '8', '']);
    const first = indexOf(doc, '第二批统筹整合资金计划', indexOf(doc, '附件'));
    expect(t.lines).toEqual([doc[first]!.no, doc[first]!.no + 102]);
    expect(consumed.has(doc[first]!.no)).toBe(true);
  });

  it('finds every table of the 2023 issue and reports the tab-joined 领导小组 list', () => {
    const { tables, diagnostics, consumed } = extractTables(y2023);
    expect(tables.map((t) => [t.header.length, t.rows.length])).toEqual([
      [4, 11], // 专栏 1 主要指标
      [14, 78], // 资金计划
      [9, 12], // 示范户奖补审批表 (a form)
      [8, 16], // 资金分配表
      [4, 152], // 权责清单
    ]);
    const column = tables[0]!;
    expect(column.caption).toBe('专栏1五台县“十四五”残疾人保障和发展主要指标');
    expect(column.header).toEqual(['类别', '指标', '2025年', '属性']);
    expect(column.rows[1]![0]).toBe('');
    const alloc = tables[3]!;
    expect(alloc.caption).toBe('五台县支持发展庭院经济资金分配表（单位：户、人、万元）');
    expect(alloc.header).toEqual(['乡镇', '脱贫户/户数', '脱贫户/人数', '监测户/户数', '监测户/人数', '任务数', '金额', '备注']);
    expect(alloc.headerRows).toEqual([
      ['乡镇', '脱贫户', '', '监测户', '', '任务数', '金额', '备注'],
      ['', '户数', '人数', '户数', '人数', '', '', ''],
    ]);
    expect(alloc.rows.at(-1)).toEqual(['合计', '24490', '56266', '1685', '3524', '1055', '211', '']);
    const roster = indexOf(y2023, '组长：马峰');
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'interleaved-columns', line: y2023[roster]!.no })]);
    for (let k = roster - 2; k <= roster + 2; k++) expect(consumed.has(y2023[k]!.no)).toBe(false);
    // Every tab line outside the roster belongs to a table.
    const tabLines = y2023.filter((l) => l.cells && !l.blank && Math.abs(l.no - y2023[roster]!.no) > 2);
    expect(tabLines.filter((l) => !consumed.has(l.no))).toEqual([]);
  });

  it('reports the two-column 指挥部 name list of 2022-no4-part2 and leaves it as text', () => {
    const lines = load('wutai-2022-no4-part2');
    const { tables, diagnostics, consumed } = extractTables(lines);
    expect(tables).toEqual([]);
    expect(consumed.size).toBe(0);
    const at = indexOf(lines, '张文荣县交通运输局高峰');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'warning', code: 'interleaved-columns', line: lines[at]!.no });
    expect(diagnostics[0]!.message).toMatch(/双栏/);
  });

  it('reads the 2021 文物名单 with its caption', () => {
    const lines = load('wutai-2021-no4');
    const { tables } = extractTables(lines);
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({ caption: '撤销尚未核定为文物保护单位的不可移动文物名单', header: ['序号', '不可移动文物名称', '地址'] });
    expect(tables[0]!.rows.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('reads the 2022-no1 plan: a headerless 目录 and tables 4-1 and 5-1 across page breaks', () => {
    const lines = load('wutai-2022-no1');
    const { tables, diagnostics } = extractTables(lines);
    expect(diagnostics).toEqual([]);
    expect(tables.map((t) => [t.caption, t.header.length, t.rows.length])).toEqual([
      ['目录', 2, 28],
      ['表4-1五台县“十四五”规划地质灾害隐患点治理工程计划表', 6, 7],
      ['表5-1地质灾害防治“十四五”规划投资匡算一览表', 3, 20],
    ]);
    const [toc, plan, budget] = tables as [(typeof tables)[0], (typeof tables)[0], (typeof tables)[0]];
    expect(toc.header).toEqual(['', '']);
    expect(toc.rows[0]).toEqual(['前言', '5']);
    // Dot leaders and the `<b>` markup of the 目录 are layout, not content.
    expect(toc.rows.find((r) => r[0]!.startsWith('六、'))).toEqual(['六、保障措施', '30']);
    expect(plan.rows[2]![1]).toBe('黑虎岔村崩塌隐患排危除险项目');
    expect(budget.header).toEqual(['项目名称', '投资估算（万元）', '']);
    expect(budget.rows.find((r) => r[0] === '五台县地质灾害风险调查评价')).toEqual(['五台县地质灾害风险调查评价', '', '省政府财政资金']);
    expect(budget.rows.at(-1)).toEqual(['合计', '1166', '']);
  });
});

describe('extractTables rules', () => {
  it('does not take a single tab line, or lines of one field, for a table', () => {
    const scan = extractTables(src('正文一段。', '标题\t5', '又一段。', '甲\t', '乙\t'));
    expect(scan.tables).toEqual([]);
    expect(scan.consumed.size).toBe(0);
  });

  it('drops headers reprinted at page breaks, however they are spaced', () => {
    const scan = extractTables(
      src('序号\t名 称\t金额', '1\t甲\t10', '2\t乙\t20', '', '- 12 -', '', '序 号\t名称\t金 额', '3\t丙\t30', '序号\t名称\t金额', '4\t丁\t40'),
    );
    expect(scan.tables).toHaveLength(1);
    expect(scan.tables[0]!.header).toEqual(['序号', '名称', '金额']);
    expect(scan.tables[0]!.rows.map((r) => r[0])).toEqual(['1', '2', '3', '4']);
    expect(scan.tables[0]!.lines).toEqual([1, 10]);
    expect([...scan.consumed].sort((a, b) => a - b)).toEqual([1, 2, 3, 7, 8, 9, 10]);
  });

  it('starts a new table after a break when the row shape changes', () => {
    const scan = extractTables(src('甲\t乙', '1\t2', '', '丙\t丁\t戊', '3\t4\t5'));
    expect(scan.tables.map((t) => t.header)).toEqual([
      ['甲', '乙'],
      ['丙', '丁', '戊'],
    ]);
  });

  it('joins wrapped cell text to the row above it, and stops at real text', () => {
    const scan = extractTables(
      src('序号\t项目\t备注', '1\t道路硬化\t改善村容', '村貌。', '2\t护坡\t保障安全', '', '一、下一节标题', '正文继续。'),
    );
    const t = scan.tables[0]!;
    expect(t.rows).toEqual([
      ['1', '道路硬化', '改善村容村貌。'],
      ['2', '护坡', '保障安全'],
    ]);
    expect(t.lines).toEqual([1, 4]);
    expect(scan.consumed.has(3)).toBe(true);
    expect(scan.consumed.has(6)).toBe(false);
  });

  it('keeps every row at the header width: pads short rows, re-aligns or folds long ones', () => {
    const scan = extractTables(src('甲\t乙\t丙', '1\t2', '\t1\t2\t3', '1\t2\t3\t4', '1\t2\t3', '1\t2\t3\t\t'));
    const t = scan.tables[0]!;
    expect(t.rows).toEqual([
      ['1', '2', ''],
      ['1', '2', '3'],
      ['1', '2', '3 4'],
      ['1', '2', '3'],
      ['1', '2', '3'],
    ]);
    expect(scan.diagnostics).toEqual([expect.objectContaining({ severity: 'info', code: 'table-row-overflow', line: 4 })]);
  });

  it('keeps bold subtotal rows as rows', () => {
    const scan = extractTables(src('类别\t金额', '<b>一、产业</b>\t<b>30</b>', '1\t30'));
    expect(scan.tables[0]!.rows).toEqual([
      ['一、产业', '30'],
      ['1', '30'],
    ]);
  });

  it('takes the caption and unit note above the table, but never an outline heading', () => {
    const withUnit = extractTables(src('表 3-2 项目清单', '', '单位：万元', '', '项目\t金额', '甲\t1', '乙\t2'));
    expect(withUnit.tables[0]!.caption).toBe('表3-2项目清单（单位：万元）');
    expect(withUnit.tables[0]!.lines).toEqual([1, 7]);
    expect([...withUnit.consumed]).toEqual(expect.arrayContaining([1, 3]));

    const unitOnly = extractTables(src('详见下表：', '（单位：户）', '乡镇\t户数', '甲\t1'));
    expect(unitOnly.tables[0]!.caption).toBe('（单位：户）');
    expect(unitOnly.consumed.has(1)).toBe(false);

    const heading = extractTables(src('一、主要指标', '项目\t金额', '甲\t1'));
    expect(heading.tables[0]!.caption).toBeNull();
    expect(heading.consumed.has(1)).toBe(false);
  });

  it('takes a one-field first row as the title printed inside the table', () => {
    const scan = extractTables(src('专栏 2 重点工程\t\t', '类别\t工程\t规模', '交通\t道路\t10', '\t桥梁\t2'));
    const t = scan.tables[0]!;
    expect(t.caption).toBe('专栏2重点工程');
    expect(t.header).toEqual(['类别', '工程', '规模']);
    expect(t.rows).toHaveLength(2);
  });

  it('merges a spanning parent with its children, whichever header copy comes first', () => {
    // As in the 资金计划: the shifted copy moves the last parent label left and the last child right.
    const aligned = ['序号\t资金\t\t\t目标', '\t中央\t省级\t市级\t'];
    const shifted = ['序号\t资金\t\t目标\t', '\t中央\t省级\t\t市级'];
    const data = ['1\t10\t5\t3\t好', '2\t20\t6\t4\t优'];
    for (const [a, b] of [
      [shifted, aligned],
      [aligned, shifted],
    ]) {
      const scan = extractTables(src(...a!, data[0]!, '', ...b!, data[1]!));
      const t = scan.tables[0]!;
      expect(t.header).toEqual(['序号', '资金/中央', '资金/省级', '资金/市级', '目标']);
      expect(t.headerRows).toEqual([
        ['序号', '资金', '', '', '目标'],
        ['', '中央', '省级', '市级', ''],
      ]);
      expect(t.rows.map((r) => r[0])).toEqual(['1', '2']);
    }
  });

  it('does not take a first data row with merged leading cells for a child header', () => {
    const scan = extractTables(src('项目\t金额\t', '\t\t县政府出资', '甲\t1\t县政府出资'));
    expect(scan.tables[0]!.headerRows).toBeUndefined();
    expect(scan.tables[0]!.rows).toHaveLength(2);
  });

  it('reports a roster joined with tabs instead of building a table', () => {
    const scan = extractTables(src('组 长：\t王 鑫\t县长', '副组长：\t李 明\t副县长', '成 员：\t赵 刚\t局长'));
    expect(scan.tables).toEqual([]);
    expect(scan.consumed.size).toBe(0);
    expect(scan.diagnostics).toEqual([expect.objectContaining({ code: 'interleaved-columns', severity: 'warning', line: 1 })]);
  });

  // A hang guard (the test's timeout), not a speed check: timings are in bench/linear-time.mjs.
  it('finishes on a long table', () => {
    const rows: string[] = [];
    for (let page = 0; page < 4000; page++) {
      rows.push('序号\t名称\t依据\t备注');
      for (let r = 0; r < 8; r++) rows.push(`${page * 8 + r + 1}\t${'名称'.repeat(20)}\t${'依据，'.repeat(30)}依据\t`);
      rows.push('', '- 3 -', '');
    }
    const lines = src(...rows);
    const scan = extractTables(lines);
    expect(scan.tables).toHaveLength(1);
    expect(scan.tables[0]!.rows).toHaveLength(32000);
  }, 60_000);
});

describe('extractTables invariants', () => {
  const cell = fc.constantFrom('', '1', '23.5', '甲', '名称', '资金来源', '合计', '改善村容，', '组 长：', ' 序号 ');
  const line = fc.oneof(
    fc.array(cell, { minLength: 1, maxLength: 6 }).map((cs) => cs.join('\t')),
    fc.constantFrom('', '- 7 -', '正文一段。', '表1 清单', '单位：万元', '一、标题', '短行'),
  );

  it('keeps rows at header width, claims only its own lines, and never overlaps tables', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (rows) => {
        const lines = src(...rows);
        const scan = extractTables(lines);
        const nos = new Set(lines.map((l) => l.no));
        for (const no of scan.consumed) expect(nos.has(no)).toBe(true);
        let prevEnd = 0;
        for (const t of scan.tables) {
          expect(t.header.length).toBeGreaterThan(0);
          for (const r of t.rows) expect(r).toHaveLength(t.header.length);
          for (const r of t.headerRows ?? []) expect(r).toHaveLength(t.header.length);
          expect(t.lines[0]).toBeLessThanOrEqual(t.lines[1]);
          expect(t.lines[0]).toBeGreaterThan(prevEnd);
          expect(scan.consumed.has(t.lines[0])).toBe(true);
          prevEnd = t.lines[1];
        }
        expect(extractTables(lines)).toEqual(scan);
      }),
      { numRuns: 300 },
    );
  });
});
