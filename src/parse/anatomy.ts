// The parts of one 公文 between its title and the next document: recipients
// (主送), signature and date (署名/成文日期), the enclosed document of a
// 印发/转发 notice, and attachments (附件). Each finder is a small rule over
// the document's lines; together they give the document's skeleton.
import type { SourceLine } from '../text/lines.js';
import { compact } from '../text/lines.js';
import { parseDateLine, DATE_SOURCE, findDate } from './dates.js';
import { isOrganOnly, joinOrgans, ORGAN_ONLY } from './organs.js';

export interface Signature {
  /** Index of the organ line (or of the combined organ+date line). */
  organLine: number;
  dateLine: number;
  organ: string;
  date: string;
  /** A 令 is signed by a person (`总理 李克强`), not an organ: the signer line as printed. */
  signer?: string;
}

export interface AttachmentHeader {
  line: number;
  label: string;
  /** Index of the line giving the title, when it is not on the label line. */
  titleLine: number;
  title: string | null;
}

export interface AttachmentNote {
  line: number;
  label: string;
  title: string | null;
}

const nextNonBlank = (lines: SourceLine[], i: number, end: number): number => {
  for (let j = i + 1; j < end; j++) if (!lines[j]!.blank) return j;
  return -1;
};
const prevNonBlank = (lines: SourceLine[], i: number, floor: number): number => {
  for (let j = i - 1; j >= floor; j--) if (!lines[j]!.blank) return j;
  return -1;
};

const RECIPIENT_HINT = /(?:人民政府|政府|局|办|委|中心|单位|部门|管委会|委员会|公司|林场|支行|各有关|县直)/;

/** 主送机关: one to four lines after the 文号, the last ending in `：`. */
export function findRecipients(lines: SourceLine[], from: number, end: number): { text: string; lines: number[] } | null {
  const picked: number[] = [];
  let acc = '';
  for (let j = from; j < end && picked.length < 4; j++) {
    const l = lines[j]!;
    if (l.blank) continue;
    if (l.cells !== null) return null;
    const t = compact(l.text);
    acc += t;
    picked.push(j);
    if (/[。！？；]/.test(t) || acc.length > 200) return null;
    if (/[：:]$/.test(t)) return RECIPIENT_HINT.test(acc) && !/^(?:为|根据|按照|经)/.test(acc) ? { text: acc, lines: picked } : null;
  }
  return null;
}

/** A piece that names whole units on its own (`县民政局`, `县直各单位`), not half of a shared phrase (`各省`, `自治区`). */
const WHOLE_UNIT = /(?:人民政府|政府|办公室|办公厅|委员会|管委会|局|委|厅|部|院|署|办|中心|公司|单位|部门|机构|企业|学校|林场|支行|乡镇|街道|社区|军区)(?:[（(][^）)]*[）)])?$/u;

/**
 * Split `各乡（镇）人民政府，驼梁风景区服务中心，县直各局、办：` into units.
 * Pieces of a 、-list that share one phrase stay together: a short piece
 * that is no unit by itself waits for the unit word after it
 * (`各省、自治区、直辖市人民政府`), a `各…` piece shares the head of the one
 * before it (`国务院各部委、各直属机构`), and a fragment of one or two
 * characters belongs to the unit before it (`县直各局、办`).
 */
export function splitRecipients(text: string): string[] {
  const body = text.replace(/[：:]$/, '');
  const out: string[] = [];
  for (const part of body.split(/[，,；;]/)) {
    const pieces = part.split('、').map((u) => u.trim()).filter(Boolean);
    const groups: string[] = [];
    let waiting: string[] = [];
    pieces.forEach((u, i) => {
      const prev = groups.length - 1;
      if (!waiting.length && prev >= 0 && ((u.length <= 2 && !u.startsWith('各')) || (u.startsWith('各') && /^\p{Script=Han}{2,}各/u.test(groups[prev]!)))) {
        groups[prev] += `、${u}`;
        return;
      }
      waiting.push(u);
      if (u.length <= 4 && !WHOLE_UNIT.test(u) && i < pieces.length - 1) return;
      groups.push(waiting.join('、'));
      waiting = [];
    });
    if (waiting.length) groups.push(waiting.join('、'));
    out.push(...groups);
  }
  return out;
}

const ORGAN_AND_DATE = new RegExp(`^(${ORGAN_ONLY.source.slice(1, -1)})\\s*(${DATE_SOURCE})$`, 'u');

