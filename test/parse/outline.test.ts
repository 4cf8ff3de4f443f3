import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchMarker, parseChineseNumber, splitRunIn } from '../../src/parse/markers.js';
import { buildOutline } from '../../src/parse/outline.js';
import type { Block, OutlineNode } from '../../src/parse/types.js';

const kindOf = (s: string) => matchMarker(s)?.kind ?? null;

describe('Chinese numerals', () => {
  it.each([
    ['一', 1], ['九', 9], ['十', 10], ['十一', 11], ['二十', 20], ['二十三', 23], ['九十九', 99],
    ['一百', 100], ['一百零五', 105], ['一百一十二', 112], ['一〇', 10], ['二〇', 20],
  ])('%s → %i', (s, n) => expect(parseChineseNumber(s)).toBe(n));
  it.each(['', '〇', '零', '一二', '十十', '零五', '百', '一百五'])('rejects %j', (s) => expect(parseChineseNumber(s)).toBeNull());
});

describe('matchMarker', () => {
  it('cn-dun 一、', () => {
    expect(matchMarker('一、指导思想')).toEqual({ kind: 'cn-dun', marker: '一、', ordinal: 1, rest: '指导思想' });
    expect(matchMarker('二十三、  其他')).toMatchObject({ ordinal: 23, rest: '其他' });
    expect(matchMarker('十一、附则')).toMatchObject({ ordinal: 11 });
    expect(matchMarker('一、一网通办')).toMatchObject({ kind: 'cn-dun' });
  });
  it('an enumeration of consecutive numerals is no heading', () => {
    expect(matchMarker('一、二级医院要做好')).toBeNull();
    expect(matchMarker('三、四季度完成')).toBeNull();
    expect(matchMarker('一、二、三级')).toBeNull();
  });
  it('cn-paren （一） in full- and half-width, with spaces', () => {
    for (const s of ['（一）高度重视。', '(一)高度重视。', '（ 一 ） 高度重视。', '( 一 )高度重视。']) {
      expect(matchMarker(s)).toMatchObject({ kind: 'cn-paren', marker: s.startsWith('(') ? '(一)' : '（一）', ordinal: 1, rest: '高度重视。' });
    }
    expect(matchMarker('（十二）建立节水奖励机制')).toMatchObject({ ordinal: 12 });
  });
  it('arabic-paren （1） takes 1–3 digits; years and notes are text', () => {
    expect(matchMarker('（1）地质灾害防治工程')).toMatchObject({ kind: 'arabic-paren', marker: '（1）', ordinal: 1 });
    expect(matchMarker('(2) 选择原则')).toMatchObject({ kind: 'arabic-paren', ordinal: 2, rest: '选择原则' });
    expect(matchMarker('（2021）52号')).toBeNull();
    expect(matchMarker('（见附件）')).toBeNull();
    expect(matchMarker('（县水利局牵头）')).toBeNull();
    expect(matchMarker('（0）')).toBeNull();
  });
  it('arabic-dot 1. 1．1、 12.', () => {
    expect(matchMarker('1. 产业发展类：统筹安排')).toEqual({ kind: 'arabic-dot', marker: '1.', ordinal: 1, rest: '产业发展类：统筹安排' });
    expect(matchMarker('1．产业')).toMatchObject({ kind: 'arabic-dot', ordinal: 1 });
    expect(matchMarker('1、五台县人民政府')).toMatchObject({ kind: 'arabic-dot', marker: '1、' });
    expect(matchMarker('12.推进绿色金融发展。')).toMatchObject({ kind: 'arabic-dot', ordinal: 12 });
    expect(matchMarker('1. 5G 场景应用')).toMatchObject({ kind: 'arabic-dot', rest: '5G 场景应用' });
  });
  it('numbers are not arabic-dot markers', () => {
    for (const s of ['1.5万元用于', '3.5%以上', '2022.', '2022年8月25日', '12.30前', '1、2、3号机组', '0. 无', '113.91万元']) {
      expect(matchMarker(s), s).toBeNull();
    }
  });
  it('decimal 1.1 / 1.2.1 with path', () => {
    expect(matchMarker('1.1 编制目的')).toEqual({ kind: 'decimal', marker: '1.1', ordinal: 1, path: [1, 1], rest: '编制目的' });
    expect(matchMarker('1.2.1统一领导，分级负责')).toMatchObject({ kind: 'decimal', marker: '1.2.1', ordinal: 1, path: [1, 2, 1] });
    expect(matchMarker('8.10 火情上报由县防火办统一报')).toMatchObject({ ordinal: 10, path: [8, 10] });
    expect(matchMarker('7.1 分级响应')).toMatchObject({ kind: 'decimal', path: [7, 1] });
    for (const s of ['4.2 个人防护', '5.1 后期处置', '1.2 日常管理']) expect(matchMarker(s), s).toMatchObject({ kind: 'decimal' });
    for (const s of ['1.5万元', '2.5小时内', '1.2 km', '3.0版本', '1.1', '12.31前完成']) expect(matchMarker(s), s).toBeNull();
  });
  it('a bare `1 总则` is a decimal top level only when it reads like a title', () => {
    expect(matchMarker('1 总则')).toEqual({ kind: 'decimal', marker: '1', ordinal: 1, path: [1], rest: '总则' });
    expect(matchMarker('2组织指挥体系及职责')).toMatchObject({ kind: 'decimal', path: [2] });
    expect(matchMarker('9宣传、培训和演习')).toMatchObject({ kind: 'decimal', ordinal: 9 });
    for (const s of ['3个工作日内', '10个工作日内将《行政处罚决定', '1个河道堤段包保责任单位。', '24小时不打烊', '5天内', '2022年', '3分钟内', '1人死亡，重伤', '7家企业完成改造，其余企业要在年底前全部完成改造工作任务']) {
      expect(matchMarker(s), s).toBeNull();
    }
  });
  it('circled and compatibility forms', () => {
    expect(matchMarker('①加强领导')).toMatchObject({ kind: 'circled', marker: '①', ordinal: 1, rest: '加强领导' });
    expect(matchMarker('⑫其他')).toMatchObject({ ordinal: 12 });
    expect(matchMarker('㉑其他')).toMatchObject({ ordinal: 21 });
    expect(matchMarker('⑴其他')).toMatchObject({ kind: 'arabic-paren', ordinal: 1 });
  });
  it('chapter, section, article', () => {
    expect(matchMarker('第一章 总则')).toEqual({ kind: 'chapter', marker: '第一章', ordinal: 1, rest: '总则' });
    expect(matchMarker('第二节 监测')).toMatchObject({ kind: 'section', ordinal: 2 });
    expect(matchMarker('第十二条 本制度自公布之日起施行。')).toMatchObject({ kind: 'article', marker: '第十二条', ordinal: 12, rest: '本制度自公布之日起施行。' });
    expect(matchMarker('第十二条本制度')).toMatchObject({ kind: 'article', rest: '本制度' });
    expect(matchMarker('第一批“跨省通办”事项')).toBeNull();
  });
  it('run-in 一是 only at the start', () => {
    expect(matchMarker('一是强化作风。优良的作风……二是强化效能。')).toEqual({ kind: 'run-in', marker: '一是', ordinal: 1, rest: '强化作风。优良的作风……二是强化效能。' });
    expect(matchMarker('十一是其他')).toMatchObject({ kind: 'run-in', ordinal: 11 });
    expect(matchMarker('要做到：一是强化作风')).toBeNull();
    expect(matchMarker('一是')).toBeNull();
  });
  it('column boxes 专栏N', () => {
    expect(matchMarker('专栏 1 五台县“十四五”残疾人保障和发展主要指标')).toEqual({ kind: 'column', marker: '专栏1', ordinal: 1, rest: '五台县“十四五”残疾人保障和发展主要指标' });
    expect(matchMarker('专栏3 残疾人就业服务重点项目')).toMatchObject({ kind: 'column', ordinal: 3 });
    expect(matchMarker('专栏1五台县')).toMatchObject({ ordinal: 1, rest: '五台县' });
    expect(matchMarker('专栏 二：重点项目')).toMatchObject({ marker: '专栏二', ordinal: 2, rest: '重点项目' });
    expect(matchMarker('专项资金')).toBeNull();
  });
  it('dash items', () => {
    expect(matchMarker('——残疾人家庭收入大幅度提高。')).toEqual({ kind: 'dash', marker: '——', ordinal: 0, rest: '残疾人家庭收入大幅度提高。' });
    expect(matchMarker('—12—')).toBeNull();
    expect(matchMarker('————')).toBeNull();
    expect(matchMarker('--')).toBeNull();
  });
  it('tolerates markdown residue and leading spaces; plain text is no marker', () => {
    expect(matchMarker('## **一、总体要求**')).toMatchObject({ kind: 'cn-dun', rest: '总体要求**' });
    expect(matchMarker('   （三）按时报送')).toMatchObject({ kind: 'cn-paren' });
    for (const s of ['', '各乡（镇）人民政府：', '五台县人民政府', '二〇二二年十二月', '十四五规划']) expect(kindOf(s), s).toBeNull();
  });
  it('never throws, and `rest` is the tail of the text', () => {
    const piece = fc.constantFrom('一', '十', '、', '（', '）', '(', '1', '.', '．', '是', '第', '条', '专栏', '—', '①', ' ', '万', '总则', '。');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((a) => a.join('')), (s) => {
        const m = matchMarker(s);
        if (m) {
          expect(s.endsWith(m.rest)).toBe(true);
          expect(Number.isInteger(m.ordinal) && m.ordinal >= 0).toBe(true);
          expect(m.marker).not.toMatch(/\s/);
        }
      }),
    );
  });
});

