// The parser's output model. Field names are part of the public interface
// (`gongbao parse FILE` JSON), so add fields freely but never rename.

/** An inclusive 1-based range of source lines. */
export type LineRange = [number, number];

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** Stable rule id, e.g. `toc-body-mismatch`. */
  code: string;
  message: string;
  /** 1-based source line the diagnostic points at. */
  line: number;
}

export interface IssueMeta {
  gazette: string | null;
  publisher: string | null;
  year: number | null;
  number: number | null;
  part: '上' | '下' | null;
  serial: number | null;
  periodStart: string | null;
  periodEnd: string | null;
  published: string | null;
  lines: LineRange | null;
  /** The input is a single 公文 (no cover, no 目录), not a gazette issue. Absent for an issue. */
  standalone?: true;
}

export interface TocEntry {
  category: string | null;
  title: string;
  docNumber: string | null;
  page: number | null;
  lines: LineRange;
}

export interface OutlineNode {
  /** Stable, URL-safe hierarchical id such as `s2.1.3`. */
  id: string;
  /** The marker as printed after normalization, e.g. `（一）`. */
  marker: string;
  level: number;
  title: string;
  lines: LineRange;
  children: OutlineNode[];
}

export interface Table {
  caption: string | null;
  header: string[];
  rows: string[][];
  lines: LineRange;
  /** Extra header rows above `header` when the printed header spans several rows. */
  headerRows?: string[][];
}

export interface Enclosure {
  title: string;
  lines: LineRange;
}

export interface Attachment {
  /** `附件1`, `附件` … as printed. */
  label: string;
  title: string | null;
  /** false when the document refers to the attachment but the issue does not print it. */
  present: boolean;
  lines: LineRange;
}

/** A block of clean text: one paragraph after repairing conversion breaks. */
export interface Block {
  kind: 'paragraph' | 'table' | 'heading';
  text: string;
  lines: LineRange;
}

export interface ParsedDocument {
  docNumber: string | null;
  title: string;
  issuer: string | null;
  date: string | null;
  recipients: string[];
  category: string | null;
  tocPage: number | null;
  lines: LineRange;
  text: string;
  outline: OutlineNode[];
  tables: Table[];
  enclosures: Enclosure[];
  attachments: Attachment[];
  diagnostics: Diagnostic[];
  /** A 转发/批转 notice: the organ and the title of the document it transmits. Absent otherwise. */
  transmits?: { organ: string | null; title: string | null };
  /** A 令: its heading (`中华人民共和国国务院令`) and number line. Absent otherwise. */
  order?: { heading: string; organ: string };
  /** Signature (发文机关署名) line range, when printed. */
  signatureLines: LineRange | null;
  blocks: Block[];
}

export interface ParsedIssue {
  parserVersion: string;
  issue: IssueMeta;
  toc: TocEntry[];
  documents: ParsedDocument[];
  diagnostics: Diagnostic[];
}
