// Web load: `gongbao serve` on a library DB, driven at a constant request
// rate by a plain-Node open-loop driver (no dependencies).
//
//   npm run build && node bench/web-load.mjs [--db LIBRARY.db (default: the scale
//     benchmark's $TMPDIR/gongbao-bench/library-100000.db)]
//     [--rate 200] [--duration 30] [--warmup 5] [--mix search=35,api=25,doc=40]
//     [--timeout 10] [--max-inflight 512] [--port 3917] [--seed 1] [--serial 30] [--root DIR] [--distinct]
//     [--cpu-prof-dir DIR] [--workers N] [--no-cache]
//
// Requests are sent on a fixed schedule (one every 1000/rate ms, through a
// keep-alive agent) whether or not earlier ones have answered, and latency is
// measured from the scheduled send time, so a slow server cannot hide its
// queue (no coordinated omission). Mix: search pages (/search?q=…), API
// search (/api/search?q=…&pageSize=10), document pages (/documents/<random
// id>); queries are the scale benchmark's mix (bench/lib/common.mjs), or with
// --distinct two of them joined by a space, so that the server's per-library
// result cache (search() since 45dbd83) rarely answers. The
// server is started as a child process (`gongbao serve`: ROOT/dist/cli/main.js,
// ROOT = the repo by default, or --root e.g. the scale run's dist snapshot), its
// stdout (the request log) discarded, and its VmRSS polled from /proc every
// 100 ms. A request counts as an error on a network error, a timeout, or a
// status other than 2xx/3xx; requests not sent because --max-inflight were
// already in flight are counted separately.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { tmpdir } from 'node:os';
import Database from 'better-sqlite3';
import { fmt, machine, pct, queryMix, repoRoot, rng } from './lib/common.mjs';

const { values: opt } = parseArgs({
  options: {
    db: { type: 'string', default: join(tmpdir(), 'gongbao-bench', 'library-100000.db') },
    rate: { type: 'string', default: '200' },
    duration: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '5' },
    mix: { type: 'string', default: 'search=35,api=25,doc=40' },
    timeout: { type: 'string', default: '10' },
    'max-inflight': { type: 'string', default: '512' },
    port: { type: 'string', default: '3917' },
    seed: { type: 'string', default: '1' },
    serial: { type: 'string', default: '30' },
    distinct: { type: 'boolean', default: false },
    // Server processes (gongbao serve --workers), and the result cache off (GONGBAO_SEARCH_CACHE=0).
    workers: { type: 'string', default: '1' },
    'no-cache': { type: 'boolean', default: false },
    // Profile the server: node --cpu-prof, written to this directory when the server exits.
    'cpu-prof-dir': { type: 'string' },
    // The package to serve from: the repo (bin/gongbao.js → dist/), or e.g. the scale run's WORK/dist-snapshot.
    root: { type: 'string', default: repoRoot },
  },
});
if (!opt.db || !existsSync(opt.db)) {
  process.stderr.write(`no library at ${opt.db} (run bench/library-scale.mjs first)\n`);
  process.stderr.write('usage: node bench/web-load.mjs [--db LIBRARY.db] [--rate 200] [--duration 30] [--warmup 5] [--mix search=35,api=25,doc=40]\n');
  process.exit(1);
}
const log = (s) => process.stderr.write(`${s}\n`);
const now = () => performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// What to ask for: ids and 文号 from the library itself (read-only).
const dbPath = resolve(opt.db);
const ro = new Database(dbPath, { readonly: true, fileMustExist: true });
const ids = ro.prepare('SELECT id FROM documents WHERE is_current = 1 ORDER BY id').pluck().all();
const docCount = ids.length;
const dnIds = [0.1, 0.37, 0.63, 0.9].map((f) => ids[Math.floor(f * (ids.length - 1))]);
const docNumbers = dnIds.map((id) => ro.prepare('SELECT doc_number FROM documents WHERE id = ?').pluck().get(id)).filter(Boolean);
ro.close();
const queries = queryMix(docNumbers).map((x) => x.q);
const weights = Object.fromEntries(opt.mix.split(',').map((kv) => kv.split('=')).map(([k, v]) => [k, Number(v)]));
const kinds = Object.keys(weights).filter((k) => weights[k] > 0);
const wsum = kinds.reduce((s, k) => s + weights[k], 0);
const rand = rng(Number(opt.seed));
function nextRequest(only) {
  let x = rand() * wsum;
  const kind = only ?? kinds.find((k) => (x -= weights[k]) < 0) ?? kinds.at(-1);
  const pickQ = () => queries[Math.floor(rand() * queries.length)];
  // --distinct: two queries of the mix joined by a space (~9.6k different strings), so the server's
  // result cache (keyed by the query) almost never answers: every search does its full work.
  const q = encodeURIComponent(opt.distinct ? `${pickQ()} ${pickQ()}` : pickQ());
  if (kind === 'search') return { kind, path: `/search?q=${q}` };
  if (kind === 'api') return { kind, path: `/api/search?q=${q}&pageSize=10` };
  if (kind === 'doc') return { kind, path: `/documents/${ids[Math.floor(rand() * ids.length)]}` };
  throw new Error(`unknown mix entry ${kind}`);
}

