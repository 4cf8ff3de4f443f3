// Paragraph re-joining across line and page breaks (src/parse/blocks.ts).
import { describe, expect, it } from 'vitest';
import { buildBlocks, repeatedAcrossBreak } from '../../src/parse/blocks.js';
import { toSourceLines } from '../../src/text/lines.js';

const blocks = (...rows: string[]) => {
  const lines = toSourceLines(rows.join('\n'));
  return buildBlocks(lines, 0, lines.length, new Set(), [], new Set()).blocks.map((b) => b.text);
};

describe('paragraphs across breaks', () => {
  it('joins a sentence cut by a page break, and keeps finished sentences apart', () => {
    expect(blocks('各单位要高度重视，认真', '', '组织实施。', '', '第二段。')).toEqual(['各单位要高度重视，认真组织实施。', '第二段。']);
  });
  it('keeps a heading apart from the body that follows it', () => {
    expect(blocks('一、总体要求', '', '以习近平新时代中国特色社会主义思想为指导，深入贯彻。')).toEqual(['一、总体要求', '以习近平新时代中国特色社会主义思想为指导，深入贯彻。']);
    expect(blocks('二、组织领导', '', '组 长：县政府县长')).toHaveLength(2);
    expect(blocks('（二）基本原则', '', '坚持政治方向。坚持和完善党委领导。')).toHaveLength(2);
  });
  it('joins a run-in heading cut by a page break with the rest of its sentence', () => {
    expect(blocks('（四）明确运行管护主', '', '体。农田水利工程要按照以下规定确定运行管护主体：')).toEqual(['（四）明确运行管护主体。农田水利工程要按照以下规定确定运行管护主体：']);
    expect(blocks('7. 加强涉河建设项目日', '', '常监管。对审批的项目进行检查。')).toEqual(['7. 加强涉河建设项目日常监管。对审批的项目进行检查。']);
    expect(blocks('12. 开展特殊困难家庭适', '老化改造。针对老年人需求。')).toEqual(['12. 开展特殊困难家庭适老化改造。针对老年人需求。']);
  });
  it('drops text repeated across a break', () => {
    expect(repeatedAcrossBreak('加大金融支持力度', '力度。自2022年起')).toBe(2);
    const lines = toSourceLines(['9. 加大金融支持力度', '', '力度。自2022年第二季度起执行。'].join('\n'));
    const scan = buildBlocks(lines, 0, lines.length, new Set(), [], new Set());
    expect(scan.blocks.map((b) => b.text)).toEqual(['9. 加大金融支持力度。自2022年第二季度起执行。']);
    expect(scan.diagnostics.map((d) => [d.code, d.line])).toEqual([['repeated-across-break', 3]]);
  });
});
