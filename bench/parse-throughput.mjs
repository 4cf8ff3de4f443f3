// Parse throughput benchmark. Run with `npm run bench` (builds dist/ first).
//
// Measures, on one core (the parser is synchronous):
//   - every bundled sample: docs found, p50/p99/median ms, MB/s;
//   - a synthetic issue built from the largest sample (cover + TOC kept, body
//     repeated with renumbered 文号) at 1×, 10×, 25× and 50× the body;
//   - a baseline over the same bytes: decode + split lines + normalize
//     (`decodeText` + `toSourceLines`), and the ratio parse / baseline;
//   - linearity: ms per MB at each synthetic size and the 50× / 1× ratio;
//   - peak RSS.
// MB means 10^6 bytes of UTF-8 input.
//
// Environment knobs: BENCH_SAMPLE_RUNS (default 50), BENCH_SYNTH_RUNS (default 5, minimum per size),
// BENCH_COPIES (default "1,10,25,50").
import { readFileSync, readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseIssueBytes, parseIssueText } from '../dist/parse/issue.js';
import { decodeText } from '../dist/text/decode.js';
import { toSourceLines } from '../dist/text/lines.js';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLE_DIR = join(here, '../data/samples');
const SAMPLE_RUNS = Number(process.env.BENCH_SAMPLE_RUNS ?? 50);
const SYNTH_RUNS = Number(process.env.BENCH_SYNTH_RUNS ?? 5);
const COPIES = (process.env.BENCH_COPIES ?? '1,10,25,50').split(',').map(Number);
const TARGET_MBS = 10;
/** Small synthetic sizes repeat until this much timed work has accumulated. */
const MIN_TOTAL_MS = 3000;
/** The parser's 文号 grammar reads serials of 1–4 digits. */
const MAX_SERIAL = 9999;

let peakRss = process.memoryUsage().rss;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

/** Nearest-rank percentile of a sorted array. */
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const mbs = (bytes, ms) => bytes / 1e6 / (ms / 1000);
const fmt = (x, d = 1) => x.toFixed(d);
const pad = (s, n) => String(s).padStart(n);
const padEnd = (s, n) => String(s).padEnd(n);

/**
 * Time `fn` after `warmup` untimed calls; returns sorted ms and the last
 * result. Runs at least `runs` times and, for small inputs, until about
 * `minTotalMs` of timed work has accumulated (max 500 runs), so that the
 * median of a 20 ms parse is as stable as that of a 1 s one.
 */
function measure(fn, runs, warmup, minTotalMs = 0) {
  let result;
  for (let i = 0; i < warmup; i++) {
    result = fn();
    sampleRss();
  }
  const times = [];
  let total = 0;
  for (let i = 0; i < runs || (total < minTotalMs && i < 500); i++) {
    const t0 = performance.now();
    result = fn();
    const ms = performance.now() - t0;
    times.push(ms);
    total += ms;
    sampleRss();
  }
  times.sort((a, b) => a - b);
  return { times, median: pct(times, 50), result };
}

const parse = (bytes) => parseIssueBytes(bytes);
const baseline = (bytes) => toSourceLines(decodeText(bytes).text);

// ---------------------------------------------------------------------------
// Synthetic issue: cover + TOC of the largest sample, then its body (from the
// first document on) repeated, every `〔YYYY〕N号` serial in copy c renumbered
// to N + c*K so that each copy's documents are distinct 文号. K is chosen so
// that the largest serial stays within four digits (N + copy*1000 would
// overflow the 1–4 digit serial grammar from the 10th copy on, and those
// documents would silently stop being recognized).

const DOC_NUMBER = /([〔[（(【])(\s*(?:19|20)\d{2}\s*)([〕\]）)】])(\s*)(\d{1,4})(\s*号)/g;

function splitLines(text) {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function buildSynthetic(text, maxCopies) {
  // The parser itself locates the body: the first document's first line.
  const parsed = parseIssueText(text);
  const lines = splitLines(text);
  const bodyStart = parsed.documents[0].lines[0] - 1; // 0-based index of the first document
  const head = lines.slice(0, bodyStart).join('\n');
  const body = lines.slice(bodyStart).join('\n');
  const serials = [...body.matchAll(DOC_NUMBER)].map((m) => Number(m[5]));
  const maxBodySerial = Math.max(0, ...serials);
  const maxDocSerial = Math.max(0, ...parsed.documents.map((d) => Number(/(\d+)号$/.exec(d.docNumber ?? '')?.[1] ?? 0)));
  const step = maxCopies > 1 ? Math.floor((MAX_SERIAL - maxBodySerial) / (maxCopies - 1)) : 0;
  if (maxCopies > 1 && step <= maxDocSerial) {
    throw new Error(`cannot renumber ${maxCopies} copies within ${MAX_SERIAL} (step ${step} ≤ largest document serial ${maxDocSerial})`);
  }
  const copy = (c) => body.replace(DOC_NUMBER, (_m, open, year, close, sp, n, tail) => `${open}${year}${close}${sp}${Number(n) + c * step}${tail}`);
  const make = (copies) => [head, ...Array.from({ length: copies }, (_, c) => copy(c))].join('\n') + '\n';
  return { make, step, docsPerCopy: parsed.documents.length };
}

// ---------------------------------------------------------------------------

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`gongbao parse throughput — Node ${process.version}, ${cpus().length} cores (${cpu}), ${new Date().toISOString().slice(0, 10)}`);
console.log(`MB = 10^6 bytes of UTF-8 input; parse = parseIssueBytes (decode + parse); baseline = decodeText + toSourceLines`);
console.log('');