describe('splitRunIn', () => {
  it.each([
    ['按时报送。各乡镇要按时报送。', '按时报送', '各乡镇要按时报送。'],
    ['指导思想', '指导思想', ''],
    ['问题集中整治（2021年8月1日至10月31日）', '问题集中整治（2021年8月1日至10月31日）', ''],
    ['产业发展类：统筹安排11357.78万元', '产业发展类', '统筹安排11357.78万元'],
    ['侵占、损毁农田水利设施；', '侵占、损毁农田水利设施', ''],
    ['明确“两个一律。”要求。正文', '明确“两个一律。”要求', '正文'],
    ['统一领导，分级负责', '统一领导，分级负责', ''],
  ])('%s', (rest, title, body) => expect(splitRunIn(rest)).toEqual({ title, body }));
  it('a first sentence longer than a heading is all body', () => {
    const s = `增加“服务业增加值增速”考核指标，权重为4分，全县年度目标为10%，牵头责任部门为县发展和改革局。其他。`;
    expect(splitRunIn(s)).toEqual({ title: '', body: s });
    const long = '各'.repeat(70);
    expect(splitRunIn(long)).toEqual({ title: '', body: long });
  });
  it('splits the 抓落实 run-in heading', () => {
    const m = matchMarker('（五）强化“三个效果”提高执行力。一是强化作风。优良的作风是保证。')!;
    expect(splitRunIn(m.rest)).toEqual({ title: '强化“三个效果”提高执行力', body: '一是强化作风。优良的作风是保证。' });
  });
});

