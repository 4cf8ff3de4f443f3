// Robustness fuzzing: mutate the bundled sample issues and check that the
// parser never crashes (only GongbaoError may escape), terminates, and
// returns output whose structural invariants hold. Plus a few pathological
// inputs. Termination is guarded by the tests' timeouts, not by timing each
// parse (a busy machine must not fail the suite): `npm run bench:linear`
// times the pathological inputs.
//
// Reproducibility: every property runs with a fixed seed. Set FUZZ_SEED and/or
// FUZZ_RUNS to explore further, e.g.
//   FUZZ_SEED=123 FUZZ_RUNS=500 npx vitest run test/parse/fuzz.test.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { isGongbaoError } from '../../src/errors.js';
import { parseIssueBytes, parseIssueText } from '../../src/parse/issue.js';
import type { ParsedIssue } from '../../src/parse/types.js';
import { decodeText } from '../../src/text/decode.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
/** Hang guard for a whole property or pathological input (a parse of a mutated sample takes well under 1 s). */
const TEST_TIMEOUT_MS = 120_000;

const SAMPLE_DIR = join(import.meta.dirname, '../../data/samples');
const SAMPLE_NAMES = ['wutai-2021-no4.txt', 'wutai-2022-no1.txt', 'wutai-2022-no4-part2.txt', 'wutai-2023-no2.txt'];
const SAMPLES: Record<string, string> = Object.fromEntries(SAMPLE_NAMES.map((n) => [n, readFileSync(join(SAMPLE_DIR, n), 'utf8')]));

// ---------------------------------------------------------------------------
// Oracle: independent of the parser's own line splitting.

/** Source lines as the output model defines them: split on CRLF/CR/LF, BOM dropped, a final newline ends the last line. */
function countLines(text: string): number {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parts = body.split(/\r\n|\r|\n/);
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts.length;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A 文号 (`…〔2022〕8号`) or an order number (`国令第706号`). */
const DOC_NUMBER = /〔\d{4}〕\d+号$|令第\d+号$/;
const SEVERITIES = new Set(['error', 'warning', 'info']);

/** Assertions in the hot walk stay cheap: build the message only on failure. */
function ensure(ok: boolean, message: () => string): void {
  if (!ok) expect.fail(message());
}

function checkDate(where: string, v: unknown): void {
  if (v === null) return;
  const m = typeof v === 'string' ? ISO_DATE.exec(v) : null;
  ensure(m !== null, () => `${where}: ${JSON.stringify(v)} is not YYYY-MM-DD`);
  const [y, mo, d] = [Number(m![1]), Number(m![2]), Number(m![3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  ensure(t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d, () => `${where}: ${String(v)} is not a calendar date`);
}

function checkDocNumber(where: string, v: unknown): void {
  if (v === null) return;
  ensure(typeof v === 'string' && DOC_NUMBER.test(v), () => `${where}: ${JSON.stringify(v)} is not a 文号`);
}

function checkRange(where: string, r: unknown, nLines: number): void {
  const ok =
    Array.isArray(r) && r.length === 2 && Number.isInteger(r[0]) && Number.isInteger(r[1]) && r[0] >= 1 && r[0] <= r[1] && r[1] <= nLines;
  ensure(ok, () => `${where}: range ${JSON.stringify(r)} is not within 1..${nLines}`);
}

function checkDiagnostic(where: string, d: unknown, nLines: number): void {
  const x = (d ?? {}) as Record<string, unknown>;
  ensure(SEVERITIES.has(x.severity as string), () => `${where}: severity ${String(x.severity)}`);
  ensure(typeof x.code === 'string' && x.code.length > 0, () => `${where}: code ${String(x.code)}`);
  ensure(typeof x.message === 'string' && x.message.length > 0, () => `${where}: message ${String(x.message)}`);
  const line = x.line as number;
  ensure(Number.isInteger(line) && line >= 1 && line <= nLines, () => `${where}: diagnostic ${String(x.code)} line ${String(x.line)} outside 1..${nLines}`);
}

/**
 * Walk the whole output: every `lines` / `signatureLines` range (issue, TOC
 * entries, documents, outline nodes at any depth, tables, enclosures,
 * attachments, blocks) and every diagnostic, wherever it sits.
 */
function walk(node: unknown, path: string, nLines: number): void {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) walk(node[i], `${path}[${i}]`, nLines);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const k of Object.keys(node)) {
    const v = (node as Record<string, unknown>)[k];
    if (k === 'lines' || k === 'signatureLines') {
      if (v !== null) checkRange(`${path}.${k}`, v, nLines);
    } else if (k === 'diagnostics') {
      ensure(Array.isArray(v), () => `${path}.${k} is not an array`);
      (v as unknown[]).forEach((d, i) => checkDiagnostic(`${path}.${k}[${i}]`, d, nLines));
    } else if (v !== null && typeof v === 'object') {
      walk(v, `${path}.${k}`, nLines);
    }
  }
}

/** Every range and diagnostic line under `node` lies within `[a, b]`. */
function checkContained(node: unknown, path: string, [a, b]: [number, number]): void {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) checkContained(node[i], `${path}[${i}]`, [a, b]);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const k of Object.keys(node)) {
    const v = (node as Record<string, unknown>)[k];
    if ((k === 'lines' || k === 'signatureLines') && Array.isArray(v)) {
      ensure(v[0] >= a && v[1] <= b, () => `${path}.${k} ${JSON.stringify(v)} lies outside its document ${JSON.stringify([a, b])}`);
    } else if (k === 'line' && typeof v === 'number') {
      ensure(v >= a && v <= b, () => `${path}.line ${v} lies outside its document ${JSON.stringify([a, b])}`);
    } else if (v !== null && typeof v === 'object') {
      checkContained(v, `${path}.${k}`, [a, b]);
    }
  }
}

