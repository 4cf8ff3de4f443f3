// Chinese dates: `2022年8月25日`, `2022 年 8 月 25 日`, `二〇二二年八月二十五日`.

const DIGIT: Record<string, number> = {
  〇: 0, '○': 0, 零: 0, O: 0, o: 0, 'Ｏ': 0, 'ｏ': 0, '０': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 二十五 → 25, 十二 → 12, 三十 → 30; arabic digits pass through. */
export function chineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[〇○零oOＯｏ一二三四五六七八九十]+$/.test(s)) return null;
  const i = s.indexOf('十');
  if (i < 0) return [...s].reduce((n, c) => n * 10 + (DIGIT[c] ?? 0), 0);
  const tens = i === 0 ? 1 : (DIGIT[s[i - 1]!] ?? 0);
  const ones = i === s.length - 1 ? 0 : (DIGIT[s[i + 1]!] ?? 0);
  return tens * 10 + ones;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1949 || y > 2100) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Chinese zero as printed: 〇, the circle ○, 零, and a Latin o/O set by mistake. */
const ZERO = '〇○零oOＯｏ';
const NUM = `[0-9]{1,4}|[${ZERO}一二三四五六七八九十]{1,4}`;
export const DATE_SOURCE = `((?:19|20)[0-9]{2}|[一二][${ZERO}一二三四五六七八九]{3})\\s*年\\s*(${NUM})\\s*月\\s*(${NUM})\\s*日`;
const DATE_RE = new RegExp(DATE_SOURCE);
const DATE_LINE = new RegExp(`^${DATE_SOURCE}$`);

function toIso(m: RegExpExecArray): string | null {
  const y = /^\d+$/.test(m[1]!) ? Number(m[1]) : Number([...m[1]!].map((c) => DIGIT[c] ?? 0).join(''));
  const mo = chineseNumber(m[2]!);
  const d = chineseNumber(m[3]!);
  return mo === null || d === null ? null : isoDate(y, mo, d);
}

/** The first date in a string, as ISO. */
export function findDate(s: string): string | null {
  const m = DATE_RE.exec(s);
  return m ? toIso(m) : null;
}

/** A line that is exactly one date (a signing date, 成文日期). */
export function parseDateLine(s: string): string | null {
  const m = DATE_LINE.exec(s.replace(/\s+/g, ''));
  return m ? toIso(m) : null;
}

/** `2022年8月25日-2022年12月29日` (any dash, 至, ～). */
export function findDateRange(s: string): [string, string] | null {
  const re = new RegExp(`${DATE_SOURCE}\\s*(?:[-—–~～至到]+)\\s*${DATE_SOURCE}`);
  const m = re.exec(s.replace(/\s+/g, ''));
  if (!m) return null;
  const a = toIso(m as RegExpExecArray);
  const b = toIso([m[0], m[4], m[5], m[6]] as unknown as RegExpExecArray);
  return a && b ? [a, b] : null;
}
