// Library at scale: ingest rate, DB size, memory, and query latency against
// a naive LIKE scan and an FTS5 trigram index, at 1k / 10k / 100k documents.
//
//   npm run build && node bench/library-scale.mjs [--sizes 1000,10000,100000]
//     [--work DIR] [--seed S] [--body-bytes B] [--rounds R] [--like-rounds R] [--cpu-prof]
//
// For each size: generate (or reuse) the corpus (bench/corpus.mjs) in
// WORK/corpus-N, ingest it into a fresh WORK/library-N.db with ingestPaths()
// in a child process (so its peak RSS is the ingest's own), then, in a second
// child process, time search(db, { q, pageSize: 10 }) over the query mix
// (searchUncached() when dist/ has it: search() caches results per library
// generation, so repeated rounds would time cache hits; those are reported
// on their own line)
// (bench/lib/common.mjs), the LIKE scan, and an FTS5 trigram index built
// once in WORK/library-N.trigram.db. The query phase ends with a per-SQL-
// statement profile of search() (db.prepare wrapped, one extra round).
// The children import a snapshot of dist/ taken when the run starts
// (WORK/dist-snapshot), so a rebuild during a long run cannot mix versions.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { tmpdir } from 'node:os';
import { dbBytes, fmt, machine, mb, pct, queryMix, removeDb, snapshotDist } from './lib/common.mjs';
import { existingCorpus, generateCorpus } from './corpus.mjs';

const { values: opt } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    work: { type: 'string', default: join(tmpdir(), 'gongbao-bench') },
    seed: { type: 'string', default: '1' },
    'body-bytes': { type: 'string', default: '2500' },
    rounds: { type: 'string', default: '3' },
    'like-rounds': { type: 'string', default: '1' },
    'cpu-prof': { type: 'boolean', default: false },
    // Internal: the child phases.
    phase: { type: 'string' },
    root: { type: 'string' },
    corpus: { type: 'string' },
    db: { type: 'string' },
    budget: { type: 'string', default: '0' },
    'skip-baselines': { type: 'boolean', default: false },
  },
});

const log = (s) => process.stderr.write(`${s}\n`);
const now = () => performance.now();

// ───────────────────────────── child: ingest ─────────────────────────────
async function ingestPhase() {
  const { openLibrary, ingestPaths } = await import(join(opt.root, 'dist/store/library.js'));
  removeDb(opt.db);
  const db = openLibrary(opt.db);
  const budget = Number(opt.budget) * 1000;
  let peak = process.memoryUsage().rss;
  const fileTimes = [];
  const t0 = now();
  let last = t0;
  let files = 0;
  let stopped = false;
  const STOP = new Error('budget');
  try {
    await ingestPaths(db, [opt.corpus], {
      onFile: (i, n) => {
        const t = now();
        if (i > 0) fileTimes.push(t - last);
        last = t;
        files = n;
        peak = Math.max(peak, process.memoryUsage().rss);
        if (i % Math.max(1, Math.floor(n / 20)) === 0) log(`    ingest ${i}/${n} files, ${((t - t0) / 1000).toFixed(0)} s, last file ${fmt(fileTimes.at(-1) ?? 0, 0)} ms`);
        if (budget && t - t0 > budget) throw STOP;
      },
    });
    fileTimes.push(now() - last);
  } catch (e) {
    if (e !== STOP) throw e;
    stopped = true;
  }
  const seconds = (now() - t0) / 1000;
  peak = Math.max(peak, process.memoryUsage().rss);
  const docs = db.prepare('SELECT count(*) AS n FROM documents WHERE is_current = 1').get().n;
  const issues = db.prepare('SELECT count(*) AS n FROM issues').get().n;
  const bytesOpen = dbBytes(opt.db);
  db.close();
  const head = fileTimes.slice(0, 10);
  const tail = fileTimes.slice(-10);
  const avg = (xs) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  return {
    docs, issues, files, stopped, seconds, rate: docs / seconds, peakRss: peak, maxRss: process.resourceUsage().maxRSS * 1024,
    dbBytes: bytesOpen, dbBytesClosed: dbBytes(opt.db), firstFilesMs: avg(head), lastFilesMs: avg(tail),
  };
}

