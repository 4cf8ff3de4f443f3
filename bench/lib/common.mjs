// Shared by the scale and load benchmarks: percentiles, the query mix, the
// dist snapshot, file sizes, machine notes.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..');

/** Nearest-rank percentile of an array of numbers. */
export function pct(xs, p) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** mulberry32: a small seeded PRNG, so a seed always gives the same sequence. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '—');
export const mb = (bytes) => bytes / 1e6;
export const fileSize = (f) => (existsSync(f) ? statSync(f).size : 0);
/** A SQLite database's bytes on disk: the main file plus its -wal. */
export const dbBytes = (f) => fileSize(f) + fileSize(`${f}-wal`);
export const removeDb = (f) => {
  for (const s of ['', '-wal', '-shm', '-journal']) rmSync(`${f}${s}`, { force: true });
};

export function machine() {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    if (dirty) commit += '+dirty src';
  } catch {}
  return `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}, commit ${commit}`;
}

/**
 * The fixed query mix: every `query` of the relevance fixture, 文号 typed four
 * ways for `docNumbers` (taken from the library under test), and three very
 * common words.
 */
export function queryMix(docNumbers) {
  const { queries } = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/relevance/queries.json'), 'utf8'));
  const mix = queries.map((q) => ({ q: q.query, kind: `fixture:${q.kind}` }));
  for (const dn of docNumbers) {
    const m = /^(.+?)〔(\d{4})〕(\d+)号$/.exec(dn);
    if (!m) continue;
    const [, p, y, n] = m;
    mix.push({ q: dn, kind: '文号' }, { q: `${p}[${y}]${n}号`, kind: '文号' }, { q: `${p}（${y}）${n}号`, kind: '文号' }, { q: `${p}${y}年${n}号`, kind: '文号' });
  }
  for (const w of ['工作', '实施方案', '县']) mix.push({ q: w, kind: 'common' });
  return mix;
}

/**
 * A snapshot of dist/ to run a long benchmark against (WORK/dist-snapshot):
 * the copy sits beside symlinks to node_modules, data and assets, so it
 * resolves packages and finds its data files like dist/ does.
 */
export function snapshotDist(work) {
  const root = join(work, 'dist-snapshot');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  cpSync(join(repoRoot, 'dist'), join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'package.json'), readFileSync(join(repoRoot, 'package.json')));
  for (const d of ['node_modules', 'data', 'assets']) if (existsSync(join(repoRoot, d))) symlinkSync(join(repoRoot, d), join(root, d));
  return root;
}
