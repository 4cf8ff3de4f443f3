// How much extraction (responsibilities, deadlines, validity, citations, groups,
// amounts, contacts) adds to parsing: CPU time of parse vs parse+extract over the
// bundled samples, interleaved, 60 rounds, median ratio. Target: ≤ 50%.
// Usage: npm run build && node bench/extract-overhead.mjs
import { join } from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import { parseIssueBytes } from '../dist/parse/issue.js';
import { analyzeIssueBytes } from '../dist/pipeline.js';
import { defaultRegistry } from '../dist/extract/index.js';
const files = readdirSync(join(import.meta.dirname, '../data/samples')).map(f => readFileSync(join(import.meta.dirname, '../data/samples', f)));
const reg = defaultRegistry();
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const once = (fn) => { const t = cpu(); files.forEach(fn); return cpu() - t; };
for (let i = 0; i < 10; i++) { once((b) => parseIssueBytes(b)); once((b) => analyzeIssueBytes(b, { registry: reg })); }
const ratios = [], ps = [], as = [];
for (let i = 0; i < 60; i++) { const p = once((b) => parseIssueBytes(b)); const a = once((b) => analyzeIssueBytes(b, { registry: reg })); ps.push(p); as.push(a); ratios.push(a / p - 1); }
const med = (x) => [...x].sort((a, b) => a - b)[Math.floor(x.length / 2)];
console.log(`parse median ${med(ps).toFixed(1)} ms, parse+extract ${med(as).toFixed(1)} ms, extraction adds median ${(med(ratios) * 100).toFixed(0)}% (min ${(Math.min(...ratios) * 100).toFixed(0)}%)`);