interface CheckOptions {
  /** Skip the output-size bound (pathological inputs amplify tiny lines). */
  skipSizeBound?: boolean;
}

/** The structural invariants every successful parse must satisfy. */
function checkIssue(out: ParsedIssue, nLines: number, inputBytes: number, opts: CheckOptions = {}): void {
  expect(out.documents.length).toBeGreaterThan(0);
  expect(out.documents.length).toBeLessThanOrEqual(nLines);
  walk(out, '$', nLines);

  for (let k = 1; k < out.documents.length; k++) {
    const prev = out.documents[k - 1]!.lines;
    const cur = out.documents[k]!.lines;
    ensure(prev[1] < cur[0], () => `documents[${k - 1}] ${JSON.stringify(prev)} overlaps or follows documents[${k}] ${JSON.stringify(cur)}`);
  }

  // Everything a document reports lies inside the document's own range.
  out.documents.forEach((d, k) => {
    const { outline, tables, enclosures, attachments, diagnostics, signatureLines, blocks } = d;
    checkContained({ outline, tables, enclosures, attachments, diagnostics, signatureLines, blocks }, `documents[${k}]`, d.lines);
  });

  checkDate('issue.periodStart', out.issue.periodStart);
  checkDate('issue.periodEnd', out.issue.periodEnd);
  checkDate('issue.published', out.issue.published);
  out.documents.forEach((d, i) => {
    checkDate(`documents[${i}].date`, d.date);
    checkDocNumber(`documents[${i}].docNumber`, d.docNumber);
  });
  out.toc.forEach((e, i) => checkDocNumber(`toc[${i}].docNumber`, e.docNumber));

  if (!opts.skipSizeBound) {
    const size = Buffer.byteLength(JSON.stringify(out), 'utf8');
    expect(size, `output JSON ${size} B for ${inputBytes} B of input`).toBeLessThanOrEqual(20 * inputBytes + 100_000);
  }
}

type Outcome = { ok: true; out: ParsedIssue } | { ok: false; error: unknown };