// The server.
const port = Number(opt.port);
const t0 = now();
const profArgs = opt['cpu-prof-dir'] ? ['--cpu-prof', `--cpu-prof-dir=${resolve(opt['cpu-prof-dir'])}`] : [];
const server = spawn(process.execPath, [...profArgs, join(resolve(opt.root), 'dist/cli/main.js'), 'serve', '--db', dbPath, '--port', String(port), '--host', '127.0.0.1', '--workers', opt.workers], {
  stdio: ['ignore', 'ignore', 'pipe'],
  env: { ...process.env, ...(opt['no-cache'] ? { GONGBAO_SEARCH_CACHE: '0' } : {}) },
});
let serverErr = '';
process.on('exit', () => server.exitCode === null && server.kill('SIGTERM'));
server.stderr.on('data', (d) => (serverErr += d));
const statusOf = (pid) => {
  try {
    return readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return '';
  }
};
const kb = (status, field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
/** RSS of each server process: the server, and with --workers > 1 its worker processes. */
const processRss = () => {
  const out = [kb(statusOf(server.pid), 'VmRSS') * 1024];
  if (opt.workers !== '1') {
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      const st = statusOf(d);
      if (kb(st, 'PPid') === server.pid) out.push(kb(st, 'VmRSS') * 1024);
    }
  }
  return out;
};
/** Summed RSS of the server's processes. */
const rssOf = () => processRss().reduce((a, b) => a + b, 0);
/** The largest single process's RSS (the per-process target). */
let peakProcessRss = 0;
const trackProcessPeak = () => (peakProcessRss = Math.max(peakProcessRss, ...processRss()));
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(opt['max-inflight']) });
// A keep-alive socket the server closed while idle fails at once with ECONNRESET; like Node's docs
// recommend, such a request is retried once on a fresh socket (its latency still counts from the first try).
function get(path, timeoutMs, retry = true) {
  return new Promise((res) => {
    const req = http.request({ host: '127.0.0.1', port, path, agent, headers: { accept: 'text/html' } }, (r) => {
      let bytes = 0;
      r.on('data', (d) => (bytes += d.length));
      r.on('end', () => res({ status: r.statusCode, bytes }));
      r.on('error', (e) => res({ status: 0, error: e.message }));
    });
    // A hard deadline from the send, connecting included (a blocked server stops accepting connections).
    const deadline = setTimeout(() => req.destroy(new Error('timeout')), timeoutMs);
    req.on('close', () => clearTimeout(deadline));
    req.on('error', (e) => {
      if (retry && req.reusedSocket && e.code === 'ECONNRESET') res(get(path, timeoutMs, false));
      else res({ status: 0, error: e.message });
    });
    req.end();
  });
}
for (;;) {
  if (server.exitCode !== null) {
    log(`server exited ${server.exitCode}: ${serverErr.trim()}`);
    process.exit(1);
  }
  const r = await get('/api', 1000);
  if (r.status === 200) break;
  if (now() - t0 > 600_000) throw new Error('server did not start in 10 minutes');
  await sleep(100);
}
const startupMs = now() - t0;
const rssIdle = rssOf();
log(`server up in ${fmt(startupMs / 1000)} s, RSS ${fmt(rssIdle / 1e6, 0)} MB; ${docCount} documents; ${queries.length} queries`);

// A constant-rate run: returns per-request records.
async function run(seconds, rate, record) {
  const interval = 1000 / rate;
  const total = Math.round(seconds * rate);
  const timeoutMs = Number(opt.timeout) * 1000;
  const maxInflight = Number(opt['max-inflight']);
  const done = [];
  let inflight = 0;
  let skipped = 0;
  let peakRss = rssOf();
  const poll = setInterval(() => {
    peakRss = Math.max(peakRss, rssOf());
    trackProcessPeak();
  }, 100);
  const start = now();
  const pending = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - now();
    if (wait > 1) await sleep(wait);
    if (inflight >= maxInflight) {
      skipped++;
      continue;
    }
    const r = nextRequest();
    inflight++;
    pending.push(
      get(r.path, timeoutMs).then((x) => {
        inflight--;
        const end = now();
        if (record) done.push({ ...r, ...x, ms: end - due, serviceMs: end - Math.max(due, start), end });
      }),
    );
  }
  const sentEnd = now();
  // Every sent request holds a socket (in flight ≤ maxSockets), so each ends by its timeout: wait for all,
  // so that nothing from the warm-up is still queued on the server when the measured run starts.
  await Promise.all(pending);
  clearInterval(poll);
  peakRss = Math.max(peakRss, rssOf());
  return { done, skipped, sendSeconds: (sentEnd - start) / 1000, lastEnd: (Math.max(...done.map((d) => d.end), sentEnd) - start) / 1000, peakRss, total };
}

