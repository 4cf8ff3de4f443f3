// How much extraction (responsibilities, deadlines, validity, citations, groups,
// amounts, contacts) adds to parsing, over the bundled samples. Each round
// runs the pipeline of src/pipeline.ts on every sample and times its two
// halves in CPU time: decode + lines + parse, then extract on that fresh
// parse. Both halves run in the same conditions (same heap, same caches), so
// their ratio is what extraction adds to a real ingest. Target: ≤ 50%.
// Usage: npm run build && node bench/extract-overhead.mjs [--rounds 100]
import { join } from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import { decodeText } from '../dist/text/decode.js';
import { toSourceLines } from '../dist/text/lines.js';
import { parseLines } from '../dist/parse/issue.js';
import { defaultRegistry, extractIssue } from '../dist/extract/index.js';

const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : dflt; };
const rounds = arg('--rounds', 100);
const dir = join(import.meta.dirname, '../data/samples');
const files = readdirSync(dir).map((f) => readFileSync(join(dir, f)));
const reg = defaultRegistry();
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

function round() {
  const t0 = cpu();
  const parsed = files.map((b) => {
    const lines = toSourceLines(decodeText(b).text);
    return { lines, issue: parseLines(lines, {}) };
  });
  const t1 = cpu();
  for (const p of parsed) extractIssue(p.issue, p.lines, reg);
  const t2 = cpu();
  return { parse: t1 - t0, extract: t2 - t1 };
}

for (let i = 0; i < 10; i++) round();
const ps = [], es = [], ratios = [];
for (let i = 0; i < rounds; i++) {
  const r = round();
  ps.push(r.parse); es.push(r.extract); ratios.push(r.extract / r.parse);
}
const q = (x, f) => [...x].sort((a, b) => a - b)[Math.floor((x.length - 1) * f)];
const pct = (r) => `${(r * 100).toFixed(0)}%`;
const mb = files.reduce((s, f) => s + f.length, 0) / 1e6;
const sum = (x) => x.reduce((s, v) => s + v, 0);
console.log(`samples: ${files.length} issues, ${mb.toFixed(2)} MB; ${rounds} rounds`);
console.log(`parse median ${q(ps, 0.5).toFixed(1)} ms, extract median ${q(es, 0.5).toFixed(1)} ms`);
console.log(`extraction adds: median ${pct(q(ratios, 0.5))} (p25 ${pct(q(ratios, 0.25))}, p75 ${pct(q(ratios, 0.75))}); total over all rounds ${pct(sum(es) / sum(ps))}`);