// ───────────────────────────── child: queries ─────────────────────────────
async function queryPhase() {
  const rssStart = process.memoryUsage().rss;
  const { openLibrary } = await import(join(opt.root, 'dist/store/library.js'));
  // Uncached: the result cache would answer repeated rounds of the same mix from memory.
  const searchModule = await import(join(opt.root, 'dist/search/search.js'));
  // search() keeps a per-library result cache: the engine figures time searchUncached() (every query does
  // its full work), and the cache-hit path is timed separately with search().
  const search = searchModule.searchUncached ?? searchModule.search;
  const cached = searchModule.searchUncached ? searchModule.search : null;
  let t = now();
  const db = openLibrary(opt.db);
  const openMs = now() - t;
  const n = db.prepare('SELECT count(*) AS n FROM documents WHERE is_current = 1').get().n;
  // 文号 for the mix: four documents spread over the library.
  const ids = db.prepare('SELECT id FROM documents WHERE is_current = 1 AND doc_number IS NOT NULL ORDER BY id').all().map((r) => r.id);
  const picks = [0.1, 0.37, 0.63, 0.9].map((f) => ids[Math.floor(f * (ids.length - 1))]);
  const docNumbers = picks.map((id) => db.prepare('SELECT doc_number AS d FROM documents WHERE id = ?').get(id).d);
  const mix = queryMix(docNumbers);
  const rounds = Number(opt.rounds);
  let peak = process.memoryUsage().rss;

  // Engine: one warm-up round, then `rounds` timed rounds.
  const engine = [];
  const perQuery = new Map();
  for (let r = 0; r <= rounds; r++) {
    for (const { q, kind } of mix) {
      t = now();
      const res = search(db, { q, pageSize: 10 });
      const ms = now() - t;
      if (r > 0) {
        engine.push(ms);
        const e = perQuery.get(q) ?? { q, kind, ms: [], total: res.total };
        e.ms.push(ms);
        perQuery.set(q, e);
      }
      peak = Math.max(peak, process.memoryUsage().rss);
    }
  }
  const rssAfterEngine = process.memoryUsage().rss;
  // Cache hits: fill the cache once, then time repeated queries.
  const hits = [];
  if (cached) {
    for (const { q } of mix) cached(db, { q, pageSize: 10 });
    for (let r = 0; r < rounds; r++) {
      for (const { q } of mix) {
        t = now();
        cached(db, { q, pageSize: 10 });
        hits.push(now() - t);
      }
    }
  }

  // LIKE baseline: AND of the space-separated parts, LIMIT 10.
  const likeStmts = new Map();
  const likeStmt = (k) => {
    if (!likeStmts.has(k)) likeStmts.set(k, db.prepare(`SELECT id FROM documents WHERE is_current = 1 ${' AND text LIKE ?'.repeat(k)} LIMIT 10`));
    return likeStmts.get(k);
  };
  const like = [];
  const likeRounds = opt['skip-baselines'] ? 0 : Number(opt['like-rounds']);
  for (let r = 0; r < likeRounds; r++) {
    for (const { q } of mix) {
      const parts = q.split(/\s+/).filter(Boolean);
      t = now();
      likeStmt(parts.length).all(...parts.map((p) => `%${p}%`));
      like.push(now() - t);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
  }

  // FTS5 trigram baseline, in an attached database: built once, timed, sized.
  const tri = [];
  let triSkipped = 0;
  let triBuildMs = NaN;
  let triBytes = NaN;
  if (!opt['skip-baselines']) {
    const triFile = opt.db.replace(/\.db$/, '') + '.trigram.db';
    removeDb(triFile);
    db.exec(`ATTACH '${triFile}' AS tg`);
    db.exec(`PRAGMA tg.journal_mode = WAL`);
    t = now();
    db.exec(`CREATE VIRTUAL TABLE tg.tri USING fts5(title, body, tokenize='trigram', content='')`);
    db.exec(`INSERT INTO tg.tri(rowid, title, body) SELECT id, title, text FROM documents WHERE is_current = 1`);
    triBuildMs = now() - t;
    triBytes = dbBytes(triFile);
    const triStmt = db.prepare(`SELECT t.rowid AS id FROM tg.tri t WHERE tri MATCH ? ORDER BY bm25(tri, 10.0, 1.0) LIMIT 10`);
    for (let r = 0; r <= rounds; r++) {
      for (const { q } of mix) {
        const parts = q.split(/\s+/).filter((p) => [...p].length >= 3);
        if (!parts.length) {
          if (r === 0) triSkipped++;
          continue;
        }
        const m = parts.map((p) => `"${p.replace(/"/g, '""')}"`).join(' AND ');
        t = now();
        triStmt.all(m);
        if (r > 0) tri.push(now() - t);
      }
    }
    peak = Math.max(peak, process.memoryUsage().rss);
  }

  // Where search() spends its time: wrap db.prepare, one more round. A fresh connection, so that
  // statements search() prepares and caches per connection are all prepared through the wrapper.
  db.close();
  const pdb = openLibrary(opt.db);
  const prof = new Map();
  const add = (label, ms) => {
    const e = prof.get(label) ?? { label, ms: 0, calls: 0 };
    e.ms += ms;
    e.calls++;
    prof.set(label, e);
  };
  const label = (sql) => {
    const s = sql.replace(/\s+/g, ' ');
    if (/^SELECT count\(\*\) AS n FROM (?:\(SELECT rowid )?(?:FROM )?doc_fts WHERE doc_fts MATCH/.test(s)) return 'count (index only)';
    if (/^SELECT count\(\*\) AS n (?:FROM \(SELECT d\.id )?FROM documents/.test(s)) return 'count (joined)';
    if (/bm25\(doc_fts/.test(s)) return /d\.issuer, d\.category/.test(s) ? 'match rows (bm25 + facet cols)' : 'ids (bm25 top-k)';
    if (/json_each\(:nums\)/.test(s)) return 'pinned 文号';
    if (/WHERE d\.id = :id/.test(s)) return 'hydrate (row + status)';
    if (/ru\.unit_id AS value/.test(s)) return 'facet unit';
    if (/AS value, count\(\*\)/.test(s)) {
      if (/substr\(d\.date, 1, 4\)/.test(s)) return 'facet year';
      if (/d\.issuer AS value/.test(s)) return 'facet issuer';
      if (/d\.category AS value/.test(s)) return 'facet category';
      return 'facet status';
    }
    if (/FROM units UNION/.test(s)) return 'unit names';
    if (/FROM issues$|FROM unit_reviews$/.test(s)) return 'cache generation';
    if (/rowid = \?/.test(s)) return 'isMatch';
    return `other: ${s.slice(0, 40)}`;
  };
  const origPrepare = pdb.prepare.bind(pdb);
  pdb.prepare = (sql) => {
    const t1 = now();
    const st = origPrepare(sql);
    add('prepare (all statements)', now() - t1);
    const l = label(sql);
    const proxy = new Proxy(st, {
      get(target, prop) {
        const v = target[prop];
        if (typeof v !== 'function') return v;
        // Modifiers return the statement itself: keep returning the wrapper.
        if (prop === 'raw' || prop === 'pluck' || prop === 'expand' || prop === 'safeIntegers' || prop === 'bind') {
          return (...a) => {
            v.apply(target, a);
            return proxy;
          };
        }
        if (prop === 'get' || prop === 'all' || prop === 'run') {
          return (...a) => {
            const t2 = now();
            try {
              return v.apply(target, a);
            } finally {
              add(l, now() - t2);
            }
          };
        }
        return v.bind(target);
      },
    });
    return proxy;
  };
  let profTotal = 0;
  const slow = [];
  for (const { q, kind } of mix) {
    const before = new Map([...prof].map(([k, v]) => [k, v.ms]));
    t = now();
    search(pdb, { q, pageSize: 10 });
    const ms = now() - t;
    profTotal += ms;
    const parts = [...prof].map(([k, v]) => [k, v.ms - (before.get(k) ?? 0)]).filter(([, x]) => x > 0.05).sort((a, b) => b[1] - a[1]);
    slow.push({ q, kind, ms, parts: parts.slice(0, 4).map(([k, x]) => `${k} ${x.toFixed(1)}`) });
  }
  pdb.prepare = origPrepare;
  const sqlMs = [...prof.values()].reduce((s, e) => s + e.ms, 0);
  pdb.close();

  const byKind = {};
  for (const e of perQuery.values()) (byKind[e.kind.split(':')[0]] ??= []).push(...e.ms);
  return {
    docs: n, queries: mix.length, rounds, openMs, docNumbers,
    engine: stats(engine), cacheHits: stats(hits), uncachedApi: Boolean(cached), engineByKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, stats(v)])),
    like: stats(like), tri: stats(tri), triSkipped, triBuildMs, triBytes,
    slowest: [...perQuery.values()].map((e) => ({ q: e.q, kind: e.kind, total: e.total, p50: pct(e.ms, 50), max: Math.max(...e.ms) })).sort((a, b) => b.max - a.max).slice(0, 8),
    profile: { totalMs: profTotal, sqlMs, statements: [...prof.values()].sort((a, b) => b.ms - a.ms) },
    profileSlow: slow.sort((a, b) => b.ms - a.ms).slice(0, 6),
    rssStart, rssAfterEngine, peakRss: peak, maxRss: process.resourceUsage().maxRSS * 1024,
  };
}

const stats = (xs) => ({ n: xs.length, p50: pct(xs, 50), p99: pct(xs, 99), max: xs.length ? Math.max(...xs) : NaN, mean: xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length) });