// Service time: each route alone, one request at a time (no queueing).
const serial = {};
for (const k of kinds) {
  const xs = [];
  for (let i = 0; i < Number(opt.serial); i++) {
    const r = nextRequest(k);
    const t = now();
    const x = await get(r.path, Number(opt.timeout) * 1000);
    if (x.status >= 200 && x.status < 400) xs.push(now() - t);
  }
  serial[k] = xs;
}
const serialRss = rssOf();

log(`warm-up: ${opt.warmup} s at ${opt.rate} req/s`);
if (Number(opt.warmup) > 0) await run(Number(opt.warmup), Number(opt.rate), false);
log(`measuring: ${opt.duration} s at ${opt.rate} req/s, mix ${opt.mix}`);
const res = await run(Number(opt.duration), Number(opt.rate), true);
server.kill('SIGTERM');
if (profArgs.length) await new Promise((r) => (server.exitCode !== null ? r() : server.on('exit', r)));

const ok = (d) => d.status >= 200 && d.status < 400;
const line = (cells, w) => cells.map((c, i) => (i === 0 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join(' ');
const w = [8, 7, 7, 9, 9, 9, 9, 8, 10];
console.log(`\nWeb load (${machine()})`);
console.log(`gongbao serve --db ${dbPath} (${docCount} documents; code: ${resolve(opt.root)}/dist); target ${opt.rate} req/s for ${opt.duration} s after ${opt.warmup} s warm-up; mix ${opt.mix}; ` +
  (opt.distinct ? 'queries: pairs of the mix (--distinct: the result cache rarely hits)' : `queries: the ${queries.length}-query mix`) +
  (opt['no-cache'] ? '; result cache OFF (every search does its full work)' : opt.distinct ? '' : ' (repeats: the result cache answers most searches after the warm-up)') +
  `; ${opt.workers} server process${opt.workers === '1' ? '' : 'es (--workers)'}`);
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
console.log(`service time: one request at a time, ${opt.serial} per route (ms)`);
console.log(line(['route', 'ok', 'p50', 'p99', 'max', 'mean'], [8, 7, 9, 9, 9, 9]));
for (const k of kinds) console.log(line([k, serial[k].length, fmt(pct(serial[k], 50)), fmt(pct(serial[k], 99)), fmt(Math.max(...serial[k])), fmt(mean(serial[k]))], [8, 7, 9, 9, 9, 9]));
const capacity = 1000 / kinds.reduce((s, k) => s + (weights[k] / wsum) * mean(serial[k]), 0);
console.log(`→ one server process can sustain about ${fmt(capacity)} req/s of this mix (1 / mean service time, weighted by the mix)\n`);
console.log(`under load: ${opt.rate} req/s, latency from the scheduled send time (ms)`);
console.log(line(['route', 'sent', 'ok', 'p50', 'p90', 'p99', 'max', 'errors', 'KB/resp'], w));
for (const k of [...kinds, 'all']) {
  const xs = res.done.filter((d) => k === 'all' || d.kind === k);
  const oks = xs.filter(ok);
  const lat = xs.map((d) => d.ms);
  console.log(line([k, xs.length, oks.length, fmt(pct(lat, 50)), fmt(pct(lat, 90)), fmt(pct(lat, 99)), fmt(Math.max(...lat)), xs.length - oks.length, fmt(oks.reduce((s, d) => s + d.bytes, 0) / Math.max(1, oks.length) / 1024)], w));
}
const okAll = res.done.filter(ok);
const codes = {};
for (const d of res.done) codes[d.status || d.error] = (codes[d.status || d.error] ?? 0) + 1;
const achieved = okAll.length / res.lastEnd;
const p99 = pct(res.done.map((d) => d.ms), 99);
console.log(`\nachieved: ${fmt(res.done.length / res.sendSeconds)} req/s sent (${res.done.length} of ${res.total} scheduled; ${res.skipped} not sent because ` +
  `${opt['max-inflight']} were in flight), ${fmt(achieved)} ok responses/s until the last answer at ${fmt(res.lastEnd)} s (${okAll.length} ok); statuses ${JSON.stringify(codes)}`);
console.log(`server RSS${opt.workers === '1' ? '' : ' (primary + workers, summed)'}: ${fmt(rssIdle / 1e6, 0)} MB after start-up (${fmt(startupMs / 1000)} s), ${fmt(serialRss / 1e6, 0)} MB after the service-time pass, peak ${fmt(res.peakRss / 1e6, 0)} MB during the load run`);
console.log(`targets: p99 ≤ 100 ms at ${opt.rate} req/s: ${p99 <= 100 && achieved >= 0.95 * Number(opt.rate) ? 'met' : 'NOT met'} (p99 ${fmt(p99)} ms, ${fmt(achieved)} ok/s); ` +
  `RSS ≤ 300 MB per server process: ${peakProcessRss <= 300e6 ? 'met' : 'NOT met'} (largest process peak ${fmt(peakProcessRss / 1e6, 0)} MB)`);
agent.destroy();
process.exit(0);
