// Library-wide resolution after every ingest: citations point at the current
// document with that 文号 (or that title, or an enclosed document's title),
// cited documents the library lacks become stubs (dropped when the document
// arrives), and a document repealed by a current document is marked so its
// status reads 已废止.
//
// Only what the new issue can change is re-resolved: citations made by its
// documents, citations whose 文号 or title is one of its documents', citations
// whose target this ingest retired, and the repeal status of the documents it
// touches. Re-resolving everything after every issue would make building a
// library of N documents quadratic. Every lookup uses an index; `+col` and
// CROSS JOIN pin query plans that SQLite would otherwise get wrong without
// ANALYZE statistics.
import type { Db } from './db.js';

const BY_NUMBER = `(SELECT d.doc_key FROM documents d WHERE d.doc_number = c.doc_number AND d.is_current = 1 ORDER BY d.id LIMIT 1)`;
const BY_TITLE = `(SELECT d.doc_key FROM documents d WHERE d.title = c.title AND d.is_current = 1 ORDER BY d.id LIMIT 1)`;
const BY_ENCLOSURE = `(SELECT d.doc_key FROM enclosure_titles e JOIN documents d ON d.id = e.doc_id
  WHERE e.title = c.title AND d.is_current = 1 ORDER BY d.id LIMIT 1)`;

function collect(db: Db, table: string, queries: [string, unknown[]][]): void {
  db.exec(`DROP TABLE IF EXISTS temp.${table}; CREATE TEMP TABLE ${table} (id INTEGER PRIMARY KEY)`);
  for (const [sql, args] of queries) db.prepare(`INSERT OR IGNORE INTO temp.${table}(id) ${sql}`).run(...args);
}

/** Re-resolve what issue `issueId` (just ingested, in the same transaction) can change. */
export function resolveAfterIngest(db: Db, issueId: number, now: string): void {
  db.exec(`DROP TABLE IF EXISTS temp.retired`);
  db.prepare(`CREATE TEMP TABLE retired AS
    SELECT o.doc_key FROM documents o JOIN issues i ON i.id = o.issue_id
      WHERE i.issue_key = (SELECT issue_key FROM issues WHERE id = ?) AND i.id <> ?
    UNION SELECT o.doc_key FROM documents o WHERE o.doc_key IN (SELECT doc_key FROM documents WHERE issue_id = ?) AND o.issue_id <> ?`)
    .run(issueId, issueId, issueId, issueId);
  collect(db, 'touched', [
    ['SELECT c.id FROM citations c JOIN documents d ON d.id = c.doc_id WHERE d.issue_id = ?', [issueId]],
    ['SELECT c.id FROM citations c WHERE c.doc_number IN (SELECT doc_number FROM documents WHERE issue_id = ? AND doc_number IS NOT NULL)', [issueId]],
    // A title citation already resolved to a current document of exactly its title keeps it (the lowest id wins).
    [`SELECT c.id FROM citations c WHERE c.title IN (SELECT title FROM documents WHERE issue_id = ?)
      AND c.kind = 'title' AND +c.doc_number IS NULL AND (c.target_doc_key IS NULL OR NOT EXISTS (SELECT 1 FROM documents t
        WHERE t.doc_key = c.target_doc_key AND t.is_current = 1 AND t.title = c.title))`, [issueId]],
    [`SELECT c.id FROM documents d CROSS JOIN enclosure_titles e ON e.doc_id = d.id CROSS JOIN citations c ON c.title = e.title
      WHERE d.issue_id = ? AND c.target_doc_key IS NULL AND c.kind = 'title'`, [issueId]],
    ['SELECT c.id FROM citations c WHERE c.target_doc_key IN (SELECT doc_key FROM temp.retired)', []],
  ]);
  db.exec(`UPDATE citations AS c SET target_doc_key = CASE
      WHEN c.doc_number IS NOT NULL THEN ${BY_NUMBER}
      WHEN c.kind = 'title' THEN ${BY_TITLE}
      ELSE NULL END
    WHERE c.id IN (SELECT id FROM temp.touched)`);
  db.exec(`UPDATE citations AS c SET target_doc_key = ${BY_ENCLOSURE}
    WHERE c.id IN (SELECT id FROM temp.touched) AND c.target_doc_key IS NULL AND c.kind = 'title'`);

  db.prepare(`DELETE FROM stubs WHERE doc_number IN (SELECT doc_number FROM documents WHERE issue_id = ? AND is_current = 1 AND doc_number IS NOT NULL)`).run(issueId);
  db.exec(`DROP TABLE IF EXISTS temp.cited; CREATE TEMP TABLE cited AS SELECT DISTINCT c.doc_number FROM temp.touched t CROSS JOIN citations c ON c.id = t.id
    WHERE c.doc_number IS NOT NULL AND +c.target_doc_key IS NULL`);
  db.prepare(`INSERT OR IGNORE INTO stubs(doc_number, title, first_seen)
    SELECT c.doc_number, max(c.title), ? FROM temp.cited n CROSS JOIN citations c ON c.doc_number = n.doc_number CROSS JOIN documents d ON d.id = c.doc_id
    WHERE d.is_current = 1 AND +c.target_doc_key IS NULL AND n.doc_number NOT IN (SELECT doc_number FROM stubs)
    GROUP BY c.doc_number`).run(now);
  db.exec(`UPDATE stubs SET title = coalesce(title, (SELECT max(title) FROM citations c WHERE c.doc_number = stubs.doc_number))
    WHERE title IS NULL AND doc_number IN (SELECT doc_number FROM temp.cited)`);

  collect(db, 'rtouched', [
    ['SELECT id FROM documents WHERE issue_id = ?', [issueId]],
    ['SELECT id FROM documents WHERE repealed_by IS NOT NULL AND is_current = 1', []],
    [`SELECT t.id FROM repeals r JOIN documents n ON n.id = r.doc_id JOIN documents t ON t.doc_number = r.doc_number
      WHERE n.issue_id = ? AND r.doc_number IS NOT NULL`, [issueId]],
    [`SELECT t.id FROM repeals r JOIN documents n ON n.id = r.doc_id JOIN documents t ON t.title = r.title
      WHERE n.issue_id = ? AND r.doc_number IS NULL AND r.title IS NOT NULL`, [issueId]],
  ]);
  db.exec(`UPDATE documents SET repealed_by = (
      SELECT coalesce(r2.doc_number, r2.title) FROM repeals r JOIN documents r2 ON r2.id = r.doc_id
      WHERE r2.is_current = 1 AND r2.id <> documents.id AND (
        (r.doc_number IS NOT NULL AND r.doc_number = documents.doc_number) OR
        (r.doc_number IS NULL AND r.title IS NOT NULL AND r.title = documents.title))
      LIMIT 1
    ) WHERE is_current = 1 AND id IN (SELECT id FROM temp.rtouched)`);
  db.exec('DROP TABLE IF EXISTS temp.retired; DROP TABLE IF EXISTS temp.touched; DROP TABLE IF EXISTS temp.cited; DROP TABLE IF EXISTS temp.rtouched');
}