let nextLine = 1;
const p = (text: string, kind: Block['kind'] = 'paragraph'): Block => {
  const line = nextLine;
  nextLine += 2;
  return { kind, text, lines: [line, line + 1] };
};
const build = (texts: (string | Block)[], opts?: { idPrefix?: string }) => {
  nextLine = 1;
  return buildOutline(texts.map((t) => (typeof t === 'string' ? p(t) : t)), opts);
};
/** `id marker title` lines, indented by level: a readable picture of the tree. */
const shape = (nodes: OutlineNode[]): string[] =>
  nodes.flatMap((n) => [`${'  '.repeat(n.level - 1)}${n.id} ${n.marker} ${n.title}`, ...shape(n.children)]);

describe('buildOutline', () => {
  it('nests the main scheme 一、（一）1.（1）①', () => {
    const { nodes, diagnostics } = build(['前言段落。', '一、总体要求', '（一）指导思想', '1. 原则。正文', '（1）细则', '①要点', '（二）基本原则', '二、重点任务']);
    expect(shape(nodes)).toEqual([
      'o1 一、 总体要求',
      '  o1-1 （一） 指导思想',
      '    o1-1-1 1. 原则',
      '      o1-1-1-1 （1） 细则',
      '        o1-1-1-1-1 ① 要点',
      '  o1-2 （二） 基本原则',
      'o2 二、 重点任务',
    ]);
    expect(diagnostics).toEqual([]);
    expect(nodes[0]!.lines).toEqual([3, 4]);
  });
  it('numbering that restarts under each parent raises nothing', () => {
    const { nodes, diagnostics } = build(['一、甲', '（一）子', '1. 甲', '2. 乙', '（二）子', '1. 丙', '二、乙', '（一）子']);
    expect(nodes[0]!.children[1]!.children.map((n) => n.marker)).toEqual(['1.']);
    expect(diagnostics).toEqual([]);
  });
  it('numbering that runs on across sections (1.–58.) raises nothing', () => {
    const { nodes, diagnostics } = build(['一、甲', '（一）科技服务', '1. 甲', '2. 乙', '（二）交通运输', '3. 丙', '二、乙', '（三）现代商贸', '4. 丁', '三、丙', '5. 戊', '6. 己']);
    expect(shape(nodes)).toContain('  o3-1 5. 戊');
    expect(shape(nodes)).toContain('  o2-1 （三） 现代商贸');
    expect(diagnostics).toEqual([]);
  });
  it('warns on a skipped ordinal, at the later node', () => {
    const { diagnostics } = build(['一、甲', '三、丙']);
    expect(diagnostics).toEqual([{ severity: 'warning', code: 'outline-gap', message: expect.stringContaining('「三、」') as string, line: 3 }]);
    expect(build(['（一）甲', '1. a', '2. b', '（二）乙', '4. d']).diagnostics.map((d) => d.code)).toEqual(['outline-gap']);
  });
  it('reports restarts and disorder within one parent', () => {
    const { diagnostics } = build(['一、甲', '二、乙', '一、又一', '二、又二', '二、重复']);
    expect(diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([['info', 'outline-restart', 5], ['warning', 'outline-disorder', 9]]);
  });
  it('a level missing in between closes deeper levels of the same scheme', () => {
    expect(shape(build(['一、甲', '1. a', '2. b', '（一）子']).nodes)).toEqual(['o1 一、 甲', '  o1-1 1. a', '  o1-2 2. b', '  o1-3 （一） 子']);
  });
  it('chapters, sections and articles', () => {
    const { nodes, diagnostics } = build(['第一章 总则', '第一条 为了规范。', '第二条 本办法适用于全县。', '（一）移送书；', '第二章 移送', '第一节 程序', '第三条 移送。']);
    expect(shape(nodes)).toEqual([
      'o1 第一章 总则',
      '  o1-1 第一条 为了规范',
      '  o1-2 第二条 本办法适用于全县',
      '    o1-2-1 （一） 移送书',
      'o2 第二章 移送',
      '  o2-1 第一节 程序',
      '    o2-1-1 第三条 移送',
    ]);
    expect(diagnostics).toEqual([]);
  });
  it('decimal plans nest by path length, bare tops included', () => {
    const { nodes } = build(['五台县森林草原火灾应急预案', '1 总则', '1.1 编制目的', '正文。', '1.2 工作原则', '1.2.1 统一领导，分级负责', '1.2.2 协调配合', '1.3 编制依据', '2 组织指挥体系及职责', '2.1 指挥部', '2.1.1 组织机构']);
    expect(shape(nodes)).toEqual([
      'o1 1 总则',
      '  o1-1 1.1 编制目的',
      '  o1-2 1.2 工作原则',
      '    o1-2-1 1.2.1 统一领导，分级负责',
      '    o1-2-2 1.2.2 协调配合',
      '  o1-3 1.3 编制依据',
      'o2 2 组织指挥体系及职责',
      '  o2-1 2.1 指挥部',
      '    o2-1-1 2.1.1 组织机构',
    ]);
  });
  it('a bare number is no heading outside a decimal plan', () => {
    expect(shape(build(['一、总体要求', '3灭火队伍']).nodes)).toEqual(['o1 一、 总体要求']);
  });
  it('run-ins are leaves; one paragraph may hold several', () => {
    const { nodes, diagnostics } = build(['（五）强化“三个效果”提高执行力。一是强化作风。正文。二是强化效能。正文。', '三是强化结果。正文。', '四是强化问责。', '（六）其他']);
    expect(shape(nodes)).toEqual(['o1 （五） 强化“三个效果”提高执行力', '  o1-1 三是 强化结果', '  o1-2 四是 强化问责', 'o2 （六） 其他']);
    expect(diagnostics).toEqual([]);
    const seq = build(['一、甲', '一是加强领导。二是强化保障。', '三是严格考核。', '五是其他。']);
    expect(seq.diagnostics.map((d) => [d.code, d.line])).toEqual([['outline-gap', 7]]);
  });
  it('dash items are leaves under the current node', () => {
    const { nodes, diagnostics } = build(['（三）主要目标', '——残疾人社会保障水平明显提高。', '——残疾人家庭收入大幅度提高。', '（四）其他']);
    expect(shape(nodes)).toEqual(['o1 （三） 主要目标', '  o1-1 —— 残疾人社会保障水平明显提高', '  o1-2 —— 残疾人家庭收入大幅度提高', 'o2 （四） 其他']);
    expect(diagnostics).toEqual([]);
  });
  it('专栏 boxes hold their own lists and close at the next heading or box', () => {
    const { nodes, diagnostics } = build([
      '二、主要任务', '（二）完善社会保障制度', p('专栏 1 主要指标\t类别\t指标', 'table'), '专栏 2 残疾人社会保障重点项目', '1. 基本生活救助。', '2. 困难补贴。',
      '专栏3 就业服务重点项目', '1. 岗位项目。', '（三）完善就业政策',
    ]);
    expect(shape(nodes)).toEqual([
      'o1 二、 主要任务',
      '  o1-1 （二） 完善社会保障制度',
      '    o1-1-1 专栏2 残疾人社会保障重点项目',
      '      o1-1-1-1 1. 基本生活救助',
      '      o1-1-1-2 2. 困难补贴',
      '    o1-1-2 专栏3 就业服务重点项目',
      '      o1-1-2-1 1. 岗位项目',
      '  o1-2 （三） 完善就业政策',
    ]);
    expect(diagnostics).toEqual([]);
  });
  it('a list that resumes after a 专栏 box leaves the box', () => {
    const { nodes } = build(['一、甲', '1. a', '2. b', '专栏1 项目', '1. x', '2. y', '3. z', '3. c']);
    expect(shape(nodes)).toEqual([
      'o1 一、 甲', '  o1-1 1. a', '  o1-2 2. b',
      '    o1-2-1 专栏1 项目', '      o1-2-1-1 1. x', '      o1-2-1-2 2. y', '      o1-2-1-3 3. z',
      '  o1-3 3. c',
    ]);
  });
  it('ignores tables and unnumbered text, uses heading blocks', () => {
    const { nodes } = build([p('一、产业发展类\t2095.6', 'table'), '一是正文', p('一、总体要求', 'heading'), '各乡镇要高度重视。']);
    expect(shape(nodes)).toEqual(['o1 一是 正文', 'o2 一、 总体要求']);
  });
  it('titles: run-in title only, long first sentences by their opening words', () => {
    const long = '县行业监管部门要履行指导、监督、管理责任，负责对本行业燃气经营企业安全生产工作进行监督检查，督促企业落实主体责任。';
    const { nodes } = build(['（三）按时报送。各乡镇要……', `（二）${long}`]);
    expect(nodes.map((n) => n.title)).toEqual(['按时报送', '县行业监管部门要履行指导、监督、管理责任，负责对…']);
  });
  it('ids take the prefix and are stable', () => {
    const input = ['一、甲', '（一）子', '二、乙'];
    expect(shape(build(input, { idPrefix: 'a1-' }).nodes)).toEqual(['a1-1 一、 甲', '  a1-1-1 （一） 子', 'a1-2 二、 乙']);
    expect(build(input)).toEqual(build(input));
    expect(build([])).toEqual({ nodes: [], diagnostics: [] });
  });
  it('keeps the tree well formed for any marker sequence', () => {
    const marker = fc.constantFrom('一、', '二、', '三、', '（一）', '（二）', '1. ', '2. ', '3. ', '（1）', '①', '第一条', '第一章', '1.1 ', '1.2.1 ', '一是', '——', '专栏1', '正文');
    fc.assert(
      fc.property(fc.array(marker, { maxLength: 40 }), (ms) => {
        const { nodes } = build(ms.map((m) => `${m}标题。正文`));
        const ids = new Set<string>();
        const walk = (ns: OutlineNode[], parent: OutlineNode | null): number =>
          ns.reduce((count, n, i) => {
            expect(n.level).toBe((parent?.level ?? 0) + 1);
            expect(n.id).toBe(parent ? `${parent.id}-${i + 1}` : `o${i + 1}`);
            expect(ids.has(n.id)).toBe(false);
            ids.add(n.id);
            return count + 1 + walk(n.children, n);
          }, 0);
        expect(walk(nodes, null)).toBe(ms.filter((m) => m !== '正文').length);
      }),
    );
  });
  // A hang guard (the test's timeout), not a speed check: timings are in bench/linear-time.mjs.
  it('finishes on long paragraphs and many blocks', () => {
    const big = `一、${'各乡镇要高度重视，'.repeat(2000)}`;
    const blocks = Array.from({ length: 20000 }, (_, i) => `${(i % 50) + 1}. 第${i}项。${'正文'.repeat(20)}`);
    for (const s of [big, '1'.repeat(10000), '（'.repeat(10000), '—'.repeat(10000), `一是${'二是'.repeat(5000)}`]) matchMarker(s);
    expect(build([big, ...blocks, `一是${'。二是'.repeat(3000)}`]).nodes.length).toBeGreaterThan(0);
  }, 60_000);
});
