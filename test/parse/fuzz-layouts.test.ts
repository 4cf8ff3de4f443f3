// Fuzzing the layouts beyond the 五台 samples: the assembled gov.cn issues
// and single documents cut from them, mutated with what other governments'
// pages print (page numbers and running heads at random places, 令 headings,
// 文号 above titles or in parentheses, 目录 lines, letter spacing, dates with
// o/○ zeros, deleted, doubled and swapped lines). At least 2,000 inputs:
// no crash (only GongbaoError), ordered in-range documents, sane fields.
// The slowest input per MB is printed (a figure for bench/README.md, not an
// assertion beyond a hang guard).
//   FUZZ_SEED=1 FUZZ_LAYOUT_RUNS=10000 npx vitest run test/parse/fuzz-layouts.test.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isGongbaoError } from '../../src/errors.js';
import { parseIssueText } from '../../src/parse/issue.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const RUNS = Number(process.env.FUZZ_LAYOUT_RUNS ?? 2000);
/** Hang guard only: a parse of these inputs (≤ 60 KB) takes milliseconds. */
const HANG_GUARD_MS = 3000;
const DIR = join(import.meta.dirname, '../fixtures/assembled');
const ISSUES = ['govcn-issue-a.txt', 'govcn-issue-b.txt'].map((n) => readFileSync(join(DIR, n), 'utf8').split('\n'));
/** Where each document's title starts (the line after two blank lines, as assembled): single documents are cut from there. */
const STARTS = ISSUES.map((ls) => ls.flatMap((l, i) => (i > 2 && l && !ls[i - 1] && !ls[i - 2] ? [i] : [])));

const NOISE = ['— 7 —', '- 12 -', '中华人民共和国国务院公报', '某市人民政府令', '第3号', '某政发〔2020〕1号', '（某政办发〔2021〕9号）', '目　录',
  '1、某市人民政府关于某事的通知……（3）', '二o一一年三月五日', '二〇二〇年十月一日', '市长　张三', '某县人民政府、某县人民武装部', '附件', '各省、自治区、直辖市人民政府：', ''];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), token: fc.nat({ max: NOISE.length - 1 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('double' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('space' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('split' as const), at: fc.nat(), cut: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(ls: string[], m: Mutation): string[] {
  if (!ls.length) return ls;
  const i = m.at % ls.length;
  const out = ls.slice();
  switch (m.kind) {
    case 'insert': out.splice(i, 0, '', NOISE[m.token]!, ''); break;
    case 'delete': out.splice(i, m.n); break;
    case 'double': out.splice(i, 0, ...ls.slice(i, i + m.n)); break;
    case 'swap': { const j = m.other % ls.length; [out[i], out[j]] = [out[j]!, out[i]!]; break; }
    case 'space': out[i] = [...out[i]!].join(' '); break;
    case 'split': { const l = out[i]!; const c = m.cut % (l.length + 1); out.splice(i, 1, l.slice(0, c), '', '— 9 —', '', '中华人民共和国国务院公报', '', l.slice(c)); break; }
  }
  return out;
}

const input = fc.record({
  issue: fc.nat({ max: ISSUES.length - 1 }),
  /** Whole issue, or one document cut out of it (a single 公文). */
  single: fc.boolean(),
  doc: fc.nat(),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 6 }),
});

function build(r: { issue: number; single: boolean; doc: number; mutations: Mutation[] }): string {
  let ls = ISSUES[r.issue]!;
  if (r.single) {
    const starts = STARTS[r.issue]!;
    const k = r.doc % starts.length;
    ls = ls.slice(starts[k], starts[k + 1] ?? ls.length);
  }
  return r.mutations.reduce(apply, ls).join('\n');
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /〔\d{4}〕\d+号$|令第\d+号$/;

describe('fuzz: other layouts', () => {
  it(`${RUNS} mutated gov.cn issues and single documents: no crash, sane output`, () => {
    let worst = { msPerMb: 0, bytes: 0, ms: 0, text: '' };
    // Every input ≥ 16 KB that took over 1 s per MB once: timed again below.
    const suspects: string[] = [];
    let slowest = { ms: 0, bytes: 0 };
    fc.assert(
      fc.property(input, (r) => {
        const text = build(r);
        const nLines = text.split('\n').length;
        const t0 = performance.now();
        let out;
        try {
          out = parseIssueText(text, { file: 'fuzz.txt' });
        } catch (e) {
          if (!isGongbaoError(e)) throw e;
          return;
        }
        const ms = performance.now() - t0;
        const bytes = Buffer.byteLength(text);
        // Per-MB figures of inputs under 16 KB measure the call, not the input.
        if (bytes >= 16_000 && ms / (bytes / 1e6) > worst.msPerMb) worst = { msPerMb: ms / (bytes / 1e6), bytes, ms, text };
        if (bytes >= 16_000 && ms / (bytes / 1e6) > 1000) suspects.push(text);
        if (ms > slowest.ms) slowest = { ms, bytes };
        expect(ms).toBeLessThan(HANG_GUARD_MS);
        let prevEnd = 0;
        for (const d of out.documents) {
          expect(d.lines[0]).toBeGreaterThan(prevEnd);
          expect(d.lines[1]).toBeLessThanOrEqual(nLines);
          prevEnd = d.lines[1];
          if (d.date !== null) expect(d.date).toMatch(ISO);
          if (d.docNumber !== null) expect(d.docNumber).toMatch(NUMBER);
          expect(typeof d.title).toBe('string');
        }
        if (out.issue.standalone) expect(out.toc).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // Inputs timed again (best of 5): a garbage-collection pause is not the input's cost.
    const best = (text: string) => Math.min(...[1, 2, 3, 4, 5].map(() => { const t0 = performance.now(); parseIssueText(text); return performance.now() - t0; })) / (Buffer.byteLength(text) / 1e6);
    const again = best(worst.text);
    const suspectsWorst = Math.max(0, ...suspects.map(best));
    console.log(
      `fuzz-layouts: worst input re-timed: ${again.toFixed(0)} ms/MB; ${suspects.length} inputs over 1 s/MB once, worst of them re-timed: ${suspectsWorst.toFixed(0)} ms/MB`,
    );
    console.log(
      `fuzz-layouts: ${RUNS} inputs; worst per MB (inputs ≥ 16 KB): ${worst.msPerMb.toFixed(0)} ms/MB (${worst.ms.toFixed(1)} ms for ${worst.bytes} B); ` +
        `slowest: ${slowest.ms.toFixed(1)} ms for ${slowest.bytes} B`,
    );
  }, 180_000);
});
