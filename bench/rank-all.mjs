// Every match ranked, at scale (issue #15): for each query, the engine's
// first page (searchUncached with its default limits: FTS5 scores small match
// sets, the postings kept in memory rank larger ones, src/search/postings.ts)
// against FTS5 scoring every match itself (the exhaustive ranking), with
// p50/p99 of both, the first round (postings read) on its own, facets'
// exactness, memory, and nDCG@10 of the judged queries.
//
//   npm run build && node bench/rank-all.mjs --db /tmp/gongbao-bench/library-100000.db [--rounds 3] [--with-samples] [--engine-only]
//
// --engine-only times the engine alone (no exhaustive ranking in the same
// process), for the memory a serving process needs; run with node --expose-gc
// to also print RSS after a GC.
//
// --with-samples copies the library and ingests the four sample issues into
// the copy (unless it already holds them), so that the judged queries'
// documents are there among the generated ones: nDCG at scale. The library
// itself comes from bench/library-scale.mjs (WORK/library-N.db).
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fmt, machine, pct, repoRoot } from './lib/common.mjs';

const { values: opt } = parseArgs({
  options: {
    db: { type: 'string' },
    rounds: { type: 'string', default: '3' },
    'with-samples': { type: 'boolean', default: false },
    'engine-only': { type: 'boolean', default: false },
  },
});
if (!opt.db || !existsSync(opt.db)) throw new Error('--db LIBRARY (built by bench/library-scale.mjs) is required');

const { openLibrary, ingestPaths } = await import(join(repoRoot, 'dist/store/library.js'));
const { searchUncached } = await import(join(repoRoot, 'dist/search/search.js'));
const { ndcgAt } = await import(join(repoRoot, 'dist/search/evaluate.js'));
const { warmCaches } = await import(join(repoRoot, 'dist/web/warm.js'));

let file = opt.db;
if (opt['with-samples']) {
  file = opt.db.replace(/\.db$/, '') + '.with-samples.db';
  if (!existsSync(file)) {
    copyFileSync(opt.db, file);
    const db = openLibrary(file);
    await ingestPaths(db, [join(repoRoot, 'data/samples')]);
    db.close();
  }
}
const now = () => performance.now();
const db = openLibrary(file);
// As the server runs: warmed (the segmenter, filter choices, every document's length) with its page cache.
warmCaches(db);
const n = db.prepare('SELECT count(*) AS n FROM documents WHERE is_current = 1').get().n;
const { queries: judged } = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/relevance/queries.json'), 'utf8'));
// The judged documents the library holds (each judged 文号 current exactly once), so an nDCG at scale is about ranking, not absence.
const judgedNumbers = [...new Set(judged.flatMap((q) => Object.keys(q.judgments)))];
const held = judgedNumbers.filter((dn) => db.prepare('SELECT count(*) AS n FROM documents WHERE is_current = 1 AND doc_number = ?').get(dn).n === 1).length;
const common = ['工作', '通知', '安全', '实施方案', '县', '人民政府', '管理', '建设', '加强 管理', '做好 工作', '乡镇 人民政府 工作', '资金 项目 建设'];
const mix = [...judged.map((q) => ({ q: q.query, judgments: q.judgments, kind: 'judged' })), ...common.map((q) => ({ q, kind: 'common' }))];
const EXHAUSTIVE = { rank: 1e9, count: 10_000 };
const rounds = Number(opt.rounds);

const time = (f) => {
  const t = now();
  const r = f();
  return [r, now() - t];
};
const ids = (r) => r.hits.map((h) => h.id);
/** Equal first pages, ties aside: the same scores in order, the same ids where a score is not tied. */
function samePage(a, b) {
  if (a.hits.length !== b.hits.length) return false;
  return a.hits.every((h, i) => h.score === b.hits[i].score && (h.id === b.hits[i].id || a.hits.filter((x) => x.score === h.score).length > 1));
}

