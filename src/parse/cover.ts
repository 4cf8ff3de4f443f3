// Issue metadata from the cover and the inner title page. The cover is
// printed twice; the inner page adds the period covered, so later lines win
// for the period and the first value wins for everything else.
import type { SourceLine } from '../text/lines.js';
import { compact } from '../text/lines.js';
import type { IssueMeta } from './types.js';
import { findDate, findDateRange } from './dates.js';

const ISSUE_NO = /((?:19|20)\d{2})年第(\d{1,3})期(?:[（(]([上下])[）)])?(?:[（(]?总第(\d{1,5})期[）)]?)?/;
const SERIAL = /总第(\d{1,5})期/;

/** Cover lines no rule reads: the pinyin title and a bare `2022年12月` are expected; anything else is residue. */
const EXPECTED_EXTRA = /^(?:[A-Za-z\s]+|(?:19|20)\d{2}年\d{1,2}月|目录)$/;

export interface CoverScan {
  meta: IssueMeta;
  /** Line numbers on the cover that no rule understood. */
  residue: number[];
}

export function parseCover(lines: SourceLine[]): IssueMeta {
  return scanCover(lines).meta;
}

export function scanCover(lines: SourceLine[]): CoverScan {
  const residue: number[] = [];
  const meta: IssueMeta = {
    gazette: null, publisher: null, year: null, number: null, part: null, serial: null,
    periodStart: null, periodEnd: null, published: null, lines: null,
  };
  let first = 0;
  let last = 0;
  const touch = (no: number) => {
    if (!first) first = no;
    last = no;
  };
  for (const l of lines) {
    if (l.blank) continue;
    const t = compact(l.text);
    let used = false;
    if (/^.{2,20}公报$/.test(t)) {
      meta.gazette ??= t;
      touch(l.no);
      continue;
    }
    const no = ISSUE_NO.exec(t);
    if (no) {
      used = true;
      meta.year ??= Number(no[1]);
      meta.number ??= Number(no[2]);
      if (no[3]) meta.part ??= no[3] as '上' | '下';
      if (no[4]) meta.serial ??= Number(no[4]);
      touch(l.no);
    }
    const serial = SERIAL.exec(t);
    if (serial) meta.serial ??= Number(serial[1]);
    const range = findDateRange(t);
    if (range) {
      used = true;
      [meta.periodStart, meta.periodEnd] = range;
      touch(l.no);
    }
    const pub = /出版$/.test(t) ? findDate(t) : null;
    if (pub) {
      used = true;
      meta.published = pub;
      touch(l.no);
    }
    const org = /^(.{2,30}?(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅))(?:主办|编印|编)?/.exec(t);
    if (org) {
      used = true;
      meta.publisher ??= org[1]!;
      touch(l.no);
    }
    if (!used && !EXPECTED_EXTRA.test(t)) residue.push(l.no);
  }
  if (first) meta.lines = [first, last];
  return { meta, residue };
}
