// A document's citations, counted once: the four lists (what it cites, what
// cites it, what it repeals, what repeals it) that the document page, its
// citation graph and the API all show. Each list names a document once.
import type { Db } from '../../store/db.js';

export interface CitationLink {
  docNumber: string | null;
  title: string | null;
  kind: string;
  /** The library's document, when it holds it; null for a stub. */
  documentId: number | null;
  lines: [number, number] | null;
}

export interface CitationLists {
  cites: CitationLink[];
  citedBy: CitationLink[];
  repeals: CitationLink[];
  repealedBy: CitationLink[];
}

export const LIST_KEYS = ['cites', 'citedBy', 'repeals', 'repealedBy'] as const;
export type ListKey = (typeof LIST_KEYS)[number];

type Row = Omit<CitationLink, 'lines'> & { line_start?: number | null; line_end?: number | null };

/** The identity of a cited or citing document: the library's id, else its 文号, else its title. */
export function linkKey(c: Pick<CitationLink, 'documentId' | 'docNumber' | 'title'>): string {
  return c.documentId ? `#${c.documentId}` : c.docNumber ? `no:${c.docNumber}` : `title:${c.title ?? ''}`;
}

/** One entry per document, in first-mention order; a mention naming nothing is dropped. */
function once(rows: Row[]): CitationLink[] {
  const seen = new Set<string>();
  const out: CitationLink[] = [];
  for (const { line_start, line_end, ...c } of rows) {
    const key = linkKey(c);
    if (seen.has(key) || (!c.docNumber && !c.title && !c.documentId)) continue;
    seen.add(key);
    out.push({ ...c, lines: line_start ? [line_start, line_end ?? line_start] : null });
  }
  return out;
}

export function citationLists(db: Db, self: { id: number; docKey: string; docNumber: string | null }): CitationLists {
  // 令 citations (国务院令第588号) are listed by their order number.
  const cites = db.prepare(`SELECT coalesce(c.doc_number, c.order_ref) AS docNumber, coalesce(c.title, t.title) AS title, c.kind,
      t.id AS documentId, c.line_start, c.line_end
    FROM citations c LEFT JOIN documents t ON t.doc_key = c.target_doc_key AND t.is_current = 1
    WHERE c.doc_id = ? AND c.kind IN ('docNumber', 'title', 'order') AND (t.id IS NULL OR t.id <> c.doc_id) ORDER BY c.id`).all(self.id) as Row[];
  const citedBy = db.prepare(`SELECT s.id AS documentId, s.doc_number AS docNumber, s.title, min(c.kind) AS kind FROM citations c
    JOIN documents s ON s.id = c.doc_id AND s.is_current = 1 WHERE c.target_doc_key = ? AND s.id <> ? GROUP BY s.id ORDER BY s.id`)
    .all(self.docKey, self.id) as Row[];
  const repeals = db.prepare(`SELECT r.doc_number AS docNumber, coalesce(r.title, t.title) AS title, 'repeal' AS kind, t.id AS documentId
    FROM repeals r LEFT JOIN documents t ON t.doc_number = r.doc_number AND t.is_current = 1 WHERE r.doc_id = ? ORDER BY r.rowid`).all(self.id) as Row[];
  const repealedBy = self.docNumber
    ? (db.prepare(`SELECT s.id AS documentId, s.doc_number AS docNumber, s.title, 'repeal' AS kind FROM repeals r
        JOIN documents s ON s.id = r.doc_id AND s.is_current = 1 WHERE r.doc_number = ? AND s.id <> ? ORDER BY s.id`).all(self.docNumber, self.id) as Row[])
    : [];
  return { cites: once(cites), citedBy: once(citedBy), repeals: once(repeals), repealedBy: once(repealedBy) };
}

export interface GraphNode {
  id: string;
  label: string;
  documentId: number | null;
  kind: 'self' | 'document' | 'stub';
}

export interface GraphEdge {
  from: string;
  to: string;
  kind: 'cites' | 'repeals';
}

export interface CitationGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** The lists as a graph: one node per document, one edge per list entry (so the counts agree with the lists). */
export function graphOf(self: { id: number; docNumber: string | null; title: string }, lists: CitationLists): CitationGraph {
  const selfId = `#${self.id}`;
  const nodes = new Map<string, GraphNode>([[selfId, { id: selfId, label: self.docNumber ?? self.title, documentId: self.id, kind: 'self' }]]);
  const edges: GraphEdge[] = [];
  for (const key of LIST_KEYS) {
    for (const c of lists[key]) {
      const id = linkKey(c);
      if (!nodes.has(id)) nodes.set(id, { id, label: nodeLabel(c), documentId: c.documentId, kind: c.documentId ? 'document' : 'stub' });
      const kind = key === 'cites' || key === 'citedBy' ? 'cites' : 'repeals';
      edges.push(key === 'cites' || key === 'repeals' ? { from: selfId, to: id, kind } : { from: id, to: selfId, kind });
    }
  }
  return { nodes: [...nodes.values()], edges };
}

export const nodeLabel = (c: Pick<CitationLink, 'docNumber' | 'title'>): string => c.docNumber ?? (c.title ? `《${c.title}》` : '');