/** The post and name that sign a 令: `总理　李克强`, `市长：张三`. */
const SIGNER = /^(?:国务院)?(?:总理|副总理|主席|省长|市长|州长|县长|区长|旗长|盟长|主任|院长|部长|署长|局长|厅长|委员长)\s*[:：]?\s*\p{Script=Han}{2,4}$/u;
/** A page number between a signature and its date (`— 3 —`, `- 12 -`, `3`). */
const PAGE_NUMBER = /^[-—－–─\s]*\d{1,4}[-—－–─\s]*$/u;
/** How many lines (blank or page numbers) may stand between a signature and its date. */
const SIGNATURE_GAP = 8;

/** The organ (or signer) line above a date line, across blank lines and a page number. */
function signatureAbove(lines: SourceLine[], j: number, from: number): number {
  for (let p = j - 1; p >= from && p >= j - SIGNATURE_GAP; p--) {
    const l = lines[p]!;
    if (l.blank || PAGE_NUMBER.test(l.text)) continue;
    return p;
  }
  return -1;
}

/** The first organ line followed by a date line: the signature and 成文日期. */
export function findSignature(lines: SourceLine[], from: number, end: number): Signature | null {
  for (let j = from; j < end; j++) {
    const l = lines[j]!;
    if (l.blank || l.cells !== null) continue;
    const t = compact(l.text);
    const both = ORGAN_AND_DATE.exec(t);
    if (both) {
      const date = findDate(t);
      if (date) return { organLine: j, dateLine: j, organ: both[1]!, date };
    }
    const date = parseDateLine(t);
    if (!date) continue;
    const p = signatureAbove(lines, j, from);
    if (p < 0) continue;
    const organ = lines[p]!.text.trim();
    if (isOrganOnly(organ)) return { organLine: p, dateLine: j, organ: joinOrgans(organ), date };
    if (SIGNER.test(organ)) return { organLine: p, dateLine: j, organ: compact(organ), date, signer: organ.replace(/\s+/g, ' ') };
  }
  return null;
}

const LABEL = /^附件\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})?/u;
const LABEL_ONLY = /^附件\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})?$/u;
const LABEL_TITLE = /^附件\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})?\s*[：:]\s*(.*)$/u;
const LIST_ITEM = /^(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*[.．、]\s*(.+)$/u;

const label = (n: string | undefined) => `附件${n ?? ''}`;

/**
 * 附件说明 before the signature (`附件：标题`, or `附件：` then `1. 标题` lines)
 * and in-body references (`（见附件）`, `（附件1）`).
 */
export function findAttachmentNotes(lines: SourceLine[], from: number, end: number): AttachmentNote[] {
  const notes: AttachmentNote[] = [];
  for (let j = from; j < end; j++) {
    const l = lines[j]!;
    if (l.blank) continue;
    const t = compact(l.text);
    const m = LABEL_TITLE.exec(t);
    if (m && t.length <= 80) {
      if (m[2]) {
        notes.push({ line: j, label: label(m[1]), title: m[2] });
        continue;
      }
      let n = 0;
      for (let k = nextNonBlank(lines, j, end); k >= 0; k = nextNonBlank(lines, k, end)) {
        const item = LIST_ITEM.exec(compact(lines[k]!.text));
        if (!item) break;
        notes.push({ line: k, label: `附件${++n}`, title: item[1]! });
      }
      continue;
    }
    for (const ref of t.matchAll(/[（(](?:详?见)?(附件\s*[0-9一二三四五六七八九十]{0,3})[）)]|见(附件\s*[0-9一二三四五六七八九十]{0,3})/gu)) {
      notes.push({ line: j, label: compact(ref[1] ?? ref[2] ?? '附件'), title: null });
    }
  }
  return notes;
}

/** Printed attachments: a label line (`附件`, `附件2`, `附件1：标题`) then its title. */
export function findAttachmentHeaders(lines: SourceLine[], from: number, end: number): AttachmentHeader[] {
  const out: AttachmentHeader[] = [];
  for (let j = from; j < end; j++) {
    const l = lines[j]!;
    if (l.blank || l.cells !== null) continue;
    const t = compact(l.text);
    if (!LABEL.test(t) || t.length > 80) continue;
    const only = LABEL_ONLY.exec(t);
    if (only) {
      const k = nextNonBlank(lines, j, end);
      const title = k >= 0 && lines[k]!.cells === null ? compact(lines[k]!.text) : null;
      out.push({ line: j, label: label(only[1]), titleLine: title ? k : -1, title });
      continue;
    }
    const lt = LABEL_TITLE.exec(t);
    if (lt && lt[2]) out.push({ line: j, label: label(lt[1]), titleLine: j, title: lt[2] });
  }
  return out;
}

/** The quoted name of the enclosed document in a 印发/转发 notice: the first `《…》`. */
export function enclosedName(text: string): string | null {
  const m = /《([^《》]{2,80}(?:《[^《》]*》[^《》]*)?)》/u.exec(text);
  return m ? m[1]! : null;
}

export const TRANSMITTING = /印发|转发|公布|下达|批转/;