function attempt(run: () => ParsedIssue): Outcome {
  try {
    return { ok: true, out: run() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** No crash (only GongbaoError), sane output. */
function checkOutcome(o: Outcome, nLines: number, inputBytes: number, opts: CheckOptions = {}): void {
  if (!o.ok && !isGongbaoError(o.error)) throw o.error; // a crash: surface the original stack
  if (!o.ok) return;
  checkIssue(o.out, nLines, inputBytes, opts);
}

function checkText(text: string, opts: CheckOptions = {}): Outcome {
  const o = attempt(() => parseIssueText(text, { file: 'fuzz.txt' }));
  checkOutcome(o, countLines(text), Buffer.byteLength(text, 'utf8'), opts);
  return o;
}

function checkBytes(bytes: Uint8Array): Outcome {
  const o = attempt(() => parseIssueBytes(bytes, { file: 'fuzz.txt' }));
  // Line count of what the parser will read: decode the same way (or expect the same refusal).
  let nLines = 0;
  try {
    nLines = countLines(decodeText(bytes).text);
  } catch (e) {
    if (!isGongbaoError(e)) throw e;
    expect(o.ok, 'decodeText refused the bytes but parseIssueBytes accepted them').toBe(false);
  }
  checkOutcome(o, nLines, bytes.length);
  return o;
}

// ---------------------------------------------------------------------------
// Mutations. Positions are drawn as naturals and reduced modulo the current
// length when applied, so any mutation applies to any text.

/** Fragments that steer the parser's recognizers: markers, 文号, dates, TOC, markdown residue, odd characters. */
const TOKENS = [
  '五政发〔2023〕17号', '五政办发〔2022〕', '〔2022〕', '号', '关于', '的通知', '五台县人民政府', '五台县人民政府办公室',
  '2023年6月21日', '二〇二三年六月三十一日', '2022 年 2 月 30 日', '附件', '附件1', '附件：1.', '目 录', '目录', '【县政府文件】',
  '一、', '（一）', '1.', '（1）', '①', '第一条', '第一章', '——', '各乡（镇）人民政府：', '.....(12)', '…… （3）', '1、',
  '# ', '## ', '- ', '**', '|', '| --- | --- |', '\t', '\t\t', '$x^2$', '<sup>2</sup>', '　', ' ', '\u00a0',
  '\r', '\u0000', '\ufeff', '\u2028', '\u200b', '\ud800', '\udfff', '\ufffd', '《', '》', '（', '）', '(', ')', '〔', '〕', '[', ']',
];

const FULL_TO_HALF: Record<string, string> = { '（': '(', '）': ')', '，': ',', '：': ':', '〔': '[', '〕': ']' };
const HALF_TO_FULL: Record<string, string> = Object.fromEntries(Object.entries(FULL_TO_HALF).map(([a, b]) => [b, a]));

type Mutation =
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'duplicate'; at: number; count: number; times: number }
  | { kind: 'width'; at: number; len: number; toHalf: boolean }
  | { kind: 'insert'; at: number; s: string }
  | { kind: 'blank'; at: number; count: number }
  | { kind: 'join'; at: number; count: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'shuffle'; a: number; b: number; len: number }
  | { kind: 'target'; pattern: number; nth: number; action: 'delete' | 'duplicate' | 'move'; to: number }
  | { kind: 'crlf' }
  | { kind: 'bom' };

/**
 * Lines the recognizers key on. Random line edits rarely hit them, so the
 * `target` mutation deletes, duplicates or moves one of them on purpose
 * (a body without its 文号 line sends the splitter to the TOC recovery path).
 */
const TARGETS = [
  /[〔[（(【]\s*\d{4}\s*[〕\]）)】]\s*\d+\s*号\s*$/, // 文号 line
  /^\s*(?:#+\s*)?\S*关于/, // title line
  /^\s*\d{4}\s*年\s*\d+\s*月\s*\d+\s*日\s*$/, // signing date
  /^\s*附件/, // attachment label or note
  /^\s*(?:[-*]\s*)?\d{1,3}\s*[、.．]/, // TOC entry / numbered item
  /目\s*录/, // TOC heading
  /：\s*$/, // recipients
];

const nat = fc.nat({ max: 1_000_000 });
const insertion = fc.oneof(
  fc.constantFrom(...TOKENS),
  fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 6 }).map((a) => a.join('')),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: nat, count: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: nat, count: fc.integer({ min: 1, max: 8 }), times: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('width' as const), at: nat, len: fc.integer({ min: 1, max: 200_000 }), toHalf: fc.boolean() }),
  fc.record({ kind: fc.constant('insert' as const), at: nat, s: insertion }),
  fc.record({ kind: fc.constant('blank' as const), at: nat, count: fc.integer({ min: 1, max: 10 }) }),
  fc.record({ kind: fc.constant('join' as const), at: nat, count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: nat }),
  fc.record({ kind: fc.constant('shuffle' as const), a: nat, b: nat, len: fc.integer({ min: 1, max: 60 }) }),
  fc.record({
    kind: fc.constant('target' as const),
    pattern: fc.nat({ max: TARGETS.length - 1 }),
    nth: nat,
    action: fc.constantFrom('delete' as const, 'duplicate' as const, 'move' as const),
    to: nat,
  }),
  fc.constant({ kind: 'crlf' as const }),
  fc.constant({ kind: 'bom' as const }),
);

