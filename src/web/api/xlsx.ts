// One table as an XLSX workbook (write-excel-file): a bold title row, a
// header row, then the rows. Strings are written as text cells, so nothing a
// user typed can become a formula.
import writeXlsxFile, { type Cell } from 'write-excel-file/node';

export interface XlsxTable {
  title: string;
  sheet: string;
  header: string[];
  rows: (string | number)[][];
  /** Column widths by header name (default 10). */
  widths?: Record<string, number>;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function tableXlsx(t: XlsxTable): Promise<Uint8Array<ArrayBuffer>> {
  const title: Cell[] = [{ value: t.title, fontWeight: 'bold', fontSize: 14, columnSpan: t.header.length }, ...t.header.slice(1).map(() => null)];
  const head: Cell[] = t.header.map((h) => ({ value: h, fontWeight: 'bold', backgroundColor: '#EEF2F7', align: 'center', borderStyle: 'thin' }));
  const rows: Cell[][] = t.rows.map((row) => row.map((v) => (typeof v === 'number' ? { value: v, type: Number } : { value: v, type: String })));
  const buffer = await writeXlsxFile([title, head, ...rows], {
    sheet: t.sheet,
    columns: t.header.map((h) => ({ width: t.widths?.[h] ?? 10 })),
    stickyRowsCount: 2,
  }, { fontFamily: '宋体', fontSize: 11 }).toBuffer();
  return new Uint8Array(buffer);
}
