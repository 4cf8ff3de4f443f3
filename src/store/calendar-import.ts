// Holiday notices into the library's calendar: from a file (`gongbao calendar
// import`: a single 公文, or any issue containing notices) and from the
// documents of an ingested issue. The file is read by the same text and parse
// stages as an issue; a notice the parser cannot split (no 文号, a bare web
// page text) is read whole, its first line as the title.
import { GongbaoError, isGongbaoError } from '../errors.js';
import { isHolidayNoticeTitle, readHolidayNotice, type HolidayReading } from '../extract/holidays.js';
import { parseLines } from '../parse/issue.js';
import { parseDateLine } from '../parse/dates.js';
import type { Block, ParsedDocument } from '../parse/types.js';
import { loadSource, readSource, type SourceText } from '../formats/index.js';
import { toSourceLines, type SourceLine } from '../text/lines.js';
import { importNotice, type ImportResult, type NoticeSource } from './calendar-store.js';
import type { Db } from './db.js';

/** What a notice needs of a parsed document. */
type NoticeDocument = Pick<ParsedDocument, 'docNumber' | 'title' | 'issuer' | 'date' | 'blocks'>;

export interface NoticeFound {
  source: NoticeSource;
  reading: HolidayReading;
}

export interface NoticeImported extends NoticeFound {
  result: ImportResult;
}

/** The holiday arrangements in a parsed document, or null when it arranges no day. */
export function noticeOfDocument(doc: NoticeDocument, lines: SourceLine[], file: string | null, requireTitle = true): NoticeFound | null {
  if (requireTitle && !isHolidayNoticeTitle(doc.title)) return null;
  const reading = readHolidayNotice(doc.title, doc.blocks, lines, doc.date ? Number(doc.date.slice(0, 4)) : null);
  if (!reading.days.length) return null;
  return { source: { docNumber: doc.docNumber, title: doc.title, issuer: doc.issuer, date: doc.date, file }, reading };
}

/** A text the parser refuses, read as one notice: non-blank lines are its paragraphs. */
function wholeText(lines: SourceLine[]): NoticeDocument {
  const content = lines.filter((l) => !l.blank);
  const blocks: Block[] = content.map((l) => ({ kind: 'paragraph', text: l.text, lines: [l.no, l.no] }));
  // The title may wrap over the first lines (`…关于2024年` / `火把节放假的通知`).
  const k = content.slice(0, 4).findIndex((l) => isHolidayNoticeTitle(l.text));
  const title = k >= 0 ? content.slice(0, k + 1).map((l) => l.text).join('') : content[0]?.text ?? '';
  // The signing date, for a notice that states its days without a year.
  const date = [...content].reverse().slice(0, 4).map((l) => parseDateLine(l.text)).find((d) => d !== null) ?? null;
  return { docNumber: null, title: title.slice(0, 200), issuer: null, date, blocks };
}

/** Every notice in a file (each document whose title announces holidays; else the whole file). */
export function noticesInFile(bytes: Uint8Array, file: string, source: SourceText = readSource(bytes, file)): NoticeFound[] {
  const lines = toSourceLines(source.text);
  let docs: NoticeDocument[];
  try {
    docs = parseLines(lines, { file }).documents;
  } catch (e) {
    if (!isGongbaoError(e) || e.code !== 'input-not-gazette') throw e;
    docs = [wholeText(lines)];
  }
  const titled = docs.map((d) => noticeOfDocument(d, lines, file)).filter((n): n is NoticeFound => n !== null);
  if (titled.length) return titled;
  // No title says 放假: a single document (or the whole text) may still arrange days.
  const candidates = docs.length === 1 ? docs : [wholeText(lines)];
  const any = candidates.map((d) => noticeOfDocument(d, lines, file, false)).filter((n): n is NoticeFound => n !== null);
  if (!any.length) throw new GongbaoError('bad-argument', '文件中没有读到放假或上班的日期，这不像节假日安排通知', { file });
  return any;
}

/** Import every notice of a file (a PDF too), in one transaction. */
export async function importNoticeFile(db: Db, bytes: Uint8Array, file: string, now: string): Promise<NoticeImported[]> {
  const found = noticesInFile(bytes, file, await loadSource(bytes, file));
  return db.transaction(() => found.map((n) => ({ ...n, result: importNotice(db, n.source, n.reading, now) })))();
}