function mutateLines(text: string, f: (lines: string[]) => void): string {
  const lines = text.split('\n');
  f(lines);
  return lines.join('\n');
}

function applyMutation(text: string, m: Mutation): string {
  switch (m.kind) {
    case 'delete':
      return mutateLines(text, (ls) => void ls.splice(m.at % ls.length, m.count));
    case 'duplicate':
      return mutateLines(text, (ls) => {
        const i = m.at % ls.length;
        const block = ls.slice(i, i + m.count);
        for (let t = 0; t < m.times; t++) ls.splice(i, 0, ...block);
      });
    case 'width': {
      const map = m.toHalf ? FULL_TO_HALF : HALF_TO_FULL;
      const i = m.at % (text.length + 1);
      const region = text.slice(i, i + m.len).replace(/[（）()，,：:〔〕[\]]/g, (c) => map[c] ?? c);
      return text.slice(0, i) + region + text.slice(i + m.len);
    }
    case 'insert': {
      const i = m.at % (text.length + 1);
      return text.slice(0, i) + m.s + text.slice(i);
    }
    case 'blank':
      return mutateLines(text, (ls) => void ls.splice(m.at % (ls.length + 1), 0, ...Array<string>(m.count).fill('')));
    case 'join':
      return mutateLines(text, (ls) => {
        const i = m.at % ls.length;
        ls.splice(i, m.count + 1, ls.slice(i, i + m.count + 1).join(''));
      });
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'shuffle':
      // Swap two blocks of `len` lines (a moved section, a misordered page).
      return mutateLines(text, (ls) => {
        let a = m.a % ls.length;
        let b = m.b % ls.length;
        if (a > b) [a, b] = [b, a];
        const len = Math.min(m.len, b - a);
        if (len <= 0) return;
        const blockA = ls.slice(a, a + len);
        const blockB = ls.slice(b, b + len);
        ls.splice(b, blockB.length, ...blockA);
        ls.splice(a, len, ...blockB);
      });
    case 'target':
      return mutateLines(text, (ls) => {
        const re = TARGETS[m.pattern]!;
        const hits = ls.flatMap((l, i) => (re.test(l) ? [i] : []));
        if (!hits.length) return;
        const i = hits[m.nth % hits.length]!;
        if (m.action === 'duplicate') ls.splice(i, 0, ls[i]!);
        else {
          const [line] = ls.splice(i, 1);
          if (m.action === 'move') ls.splice(m.to % (ls.length + 1), 0, line!);
        }
      });
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'bom':
      return '\ufeff' + text;
  }
}

/**
 * A sample name plus a list of mutations: a counterexample prints as this
 * short recipe, not as the 200 KB text it produces (see `mutate`).
 */
const mutatedSample = fc.record({
  sample: fc.constantFrom(...SAMPLE_NAMES),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 8 }),
});

const mutate = ({ sample, mutations }: { sample: string; mutations: Mutation[] }): string => mutations.reduce(applyMutation, SAMPLES[sample]!);

/** Byte-level damage applied after encoding. */
const byteDamage = fc.array(fc.record({ at: nat, bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }), { maxLength: 3 });

function encode(text: string, encoding: 'utf-8' | 'gb18030' | 'utf-16le'): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  if (encoding === 'gb18030') return new Uint8Array(iconv.encode(text, 'gb18030'));
  return new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf-16le')]);
}

