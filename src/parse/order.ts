// A 令 (order): its heading is the organ's 令 (`中华人民共和国国务院令`,
// `XX市人民政府令`), then `第N号` on a line of its own, a short promulgating
// text, the signer (`总理 李克强`, `市长：…`) and the date. What it promulgates
// follows under its own title; that name is the document's title.
import type { SourceLine } from '../text/lines.js';
import { compact } from '../text/lines.js';
import { ORGAN_ONLY } from './organs.js';
import { chineseNumber } from './dates.js';
import type { DocHeader } from './doc-header.js';

const HEADING = /^(\p{Script=Han}{2,30})令$/u;
const ORDER_NO = /^第([0-9]{1,5}|[〇零一二三四五六七八九十百]{1,8})号$/u;
const COUNTRY = '中华人民共和国';
/** How the 国务院's own orders are numbered (`国令第706号`), like its 国发/国办发 codes. */
const ORDER_CODES: Record<string, string> = { 国务院: '国' };

/** The organ that issues `<heading>令`: the country prefix of a central organ dropped. */
export function orderOrgan(heading: string): string | null {
  const m = HEADING.exec(compact(heading));
  if (!m) return null;
  const name = m[1]!;
  const bare = name.startsWith(COUNTRY) ? name.slice(COUNTRY.length) : name;
  if (ORGAN_ONLY.test(bare) || /主席$/.test(bare)) return bare;
  return ORGAN_ONLY.test(name) ? name : null;
}

/** `第706号` → 706; Chinese numerals as printed on older orders. */
function orderSerial(s: string): number | null {
  const m = ORDER_NO.exec(compact(s));
  if (!m) return null;
  if (/^\d+$/.test(m[1]!)) return Number(m[1]);
  const t = m[1]!;
  const h = t.indexOf('百');
  if (h < 0) return chineseNumber(t);
  const hundreds = chineseNumber(t.slice(0, h)) ?? 1;
  const rest = t.slice(h + 1).replace(/^[〇零]/, '');
  return hundreds * 100 + (rest ? (chineseNumber(rest) ?? 0) : 0);
}

export const orderNumber = (organ: string, serial: number): string => `${ORDER_CODES[organ] ?? organ}令第${serial}号`;

/** A 令 header at line `i`: the heading, then `第N号` as the next printed line. */
export function readOrderHeading(lines: SourceLine[], i: number, to: number): DocHeader | null {
  const l = lines[i]!;
  if (l.blank || l.cells !== null || l.text.length > 40 || !/令\s*$/.test(l.text)) return null;
  const organ = orderOrgan(l.text);
  if (!organ) return null;
  let k = i + 1;
  while (k < to && k <= i + 4 && lines[k]!.blank) k++;
  if (k >= to || lines[k]!.blank) return null;
  const serial = orderSerial(lines[k]!.text);
  if (serial === null) return null;
  const heading = compact(l.text);
  return { start: i, titleLines: [i], numberLine: k, title: heading, docNumber: orderNumber(organ, serial), repaired: false, order: { organ, heading } };
}
