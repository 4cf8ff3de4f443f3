// 相关文件: other current documents a reader of this one is likely to want.
// Scored by what the library knows: documents citing the same documents (3
// each), units given duties by both (1 each, at most 5), the same 主题分类
// (2). Documents this one cites or is cited by are listed under 引用关系
// already and are left out here.
import type { Db } from '../../store/db.js';

export interface RelatedDocument {
  id: number;
  docNumber: string | null;
  title: string;
  date: string | null;
  /** Why it is related, for the reader. */
  why: string[];
}

/** A document's 主题分类 大类 as shown: an editor's, else the rules'. */
const SUBJECT_OF = (d: string) => `coalesce((SELECT o.category FROM subject_overrides o WHERE o.doc_key = ${d}.doc_key), json_extract(${d}.json, '$.subject.category'))`;

export function relatedDocuments(db: Db, id: number, limit = 6): RelatedDocument[] {
  const rows = db.prepare(`
    WITH me AS (SELECT id, doc_key, ${SUBJECT_OF('documents')} AS subject FROM documents WHERE id = :id),
    linked AS (
      SELECT t.id FROM citations c JOIN documents t ON t.doc_key = c.target_doc_key WHERE c.doc_id = :id
      UNION SELECT c.doc_id FROM citations c WHERE c.target_doc_key = (SELECT doc_key FROM me)),
    shared_cites AS (
      SELECT o.doc_id AS id, count(DISTINCT o.target_doc_key) AS n FROM citations mine JOIN citations o
        ON o.target_doc_key = mine.target_doc_key AND o.doc_id <> mine.doc_id
      WHERE mine.doc_id = :id AND mine.target_doc_key IS NOT NULL GROUP BY o.doc_id),
    shared_units AS (
      SELECT o.doc_id AS id, count(*) AS n FROM document_units mine JOIN document_units o ON o.unit_id = mine.unit_id AND o.doc_id <> mine.doc_id
      WHERE mine.doc_id = :id GROUP BY o.doc_id)
    SELECT d.id, d.doc_number AS docNumber, d.title, d.date,
      coalesce(sc.n, 0) AS cites, coalesce(su.n, 0) AS units,
      (${SUBJECT_OF('d')} = (SELECT subject FROM me)) AS sameSubject,
      ${SUBJECT_OF('d')} AS subject
    FROM documents d LEFT JOIN shared_cites sc ON sc.id = d.id LEFT JOIN shared_units su ON su.id = d.id
    WHERE d.is_current = 1 AND d.id <> :id AND d.id NOT IN (SELECT id FROM linked)
      AND (sc.n IS NOT NULL OR su.n IS NOT NULL OR ${SUBJECT_OF('d')} = (SELECT subject FROM me))
    ORDER BY 3 * coalesce(sc.n, 0) + min(coalesce(su.n, 0), 5) + 2 * coalesce(sameSubject, 0) DESC, d.date DESC, d.id DESC
    LIMIT :limit`).all({ id, limit }) as { id: number; docNumber: string | null; title: string; date: string | null; cites: number; units: number; sameSubject: number | null; subject: string | null }[];
  return rows.map((r) => ({
    id: r.id, docNumber: r.docNumber, title: r.title, date: r.date,
    why: [
      ...(r.cites ? [`引用相同的文件 ${r.cites} 件`] : []),
      ...(r.units ? [`涉及相同的责任单位 ${r.units} 个`] : []),
      ...(r.sameSubject ? [`同属“${r.subject}”`] : []),
    ],
  }));
}
