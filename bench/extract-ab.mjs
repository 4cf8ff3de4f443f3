// Extraction cost of this checkout against another (an older commit), in one
// process: every round parses the samples afresh with each version and
// extracts with each, in alternating order, so both see the same machine
// load. Prints each version's extraction time as a share of its parse time.
// Usage: npm run build && node bench/extract-ab.mjs OTHER_CHECKOUT [--rounds 60]
//   (OTHER_CHECKOUT is built too: e.g. `git worktree add /tmp/base <commit>`,
//   link node_modules into it, `npx tsc -p tsconfig.json` there.)
import { join, resolve } from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';

const other = process.argv[2];
if (!other || other.startsWith('--')) {
  console.error('用法：node bench/extract-ab.mjs 另一份已构建的检出目录 [--rounds 60]');
  process.exit(2);
}
const i = process.argv.indexOf('--rounds');
const rounds = i > 0 ? Number(process.argv[i + 1]) : 60;
const load = async (root) => ({
  decode: await import(join(root, 'dist/text/decode.js')),
  lines: await import(join(root, 'dist/text/lines.js')),
  issue: await import(join(root, 'dist/parse/issue.js')),
  extract: await import(join(root, 'dist/extract/index.js')),
});
const versions = { other: await load(resolve(other)), this: await load(resolve(import.meta.dirname, '..')) };
const regs = Object.fromEntries(Object.entries(versions).map(([k, v]) => [k, v.extract.defaultRegistry()]));
const dir = join(import.meta.dirname, '../data/samples');
const files = readdirSync(dir).map((f) => readFileSync(join(dir, f)));
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const sums = { other: { parse: 0, extract: 0 }, this: { parse: 0, extract: 0 } };
for (let r = 0; r < rounds + 10; r++) {
  for (const name of r % 2 ? ['other', 'this'] : ['this', 'other']) {
    const v = versions[name];
    const t0 = cpu();
    const parsed = files.map((b) => { const lines = v.lines.toSourceLines(v.decode.decodeText(b).text); return { lines, issue: v.issue.parseLines(lines, {}) }; });
    const t1 = cpu();
    for (const p of parsed) v.extract.extractIssue(p.issue, p.lines, regs[name]);
    const t2 = cpu();
    if (r >= 10) { sums[name].parse += t1 - t0; sums[name].extract += t2 - t1; }
  }
}
for (const [name, s] of Object.entries(sums)) {
  console.log(`${name.padEnd(5)}: extract ${(s.extract / rounds).toFixed(1)} ms/round, ${((100 * s.extract) / s.parse).toFixed(0)}% of parse`);
}
console.log(`this/other extraction time: ${(sums.this.extract / sums.other.extract).toFixed(2)}`);
