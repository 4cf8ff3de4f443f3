// CSV exports: RFC 4180 (CRLF, quoted fields), UTF-8 with a BOM so that
// spreadsheet programs detect the encoding, and cells that a spreadsheet
// would run as a formula (= + - @, tab, CR) prefixed with an apostrophe.
import type { Context } from 'hono';

export type Cell = string | number | boolean | null | undefined;

const FORMULA = /^[=+\-@\t\r]/;

export function csvCell(value: Cell): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (FORMULA.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return `\ufeff${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** RFC 5987 `ext-value` for `filename*`: percent-encode everything outside attr-char. */
export const rfc5987 = (s: string): string => encodeURIComponent(s).replace(/['()*!]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

/** `attachment` with an ASCII fallback name and the real (Chinese) name as `filename*`. */
export function attachment(name: string, fallback: string): string {
  const ascii = fallback.replace(/[^\w.-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(name)}`;
}

export function csvResponse(c: Context, name: string, fallback: string, header: string[], rows: Cell[][]): Response {
  return c.body(toCsv(header, rows), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': attachment(name, fallback),
  });
}