// --- samples
const names = readdirSync(SAMPLE_DIR).filter((n) => n.endsWith('.txt')).sort();
const samples = names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(SAMPLE_DIR, name))) }));
console.log(`Samples (${SAMPLE_RUNS} timed runs each after 5 warm-up runs)`);
console.log(
  `${padEnd('file', 26)}${pad('KB', 8)}${pad('docs', 6)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('MB/s', 8)}${pad('base ms', 9)}${pad('parse/base', 12)}`,
);
let totalBytes = 0;
let totalMs = 0;
for (const s of samples) {
  const p = measure(() => parse(s.bytes), SAMPLE_RUNS, 5);
  const b = measure(() => baseline(s.bytes), SAMPLE_RUNS, 5);
  totalBytes += s.bytes.length;
  totalMs += p.median;
  console.log(
    `${padEnd(s.name, 26)}${pad(fmt(s.bytes.length / 1000), 8)}${pad(p.result.documents.length, 6)}${pad(fmt(pct(p.times, 50)), 9)}${pad(fmt(pct(p.times, 99)), 9)}` +
      `${pad(fmt(mbs(s.bytes.length, p.median)), 8)}${pad(fmt(b.median), 9)}${pad(fmt(p.median / b.median), 12)}`,
  );
}
console.log(`${padEnd('all samples (sum of p50)', 26)}${pad(fmt(totalBytes / 1000), 8)}${pad('', 6)}${pad(fmt(totalMs), 9)}${pad('', 9)}${pad(fmt(mbs(totalBytes, totalMs)), 8)}`);
console.log('');

// --- synthetic
const largest = samples.reduce((a, b) => (b.bytes.length > a.bytes.length ? b : a));
const largestText = new TextDecoder().decode(largest.bytes);
const maxCopies = Math.max(...COPIES);
const synth = buildSynthetic(largestText, maxCopies);
console.log(
  `Synthetic issue from ${largest.name}: cover + TOC, body ×N, 文号 serials renumbered N + copy×${synth.step} ` +
    `(median of ≥${SYNTH_RUNS} timed runs and ≥${MIN_TOTAL_MS / 1000} s per size, after 1 warm-up run)`,
);
console.log(
  `${padEnd('copies', 8)}${pad('MB', 8)}${pad('docs', 7)}${pad('expect', 8)}${pad('runs', 6)}${pad('median ms', 11)}${pad('MB/s', 8)}${pad('ms/MB', 9)}${pad('base ms', 10)}${pad('base MB/s', 11)}${pad('parse/base', 12)}`,
);
const perMb = new Map();
for (const copies of COPIES) {
  const bytes = new TextEncoder().encode(synth.make(copies));
  const p = measure(() => parse(bytes), SYNTH_RUNS, 1, MIN_TOTAL_MS);
  const b = measure(() => baseline(bytes), SYNTH_RUNS, 1, MIN_TOTAL_MS);
  const mb = bytes.length / 1e6;
  perMb.set(copies, p.median / mb);
  console.log(
    `${padEnd(`${copies}×`, 8)}${pad(fmt(mb, 2), 8)}${pad(p.result.documents.length, 7)}${pad(copies * synth.docsPerCopy, 8)}${pad(p.times.length, 6)}${pad(fmt(p.median, 0), 11)}` +
      `${pad(fmt(mbs(bytes.length, p.median)), 8)}${pad(fmt(p.median / mb, 0), 9)}${pad(fmt(b.median, 0), 10)}${pad(fmt(mbs(bytes.length, b.median)), 11)}${pad(fmt(p.median / b.median), 12)}`,
  );
}
console.log('');

// --- verdicts
const lo = Math.min(...COPIES);
const hi = Math.max(...COPIES);
const ratio = perMb.get(hi) / perMb.get(lo);
const hiMbs = 1000 / perMb.get(hi);
console.log(`Linearity: time per MB at ${hi}× / ${lo}× = ${fmt(ratio, 2)} (≈1 means linear)`);
console.log(`Throughput at ${hi}×: ${fmt(hiMbs)} MB/s; target ≥ ${TARGET_MBS} MB/s on one core: ${hiMbs >= TARGET_MBS ? 'met' : 'NOT met'}`);
console.log(`Peak RSS: ${fmt(peakRss / 2 ** 20, 0)} MiB (process.memoryUsage().rss); OS max RSS ${fmt(process.resourceUsage().maxRSS / 1024, 0)} MiB`);