// ───────────────────────────── parent ─────────────────────────────
function child(args, label) {
  return new Promise((res, rej) => {
    const nodeArgs = opt['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${join(opt.work, 'profiles')}`, `--cpu-prof-name=${label}.cpuprofile`] : [];
    const p = spawn(process.execPath, [...nodeArgs, import.meta.filename, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('close', (code) => {
      if (code !== 0) return rej(new Error(`${label} exited ${code}`));
      res(JSON.parse(out.trim().split('\n').at(-1)));
    });
  });
}

async function main() {
  const work = resolve(opt.work);
  mkdirSync(work, { recursive: true });
  const sizes = opt.sizes.split(',').map(Number);
  const seed = Number(opt.seed);
  const bodyBytes = Number(opt['body-bytes']);
  log(`library-scale: sizes ${sizes.join(', ')}, work ${work}`);
  log(`  ${machine()}`);
  const root = snapshotDist(work);
  const corpora = {};
  for (const n of sizes) {
    const out = join(work, `corpus-${n}`);
    let m = existingCorpus({ docs: n, out, seed, bodyBytes });
    if (m) log(`  corpus ${n}: reusing ${out}`);
    else {
      const t = now();
      m = generateCorpus({ docs: n, out, seed, bodyBytes });
      log(`  corpus ${n}: generated ${m.issues} issues, ${fmt(mb(m.bytes))} MB in ${fmt((now() - t) / 1000)} s`);
    }
    corpora[n] = m;
  }

  const rows = [];
  for (const n of sizes) {
    const db = join(work, `library-${n}.db`);
    log(`  ingest ${n} → ${db}`);
    const ing = await child(['--phase', 'ingest', '--root', root, '--corpus', join(work, `corpus-${n}`), '--db', db], `ingest-${n}`);
    log(`    ${ing.docs} documents in ${fmt(ing.seconds)} s (${fmt(ing.rate)} docs/s), ${fmt(mb(ing.dbBytes))} MB, peak RSS ${fmt(mb(ing.maxRss), 0)} MB`);
    log(`  queries ${n}`);
    const q = await child(['--phase', 'query', '--root', root, '--db', db, '--rounds', opt.rounds, '--like-rounds', opt['like-rounds']], `query-${n}`);
    rows.push({ n, corpus: corpora[n], ing, q });
  }
  report(rows);
}

function report(rows) {
  const line = (cells, widths) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' ');
  console.log(`\nLibrary scale (${machine()})`);
  console.log(`corpus: bench/corpus.mjs, seed ${opt.seed}, --body-bytes ${opt['body-bytes']}\n`);
  console.log('Ingest (ingestPaths into a fresh file DB, one child process per size)');
  let w = [8, 8, 8, 9, 10, 10, 10, 10, 9];
  console.log(line(['docs', 'issues', 'KB/doc', 'wall s', 'docs/s', 'DB MB', 'MB/1k doc', 'peak RSS', 'ms/issue'], w));
  for (const { n, corpus, ing } of rows) {
    console.log(line([n, ing.issues, fmt(corpus.avgDocBytes / 1024), fmt(ing.seconds), fmt(ing.rate), fmt(mb(ing.dbBytes)), fmt(mb(ing.dbBytes) / (ing.docs / 1000)), `${fmt(mb(ing.maxRss), 0)} MB`, fmt(ing.lastFilesMs, 0)], w));
  }
  console.log(`\nQuery latency, ms (engine = ${rows[0].q.uncachedApi ? 'searchUncached(), i.e. search() without its result cache' : 'search()'}: count + ranking + facets + snippets, pageSize 10; LIKE = AND of parts, LIMIT 10; trigram = FTS5 trigram, bm25 top 10)`);
  w = [8, 6, 8, 8, 8, 8, 8, 8, 8, 8, 8, 9, 9];
  console.log(line(['docs', 'n', 'eng p50', 'eng p99', 'eng max', 'LIKE p50', 'LIKE p99', 'LIKE max', 'tri p50', 'tri p99', 'tri max', 'e/LIKE 50', 'e/tri 50'], w));
  for (const { n, q } of rows) {
    console.log(line([n, q.engine.n, fmt(q.engine.p50, 2), fmt(q.engine.p99), fmt(q.engine.max), fmt(q.like.p50, 2), fmt(q.like.p99), fmt(q.like.max), fmt(q.tri.p50, 2), fmt(q.tri.p99), fmt(q.tri.max), fmt(q.engine.p50 / q.like.p50, 2), fmt(q.engine.p50 / q.tri.p50, 2)], w));
  }
  if (rows[0].q.uncachedApi) {
    console.log('\nsearch() result-cache hits (the same mix, each query already cached), ms: p50 / p99 / max');
    for (const { n, q } of rows) console.log(`  ${String(n).padEnd(7)} ${fmt(q.cacheHits.p50, 3)} / ${fmt(q.cacheHits.p99, 3)} / ${fmt(q.cacheHits.max, 3)} (n=${q.cacheHits.n})`);
  }
  console.log('\nRatios at p99 (engine / baseline) and the trigram index');
  for (const { n, q } of rows) {
    console.log(`  ${String(n).padEnd(7)} engine/LIKE p99 ${fmt(q.engine.p99 / q.like.p99, 2)}, engine/trigram p99 ${fmt(q.engine.p99 / q.tri.p99, 2)}; ` +
      `trigram build ${fmt(q.triBuildMs / 1000)} s, ${fmt(mb(q.triBytes))} MB (${q.triSkipped} of ${q.queries} queries have no part ≥ 3 characters and are not run on it); open ${fmt(q.openMs, 0)} ms`);
  }
  console.log('\nEngine latency by query kind, ms (p50 / p99 / max)');
  for (const { n, q } of rows) {
    console.log(`  ${String(n).padEnd(7)} ${Object.entries(q.engineByKind).map(([k, s]) => `${k} ${fmt(s.p50, 1)} / ${fmt(s.p99, 1)} / ${fmt(s.max, 1)} (n=${s.n})`).join('; ')}`);
  }
  console.log('\nQuery process memory (MB): after open / after engine rounds / peak incl. baselines');
  for (const { n, q } of rows) console.log(`  ${String(n).padEnd(7)} ${fmt(mb(q.rssStart), 0)} / ${fmt(mb(q.rssAfterEngine), 0)} / ${fmt(mb(q.maxRss), 0)}`);
  const big = rows.at(-1);
  console.log(`\nWhere the engine spends its time at ${big.n} documents (one round of ${big.q.queries} queries, db.prepare wrapped; ${fmt(big.q.profile.totalMs, 0)} ms in search(), ${fmt(big.q.profile.sqlMs, 0)} ms in SQL + prepare)`);
  for (const s of big.q.profile.statements.slice(0, 12)) console.log(`  ${s.label.padEnd(26)} ${fmt(s.ms, 1).padStart(9)} ms ${fmt((100 * s.ms) / big.q.profile.totalMs, 1).padStart(5)} %  ${String(s.calls).padStart(5)} calls  ${fmt(s.ms / s.calls, 2).padStart(7)} ms/call`);
  console.log('  slowest queries in that round:');
  for (const s of big.q.profileSlow) console.log(`    ${fmt(s.ms, 1).padStart(7)} ms  ${s.q} (${s.kind}): ${s.parts.join(', ')}`);
  const t = { p99: big.q.engine.p99 <= 50, rate: big.ing.rate >= 200 };
  console.log(`\nTargets at ${big.n} documents: query p99 ≤ 50 ms: ${t.p99 ? 'met' : 'NOT met'} (${fmt(big.q.engine.p99)} ms uncached); ingest ≥ 200 docs/s: ${t.rate ? 'met' : 'NOT met'} (${fmt(big.ing.rate)} docs/s); server RSS: see bench/web-load.mjs`);
}

if (opt.phase === 'ingest') console.log(JSON.stringify(await ingestPhase()));
else if (opt.phase === 'query') console.log(JSON.stringify(await queryPhase()));
else await main();
