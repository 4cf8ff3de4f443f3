// Library-wide resolution, re-run after every ingest: citations point at the
// current document with that 文号 (or that title), cited documents the
// library lacks become stubs, and a document repealed by a current document
// is marked so its status reads 已废止. A stub is dropped (filled in) as
// soon as the real document arrives.
import type { Db } from './db.js';

export function resolveLibrary(db: Db, now: string): void {
  db.exec(`
    UPDATE citations SET target_doc_key = (
      SELECT d.doc_key FROM documents d
      WHERE d.is_current = 1 AND (
        (citations.doc_number IS NOT NULL AND d.doc_number = citations.doc_number) OR
        (citations.doc_number IS NULL AND citations.kind = 'title' AND d.title = citations.title)
      ) LIMIT 1
    );
  `);
  // Titles of enclosed documents (印发的方案) resolve to the notice that printed them.
  db.exec(`
    UPDATE citations SET target_doc_key = (
      SELECT d.doc_key FROM documents d, json_each(d.json, '$.enclosures') e
      WHERE d.is_current = 1 AND json_extract(e.value, '$.title') = citations.title LIMIT 1
    ) WHERE target_doc_key IS NULL AND kind = 'title';
  `);
  db.exec(`DELETE FROM stubs WHERE doc_number IN (SELECT doc_number FROM documents WHERE is_current = 1 AND doc_number IS NOT NULL)`);
  db.prepare(`
    INSERT OR IGNORE INTO stubs(doc_number, title, first_seen)
    SELECT c.doc_number, max(c.title), ? FROM citations c JOIN documents d ON d.id = c.doc_id
    WHERE d.is_current = 1 AND c.doc_number IS NOT NULL AND c.target_doc_key IS NULL
    GROUP BY c.doc_number
  `).run(now);
  db.exec(`UPDATE stubs SET title = coalesce(title, (SELECT max(title) FROM citations c WHERE c.doc_number = stubs.doc_number))`);
  db.exec(`
    UPDATE documents SET repealed_by = (
      SELECT coalesce(r2.doc_number, r2.title) FROM repeals r JOIN documents r2 ON r2.id = r.doc_id
      WHERE r2.is_current = 1 AND r2.id <> documents.id AND (
        (r.doc_number IS NOT NULL AND r.doc_number = documents.doc_number) OR
        (r.doc_number IS NULL AND r.title IS NOT NULL AND (r.title = documents.title))
      ) LIMIT 1
    ) WHERE is_current = 1;
  `);
}