function damage(bytes: Uint8Array, edits: { at: number; bytes: Uint8Array }[]): Uint8Array {
  let out = bytes;
  for (const e of edits) {
    const i = e.at % (out.length + 1);
    const next = new Uint8Array(out.length + e.bytes.length);
    next.set(out.subarray(0, i), 0);
    next.set(e.bytes, i);
    next.set(out.subarray(i), i + e.bytes.length);
    out = next;
  }
  return out;
}

const params = (runs = RUNS) => ({ seed: SEED, numRuns: runs, endOnFailure: true });

/**
 * Noise shaped like an issue: lines of recognizer tokens and random strings,
 * among which 公文 headers (an issuer, a `关于…` title with noise in it, a 文号
 * of either era in any bracket form) and signature dates. Without the headers
 * nearly every input is refused as "not a gazette" and only the no-crash
 * check runs.
 */
const noiseLine = fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 4 })), { maxLength: 6 }).map((a) => a.join(''));
const BRACKET_PAIRS = [['〔', '〕'], ['[', ']'], ['（', '）'], ['(', ')'], ['【', '】']] as const;
const header = fc
  .record({
    organ: fc.constantFrom('五台县人民政府', '五台县人民政府办公室', ''),
    subject: fc.array(fc.oneof(fc.constantFrom('加强', '印发', '做好', '安全生产', '河湖长制', '工作方案', '2022年', '（试行）', '〔'), fc.constantFrom(...TOKENS)), { minLength: 1, maxLength: 4 }),
    kind: fc.constantFrom('的通知', '的意见', '的决定', '的批复', '的实施方案'),
    prefix: fc.constantFrom('五政发', '五政办发', '五政函'),
    year: fc.integer({ min: 1985, max: 2030 }),
    serial: fc.integer({ min: 1, max: 999 }),
    brackets: fc.constantFrom(...BRACKET_PAIRS),
    split: fc.boolean(),
  })
  .map(({ organ, subject, kind, prefix, year, serial, brackets: [open, close], split }) => {
    const title = `关于${subject.join('')}${kind}`;
    return [...(split && organ ? [organ, title] : [organ + title]), `${prefix}${open}${year}${close}${serial}号`];
  });