process.stderr.write(`topk: ${n} documents in ${file}\n  ${machine()}\n`);
const rss0 = process.memoryUsage().rss;
// Round 0: the first use of each phrase reads its postings (timed on its own).
const first = [];
for (const { q } of mix) first.push(time(() => searchUncached(db, { q, pageSize: 10 }))[1]);
const engine = [];
const slowest = [];
const exhaustive = [];
let agree = 0;
let overlap = 0;
let facetsExact = 0;
let ndcgEngine = 0;
let ndcgExhaustive = 0;
let peak = process.memoryUsage().rss;
for (let r = 0; r < rounds; r++) {
  for (const { q, judgments } of mix) {
    const [e, ms] = time(() => searchUncached(db, { q, pageSize: 10 }));
    engine.push(ms);
    slowest.push({ q, ms, total: e.total });
    if (opt['engine-only']) {
      peak = Math.max(peak, process.memoryUsage().rss);
      if (r === 0 && e.facetsExact) facetsExact++;
      continue;
    }
    const [x, xms] = time(() => searchUncached(db, { q, pageSize: 10 }, EXHAUSTIVE));
    exhaustive.push(xms);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (r > 0) continue;
    if (samePage(e, x)) agree++;
    const xi = new Set(ids(x));
    overlap += x.hits.length ? ids(e).filter((id) => xi.has(id)).length / x.hits.length : 1;
    if (e.facetsExact) facetsExact++;
    if (judgments) {
      ndcgEngine += ndcgAt(e.hits.map((h) => h.docNumber ?? String(h.id)), judgments);
      ndcgExhaustive += ndcgAt(x.hits.map((h) => h.docNumber ?? String(h.id)), judgments);
    }
  }
}
const judgedN = judged.length;
console.log(`documents ${n}; queries ${mix.length} (${judgedN} judged + ${common.length} common words); rounds ${rounds}`);
if (!opt['engine-only']) console.log(`first page equal to exhaustive ranking (ties aside): ${agree} of ${mix.length} (${fmt(agree / mix.length, 3)}); mean top-10 overlap ${fmt(overlap / mix.length, 3)}`);
console.log(`engine ms p50 / p99 / max: ${fmt(pct(engine, 50))} / ${fmt(pct(engine, 99))} / ${fmt(Math.max(...engine))}`);
if (!opt['engine-only']) console.log(`exhaustive ms p50 / p99 / max: ${fmt(pct(exhaustive, 50))} / ${fmt(pct(exhaustive, 99))} / ${fmt(Math.max(...exhaustive))}`);
console.log(`first round (postings read) ms p50 / p99 / max: ${fmt(pct(first, 50))} / ${fmt(pct(first, 99))} / ${fmt(Math.max(...first))}`);
console.log(`facets exact for ${facetsExact} of ${mix.length} queries (the rest estimated from a sample and labelled)`);
if (!opt['engine-only']) console.log(`nDCG@10 over the ${judgedN} judged queries: engine ${fmt(ndcgEngine / judgedN, 3)}, exhaustive ${fmt(ndcgExhaustive / judgedN, 3)} (judged documents held once: ${held} of ${judgedNumbers.length})`);
const worst = new Map();
for (const x of slowest) if (!worst.has(x.q) || worst.get(x.q).ms < x.ms) worst.set(x.q, x);
console.log(`slowest engine queries (worst round): ${[...worst.values()].sort((a, b) => b.ms - a.ms).slice(0, 6).map((x) => `${x.q} ${fmt(x.ms)} ms (${x.total} matches)`).join('; ')}`);
globalThis.gc?.();
console.log(`RSS MB: ${fmt(rss0 / 1e6, 0)} after open and warm-up, ${fmt(peak / 1e6, 0)} peak${globalThis.gc ? `, ${fmt(process.memoryUsage().rss / 1e6, 0)} after a GC` : ''}${opt['engine-only'] ? ' (engine only)' : ' (engine and exhaustive FTS5 ranking in one process)'}`);
