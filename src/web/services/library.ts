// Read services over the library: what pages and the API show. Every
// function takes the database and plain arguments and returns plain data;
// routes validate input before calling, presenters render the result.
import { GongbaoError } from '../../errors.js';
import type { AnalyzedDocument } from '../../extract/index.js';
import type { TocEntry } from '../../parse/types.js';
import type { Db } from '../../store/db.js';
import { STATUS_SQL, type ValidityStatus } from '../../store/status.js';
import { storedPositions, storedText, type SourceRow } from '../../store/sources.js';
import { splitRawLines } from '../../text/lines.js';
import { citationLists, type CitationLists } from './citations.js';
import { editorialOf, type Editorial } from '../../store/editorial.js';

export type { CitationLink } from './citations.js';

export interface IssueSummary {
  id: number;
  key: string;
  version: number;
  gazette: string | null;
  publisher: string | null;
  year: number | null;
  number: number | null;
  part: string | null;
  serial: number | null;
  periodStart: string | null;
  periodEnd: string | null;
  published: string | null;
  documents: number;
  ingestedAt: string;
}

const ISSUE_COLUMNS = `i.id, i.issue_key AS key, i.version, i.gazette, i.publisher, i.year, i.number, i.part, i.serial,
  i.period_start AS periodStart, i.period_end AS periodEnd, i.published, s.ingested_at AS ingestedAt,
  (SELECT count(*) FROM documents d WHERE d.issue_id = i.id) AS documents`;

export function listIssues(db: Db): IssueSummary[] {
  return db.prepare(`SELECT ${ISSUE_COLUMNS} FROM issues i JOIN sources s ON s.id = i.source_id WHERE i.is_current = 1
    ORDER BY i.year DESC, i.number DESC, i.part DESC`).all() as IssueSummary[];
}

export interface DocumentSummary {
  id: number;
  docNumber: string | null;
  title: string;
  issuer: string | null;
  date: string | null;
  category: string | null;
  tocPage: number | null;
  status: ValidityStatus;
  issueId: number;
}

const DOC_COLUMNS = `d.id, d.doc_number AS docNumber, d.title, d.issuer, d.date, d.category, d.toc_page AS tocPage,
  ${STATUS_SQL} AS status, d.issue_id AS issueId`;
const DOC_FROM = 'FROM documents d LEFT JOIN validity v ON v.doc_id = d.id';

export function getIssue(db: Db, id: number, today: string): IssueSummary & { toc: (TocEntry & { documentId: number | null })[]; list: DocumentSummary[] } {
  const issue = db.prepare(`SELECT ${ISSUE_COLUMNS}, i.toc_json AS toc FROM issues i JOIN sources s ON s.id = i.source_id WHERE i.id = ?`).get(id) as
    | (IssueSummary & { toc: string })
    | undefined;
  if (!issue) throw new GongbaoError('not-found', '没有这一期公报');
  const list = db.prepare(`SELECT ${DOC_COLUMNS} ${DOC_FROM} WHERE d.issue_id = :id ORDER BY d.seq`).all({ id, today }) as DocumentSummary[];
  const toc = (JSON.parse(issue.toc) as TocEntry[]).map((e) => ({
    ...e,
    documentId: list.find((d) => (e.docNumber && d.docNumber === e.docNumber) || d.title === e.title)?.id ?? null,
  }));
  return { ...issue, toc, list };
}

export function listDocuments(db: Db, opts: { today: string; limit: number; offset: number; year?: number }): { total: number; items: DocumentSummary[] } {
  // The same year rule as search: the document's date, else its issue's year.
  const where = `d.is_current = 1${opts.year ? ' AND coalesce(substr(d.date, 1, 4), (SELECT CAST(i.year AS TEXT) FROM issues i WHERE i.id = d.issue_id)) = :year' : ''}`;
  const year = opts.year ? { year: String(opts.year) } : {};
  const total = (db.prepare(`SELECT count(*) AS n FROM documents d WHERE ${where}`).get(year) as { n: number }).n;
  const items = db.prepare(`SELECT ${DOC_COLUMNS} ${DOC_FROM} WHERE ${where} ORDER BY d.date DESC, d.id DESC LIMIT :limit OFFSET :offset`)
    .all({ today: opts.today, limit: opts.limit, offset: opts.offset, ...year }) as DocumentSummary[];
  return { total, items };
}

export interface DocumentView extends CitationLists {
  summary: DocumentSummary & { repealedBy: string | null };
  issue: IssueSummary;
  doc: Omit<AnalyzedDocument, 'blocks'>;
  /** What editors added: a 主题分类 of their choosing, 政策解读 links. */
  editorial: Editorial;
  /** The 主题分类 shown: an editor's, else the saved page's, else the rules'. */
  subject: ShownSubject | null;
  /** The term a measure in the library gives this 规范性文件, which sets none itself. */
  defaultTerm: DefaultTerm | null;
  updatedAt: string;
}

export interface DefaultTerm {
  expires: string;
  /** The measure: its id, 文号 and title, and the sentence that sets the term. */
  by: { id: number; docNumber: string | null; title: string; text: string };
}