const signatureDate = fc.tuple(fc.integer({ min: 1985, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => [`${y}年${m}月${d}日`]);
const lineGroups = fc.array(fc.oneof({ arbitrary: noiseLine.map((l) => [l]), weight: 6 }, { arbitrary: header, weight: 1 }, { arbitrary: signatureDate, weight: 1 }), { maxLength: 40 });
/** Four in five inputs hold at least one header; the rest are noise lines alone. */
const gazetteNoise = fc.oneof(
  { arbitrary: fc.tuple(lineGroups, header, lineGroups).map(([a, h, b]) => [...a.flat(), ...h, ...b.flat()]), weight: 4 },
  { arbitrary: fc.array(noiseLine, { minLength: 1, maxLength: 60 }), weight: 1 },
);

// ---------------------------------------------------------------------------

describe('fuzz: the unmutated samples', () => {
  it.each(SAMPLE_NAMES)('%s satisfies every invariant (text and bytes paths)', (name) => {
    const text = SAMPLES[name]!;
    const o = checkText(text);
    expect(o.ok).toBe(true);
    checkBytes(new TextEncoder().encode(text));
  });
});

describe('fuzz: mutated samples', () => {
  it(
    'text path: no crash, no hang, sane output',
    () => {
      fc.assert(
        fc.property(mutatedSample, (recipe) => {
          checkText(mutate(recipe));
        }),
        params(),
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'bytes path (UTF-8, GB18030, UTF-16LE, random bytes, NUL): no crash, no hang, sane output',
    () => {
      fc.assert(
        fc.property(
          mutatedSample,
          fc.constantFrom('utf-8' as const, 'utf-8' as const, 'gb18030' as const, 'utf-16le' as const),
          byteDamage,
          (recipe, encoding, edits) => {
            checkBytes(damage(encode(mutate(recipe), encoding), edits));
          },
        ),
        params(),
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'gazette-shaped noise built from recognizer tokens: no crash, no hang, sane output, mostly accepted',
    () => {
      let refused = 0;
      const runs = RUNS * 4;
      fc.assert(
        fc.property(gazetteNoise, (ls) => {
          if (!checkText(ls.join('\n')).ok) refused++;
        }),
        params(runs),
      );
      // Refused noise checks only that nothing crashed: most of it must parse, so the output checks run.
      console.log(`[fuzz] gazette-shaped noise: ${refused} of ${runs} inputs refused (${((100 * refused) / runs).toFixed(0)}%)`);
      expect(refused / runs).toBeLessThan(0.5);
    },
    TEST_TIMEOUT_MS,
  );
});

// ---------------------------------------------------------------------------
// Truncation exactly after a document header: the document has a title and a
// 文号 but nothing after it. (Random truncation rarely lands there.)

describe('fuzz: truncated right after a 文号 line', () => {
  it('the smallest case: a title and a 文号 on the last line', () => {
    checkText('关于某事项的通知\n五政办发〔2022〕1号');
    checkText('关于某事项的通知\n五政办发〔2022〕1号\n');
  });
  it('every sample cut after each document’s 文号 line', () => {
    for (const name of SAMPLE_NAMES) {
      const text = SAMPLES[name]!;
      const lines = text.split('\n');
      for (const d of parseIssueText(text).documents) {
        // blocks[1] is the 文号 paragraph when the body prints one.
        const numberLine = d.blocks[1]?.text === d.docNumber ? d.blocks[1]!.lines[0] : undefined;
        if (numberLine !== undefined) checkText(lines.slice(0, numberLine).join('\n'));
      }
    }
  });
});

// ---------------------------------------------------------------------------
// Pathological inputs: each alone (usually "not a gazette") and embedded in
// the body of a real sample, where every recognizer has to look at it.

const PATHOLOGICAL: [string, () => string][] = [
  ['a 2 MB single line of （', () => '（'.repeat(Math.ceil(2_000_000 / 3))],
  ['100k lines of 一、', () => '一、\n'.repeat(100_000)],
  ['a 1 MB line of 五政办发〔2022〕 repeated', () => '五政办发〔2022〕'.repeat(Math.ceil(1_000_000 / 22))],
  ['50k lines of \\t\\t\\t', () => '\t\t\t\n'.repeat(50_000)],
  ['20k repeated 附件 lines', () => '附件\n'.repeat(20_000)],
  ['a 1 MB line of 《', () => '《'.repeat(Math.ceil(1_000_000 / 3))],
  ['nested 《《…》》 and （（…）） 100k deep', () => '《'.repeat(100_000) + '（'.repeat(100_000) + '）'.repeat(100_000) + '》'.repeat(100_000)],
  ['50k lines of 1. numbered TOC-like entries', () => Array.from({ length: 50_000 }, (_, i) => `${i % 1000}、关于印发五政办发〔2022〕${i}号的通知.....(${i % 999})`).join('\n')],
  ['9999 documents: title + 文号 pairs', () => Array.from({ length: 9_999 }, (_, i) => `五台县人民政府关于第${i + 1}事项的通知\n五政办发〔2022〕${i + 1}号\n\n正文。\n`).join('\n')],
  // Each unterminated line continues the paragraph before it, so this is one 1 MB paragraph.
  ['a 1 MB paragraph: 35k lines without sentence-final punctuation', () => '这一行没有句末标点\n'.repeat(35_000)],
];

const sampleLines = SAMPLES['wutai-2023-no2.txt']!.split('\n');
/** Inside the first document's body (after its opening paragraph). */
const embed = (s: string) => [...sampleLines.slice(0, 62), s, ...sampleLines.slice(62)].join('\n');

describe('fuzz: pathological inputs terminate', () => {
  it.each(PATHOLOGICAL)('%s, alone', (_name, make) => {
    checkText(make(), { skipSizeBound: true });
  }, TEST_TIMEOUT_MS);
  it.each(PATHOLOGICAL)('%s, embedded in a sample body', (_name, make) => {
    const o = checkText(embed(make()), { skipSizeBound: true });
    expect(o.ok).toBe(true);
  }, TEST_TIMEOUT_MS);
  it('a 2 MB line of （ through the bytes path', () => {
    checkBytes(new TextEncoder().encode(embed('（'.repeat(Math.ceil(2_000_000 / 3)))));
  }, TEST_TIMEOUT_MS);
});
