// Search quality on the judged query set: nDCG@10 for the engine, a naive LIKE scan and FTS5 trigram.
// Usage: npm run build && node bench/relevance.mjs [--verbose]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLibrary, ingestPaths } from '../dist/store/library.js';
import { evaluate, engineRanker, likeRanker, trigramRanker } from '../dist/search/evaluate.js';

const root = join(import.meta.dirname, '..');
const { queries } = JSON.parse(readFileSync(join(root, 'test/fixtures/relevance/queries.json'), 'utf8'));
const db = openLibrary(':memory:');
await ingestPaths(db, [join(root, 'data/samples')]);
const rows = [['engine (jieba + BM25)', engineRanker(db)], ['LIKE scan', likeRanker(db)], ['FTS5 trigram', trigramRanker(db)]].map(([name, r]) => [name, evaluate(queries, r)]);
const kinds = Object.keys(rows[0][1].byKind);
console.log(`nDCG@10 over ${queries.length} judged queries`);
console.log(['ranker'.padEnd(22), 'all'.padStart(6), ...kinds.map((k) => k.padStart(13))].join(''));
for (const [name, e] of rows) console.log([name.padEnd(22), e.mean.toFixed(3).padStart(6), ...kinds.map((k) => e.byKind[k].toFixed(3).padStart(13))].join(''));
if (process.argv.includes('--verbose')) for (const p of rows[0][1].perQuery.filter((x) => x.ndcg < 0.8)) console.log(`  ${p.ndcg.toFixed(2)}  ${p.id} ${p.query}`);