function defaultTermOf(db: Db, id: number): DefaultTerm | null {
  const row = db.prepare(`SELECT v.default_expires AS expires, p.doc_id AS id, m.doc_number AS docNumber, m.title, p.text FROM validity v
    JOIN term_policies p ON p.doc_id = v.default_by JOIN documents m ON m.id = p.doc_id WHERE v.doc_id = ? AND v.default_expires IS NOT NULL`).get(id) as
    | { expires: string; id: number; docNumber: string | null; title: string; text: string } | undefined;
  return row ? { expires: row.expires, by: { id: row.id, docNumber: row.docNumber, title: row.title, text: row.text } } : null;
}

export interface ShownSubject {
  category: string;
  sub: string | null;
  source: 'editor' | 'page' | 'rules';
  reason: string;
}

function shownSubject(doc: Omit<AnalyzedDocument, 'blocks'>, editorial: Editorial): ShownSubject | null {
  const e = editorial.subject;
  if (e) return { category: e.category, sub: e.sub, source: 'editor', reason: '编辑指定' };
  const page = doc.pageMeta?.['主题分类'];
  if (page) {
    const [category = page, sub = null] = page.split(/[\\/＼]/);
    return { category, sub, source: 'page', reason: '原网页标注' };
  }
  return doc.subject ? { ...doc.subject, source: 'rules', reason: `按规则归类：${doc.subject.reason}` } : null;
}

export function documentIdByNumber(db: Db, docNumber: string): number {
  const row = db.prepare('SELECT id FROM documents WHERE doc_number = ? AND is_current = 1').get(docNumber) as { id: number } | undefined;
  if (!row) throw new GongbaoError('not-found', `文库中没有发文字号为 ${docNumber} 的文件`);
  return row.id;
}

export function getDocument(db: Db, id: number, today: string): DocumentView {
  const row = db.prepare(`SELECT ${DOC_COLUMNS}, d.repealed_by AS repealedBy, d.json, d.text, d.doc_key AS docKey, s.ingested_at AS updatedAt
    ${DOC_FROM} JOIN issues i ON i.id = d.issue_id JOIN sources s ON s.id = i.source_id WHERE d.id = :id`).get({ id, today }) as
    | (DocumentSummary & { repealedBy: string | null; json: string; text: string; docKey: string; updatedAt: string })
    | undefined;
  if (!row) throw new GongbaoError('not-found', '没有这件公文');
  const { json, text, docKey, updatedAt, ...summary } = row;
  const issue = db.prepare(`SELECT ${ISSUE_COLUMNS} FROM issues i JOIN sources s ON s.id = i.source_id WHERE i.id = ?`).get(row.issueId) as IssueSummary;
  const doc = { ...JSON.parse(json), text } as DocumentView['doc'];
  const editorial = editorialOf(db, docKey);
  return { summary, issue, doc, editorial, subject: shownSubject(doc, editorial), defaultTerm: defaultTermOf(db, id), ...citationLists(db, { id, docKey, docNumber: summary.docNumber }), updatedAt };
}

export interface OriginalFile {
  name: string;
  bytes: Buffer;
  /** The text encoding, or the format (`pdf`, `docx`, `html`). */
  encoding: string;
  sha256: string;
}

/** The file a document was ingested from, as it was given (PDF, DOCX, web page or text). */
export function originalFile(db: Db, docId: number): OriginalFile {
  const row = db.prepare(`SELECT s.file_name AS name, s.bytes, s.encoding, s.sha256 FROM documents d JOIN issues i ON i.id = d.issue_id
    JOIN sources s ON s.id = i.source_id WHERE d.id = ?`).get(docId) as OriginalFile | undefined;
  if (!row) throw new GongbaoError('not-found', '没有这件公文');
  return row;
}

/** The name of the file a document was ingested from. */
export function originalName(db: Db, docId: number): string | undefined {
  const row = db.prepare(`SELECT s.file_name AS name FROM documents d JOIN issues i ON i.id = d.issue_id
    JOIN sources s ON s.id = i.source_id WHERE d.id = ?`).get(docId) as { name: string } | undefined;
  return row?.name;
}

/** The original source lines of a document (or any range of its issue), as printed; from a PDF, with the page and line each starts at. */
export function sourceLines(db: Db, docId: number): { no: number; raw: string; page?: number; pageLine?: number }[] {
  const row = db.prepare(`SELECT s.bytes, s.text, s.positions_json, s.file_name, d.line_start, d.line_end FROM documents d JOIN issues i ON i.id = d.issue_id
    JOIN sources s ON s.id = i.source_id WHERE d.id = ?`).get(docId) as (SourceRow & { line_start: number; line_end: number }) | undefined;
  if (!row) throw new GongbaoError('not-found', '没有这件公文');
  const lines = splitRawLines(storedText(row));
  const positions = storedPositions(row);
  return lines.slice(row.line_start - 1, row.line_end).map((raw, k) => {
    const at = positions?.[row.line_start - 1 + k];
    return { no: row.line_start + k, raw, ...(at ? { page: at.page, pageLine: at.line } : {}) };
  });
}
