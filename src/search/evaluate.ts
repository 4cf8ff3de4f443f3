// Search quality: nDCG@k over a judged query set, for our engine and for the
// two baselines the library issue measures against: a naive LIKE scan and
// SQLite FTS5's trigram tokenizer. Used by the relevance test and bench/.
import type { Db } from '../store/db.js';
import { search } from './search.js';

export interface JudgedQuery {
  id: string;
  query: string;
  kind: string;
  judgments: Record<string, number>;
}

/** nDCG@k with graded gains (2^g − 1) and log2 discounts. */
export function ndcgAt(ranked: string[], judgments: Record<string, number>, k = 10): number {
  const gain = (g: number) => 2 ** g - 1;
  const dcg = ranked.slice(0, k).reduce((s, id, i) => s + gain(judgments[id] ?? 0) / Math.log2(i + 2), 0);
  const ideal = Object.values(judgments).sort((a, b) => b - a).slice(0, k).reduce((s, g, i) => s + gain(g) / Math.log2(i + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

export type Ranker = (q: string) => string[];

export const engineRanker = (db: Db): Ranker => (q) => search(db, { q, pageSize: 10 }).hits.map((h) => h.docNumber ?? String(h.id));

/** Naive substring scan: every space-separated part must occur; title hits first, then by occurrences. */
export const likeRanker = (db: Db): Ranker => {
  const rows = db.prepare('SELECT doc_number, title, text FROM documents WHERE is_current = 1').all() as { doc_number: string; title: string; text: string }[];
  return (q) => {
    const parts = q.split(/\s+/).filter(Boolean);
    if (!parts.length) return [];
    return rows
      .filter((r) => parts.every((p) => r.text.includes(p)))
      .map((r) => ({ id: r.doc_number, s: parts.reduce((n, p) => n + (r.title.includes(p) ? 100 : 0) + r.text.split(p).length - 1, 0) }))
      .sort((a, b) => b.s - a.s)
      .map((r) => r.id)
      .slice(0, 10);
  };
};

/** FTS5 trigram index over title and text, each part quoted, bm25-ranked. Parts under 3 characters match nothing. */
export const trigramRanker = (db: Db): Ranker => {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.tri USING fts5(title, body, tokenize='trigram')`);
  if (!(db.prepare('SELECT count(*) AS n FROM temp.tri').get() as { n: number }).n) {
    db.exec(`INSERT INTO temp.tri(rowid, title, body) SELECT id, title, text FROM documents WHERE is_current = 1`);
  }
  const stmt = db.prepare(`SELECT d.doc_number AS id FROM temp.tri t JOIN documents d ON d.id = t.rowid WHERE tri MATCH ? ORDER BY bm25(tri, 10.0, 1.0) LIMIT 10`);
  return (q) => {
    const parts = q.split(/\s+/).filter((p) => [...p].length >= 3);
    if (!parts.length) return [];
    return (stmt.all(parts.map((p) => `"${p.replace(/"/g, '""')}"`).join(' AND ')) as { id: string }[]).map((r) => r.id);
  };
};

export interface Evaluation {
  mean: number;
  byKind: Record<string, number>;
  perQuery: { id: string; query: string; ndcg: number }[];
}

export function evaluate(queries: JudgedQuery[], rank: Ranker, k = 10): Evaluation {
  const perQuery = queries.map((q) => ({ id: q.id, query: q.query, kind: q.kind, ndcg: ndcgAt(rank(q.query), q.judgments, k) }));
  const byKind: Record<string, number[]> = {};
  for (const p of perQuery) (byKind[p.kind] ??= []).push(p.ndcg);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  return {
    mean: mean(perQuery.map((p) => p.ndcg)),
    byKind: Object.fromEntries(Object.entries(byKind).map(([k2, v]) => [k2, mean(v)])),
    perQuery: perQuery.map(({ id, query, ndcg }) => ({ id, query, ndcg })),
  };
}
