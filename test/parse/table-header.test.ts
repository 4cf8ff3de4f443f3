// Multi-row table headers: the flat `parent/child` labels and the merged cells
// the document page prints, which must tell the same story column by column.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { flattenHeader, headerGrid, type HeaderCell } from '../../src/parse/table-header.js';

const cell = (text: string, colspan = 1, rowspan = 1): HeaderCell => ({ text, colspan, rowspan });

/**
 * Lays the cells out as a browser does (each at the next free column of its
 * row) and returns the cell covering each position; throws on overlap,
 * overflow or a gap.
 */
function layout(grid: HeaderCell[][], width: number): HeaderCell[][] {
  const levels = grid.length;
  const owner: (HeaderCell | undefined)[][] = grid.map(() => new Array<HeaderCell | undefined>(width).fill(undefined));
  grid.forEach((row, l) => {
    let j = 0;
    for (const c of row) {
      while (j < width && owner[l]![j]) j++;
      for (let d = l; d < l + c.rowspan; d++) {
        for (let k = j; k < j + c.colspan; k++) {
          if (d >= levels || k >= width) throw new Error(`cell ${c.text} at ${l},${j} overflows`);
          if (owner[d]![k]) throw new Error(`cell ${c.text} at ${l},${j} overlaps ${d},${k}`);
          owner[d]![k] = c;
        }
      }
      j += c.colspan;
    }
  });
  owner.forEach((r, l) => r.forEach((c, k) => {
    if (!c) throw new Error(`gap at ${l},${k}`);
  }));
  return owner as HeaderCell[][];
}

/** Column j read top to bottom through the merged cells, as flattenHeader reads it. */
const readColumn = (owner: HeaderCell[][], j: number): string =>
  [...new Set(owner.map((r) => r[j]!))].map((c) => c.text).filter(Boolean).join('/');

describe('headerGrid', () => {
  it('merges a parent over its children and runs single labels down', () => {
    const rows = [
      ['序号', '项目名称', '资金来源', '', '', '备注'],
      ['', '', '省级', '市级', '县级', ''],
    ];
    expect(headerGrid(rows, 6)).toEqual([
      [cell('序号', 1, 2), cell('项目名称', 1, 2), cell('资金来源', 3), cell('备注', 1, 2)],
      [cell('省级'), cell('市级'), cell('县级')],
    ]);
  });

  it('nests spans over three levels, a middle label without children running down', () => {
    const rows = [
      ['序号', '资金', '', '', '', '', '备注'],
      ['', '中央', '', '省级', '', '合计', ''],
      ['', '一季度', '二季度', '一季度', '二季度', '', ''],
    ];
    const grid = headerGrid(rows, 7);
    expect(grid).toEqual([
      [cell('序号', 1, 3), cell('资金', 5), cell('备注', 1, 3)],
      [cell('中央', 2), cell('省级', 2), cell('合计', 1, 2)],
      [cell('一季度'), cell('二季度'), cell('一季度'), cell('二季度')],
    ]);
    const owner = layout(grid, 7);
    expect(rows[0]!.map((_, j) => readColumn(owner, j))).toEqual(flattenHeader(rows, 7).header);
  });

  it('gives an orphan child an empty parent cell', () => {
    // A shifted header copy: 目标 moved left, 市级 right, with no parent above it.
    const rows = [
      ['序号', '资金', '', '目标', ''],
      ['', '中央', '省级', '', '市级'],
    ];
    expect(flattenHeader(rows, 5)).toEqual({ header: ['序号', '资金/中央', '资金/省级', '目标', '市级'], orphans: 1 });
    expect(headerGrid(rows, 5)).toEqual([
      [cell('序号', 1, 2), cell('资金', 2), cell('目标', 1, 2), cell('')],
      [cell('中央'), cell('省级'), cell('市级')],
    ]);
  });

  it('ends a span at a blank column, in the grid and in the flat header alike', () => {
    const rows = [
      ['序号', '资金', '', '', '备注'],
      ['', '中央', '', '省级', ''],
    ];
    expect(flattenHeader(rows, 5)).toEqual({ header: ['序号', '资金/中央', '', '省级', '备注'], orphans: 1 });
    expect(headerGrid(rows, 5)).toEqual([
      [cell('序号', 1, 2), cell('资金'), cell('', 1, 2), cell(''), cell('备注', 1, 2)],
      [cell('中央'), cell('省级')],
    ]);
  });

  it('keeps a deeper span under its own parent', () => {
    const rows = [
      ['甲', '', '乙', ''],
      ['丙', '', '', ''],
      ['一', '二', '三', '四'],
    ];
    const grid = headerGrid(rows, 4);
    expect(grid).toEqual([
      [cell('甲', 2), cell('乙'), cell('')],
      [cell('丙', 2), cell(''), cell('')],
      [cell('一'), cell('二'), cell('三'), cell('四')],
    ]);
    const owner = layout(grid, 4);
    expect([0, 1, 2, 3].map((j) => readColumn(owner, j))).toEqual(flattenHeader(rows, 4).header);
  });

  const LABELS = ['', '', '', '序号', '资金', '中央', '省级', '合计', '备注', 'x'];
  const header = fc
    .record({ width: fc.integer({ min: 1, max: 8 }), levels: fc.integer({ min: 1, max: 4 }) })
    .chain(({ width, levels }) =>
      fc.record({
        width: fc.constant(width),
        rows: fc.array(fc.array(fc.constantFrom(...LABELS), { minLength: width, maxLength: width }), { minLength: levels, maxLength: levels }),
      }),
    );

  it('tiles levels × width exactly and keeps every label once, at its level', () => {
    fc.assert(
      fc.property(header, ({ width, rows }) => {
        const grid = headerGrid(rows, width);
        expect(grid).toHaveLength(rows.length);
        layout(grid, width);
        rows.forEach((r, l) => expect(grid[l]!.map((c) => c.text).filter(Boolean)).toEqual(r.filter(Boolean)));
      }),
      { numRuns: 500 },
    );
  });

  it('reads each column as flattenHeader flattens it', () => {
    fc.assert(
      fc.property(header, ({ width, rows }) => {
        const owner = layout(headerGrid(rows, width), width);
        const flat = flattenHeader(rows, width).header;
        for (let j = 0; j < width; j++) expect(readColumn(owner, j), `column ${j}`).toBe(flat[j]);
      }),
      { numRuns: 500 },
    );
  });
});
