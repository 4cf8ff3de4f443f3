// Linear-time checks, timed. The unit tests run these long inputs as hang
// guards only (a generous test timeout, no wall-clock assertion: a busy
// machine must not fail them). Here each runs at 1×, 2× and 4× its size on the
// compiled code, on a quiet machine: `npm run bench:linear`.
//
// Prints the median ms of 3 runs per size and the 4×/1× ratio (about 4 when
// linear, 16 when quadratic). Exits 1 when a 1× run exceeds the bound the
// tests used to assert, or a ratio exceeds 8 (checked from 50 ms at 4×: below
// that it is noise).
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { extractAmounts } from '../dist/extract/amounts.js';
import { extractContacts } from '../dist/extract/contacts.js';
import { findDeadlines } from '../dist/extract/deadlines.js';
import { extractGroups } from '../dist/extract/groups.js';
import { matchMarker } from '../dist/parse/markers.js';
import { buildOutline } from '../dist/parse/outline.js';
import { extractTables } from '../dist/parse/tables.js';
import { parseIssueText } from '../dist/parse/issue.js';
import { toSourceLines } from '../dist/text/lines.js';
import { fmt, pct } from './lib/common.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const paragraphs = (...texts) => texts.map((text, i) => ({ kind: 'paragraph', text, lines: [i + 1, i + 1] }));
const docOf = (text) => ({
  docNumber: null, title: 't', issuer: null, date: null, recipients: [], category: null, tocPage: null, lines: [1, 100], text,
  outline: [], tables: [], enclosures: [], attachments: [], diagnostics: [], signatureLines: null, blocks: paragraphs(text),
});
const groupsIn = (text) => {
  const lines = toSourceLines(text);
  const doc = { ...docOf(text), lines: [1, lines.length], blocks: lines.filter((l) => !l.blank).map((l) => ({ kind: 'paragraph', text: l.text, lines: [l.no, l.no] })) };
  return extractGroups(doc, lines);
};
const sample = readFileSync(join(here, '../data/samples/wutai-2023-no2.txt'), 'utf8').split('\n');
const embed = (s) => [...sample.slice(0, 62), s, ...sample.slice(62)].join('\n');
const tryParse = (text) => {
  try {
    return parseIssueText(text);
  } catch (e) {
    if (e?.name !== 'GongbaoError' && !e?.code) throw e;
    return null;
  }
};

/** [name, bound ms at 1× (the old test assertion), run at scale k] */
const CASES = [
  ['amounts: long paragraph', 1000, (k) => extractAmounts(docOf('1'.repeat(20000 * k) + '元'.repeat(5000 * k) + '一二三四五'.repeat(3000 * k)))],
  ['contacts: long paragraph', 1000, (k) => extractContacts(docOf(`${'1'.repeat(20000 * k)} ${'a'.repeat(20000 * k)}@ 电话：${'12345 '.repeat(2000 * k)}`))],
  ['deadlines: long paragraph', 500, (k) =>
    findDeadlines('各单位要于8月底前完成，自印发之日起10个工作日内报送，每月18日前上报。'.repeat(300 * k) + '一'.repeat(4000 * k) + '每年'.repeat(2000 * k) + '2'.repeat(3000 * k), '2022-09-16', [1, 1])],
  ['groups: long member list', 2000, (k) =>
    groupsIn(`县政府成立五台县测试领导小组。${'县财政局、县水利局、'.repeat(1500 * k)}为成员。\n组长：张明华 县长\n${'成员：县财政局局长\n'.repeat(200 * k)}`)],
  ['outline: markers and many blocks', 3000, (k) => {
    for (const s of [`一、${'各乡镇要高度重视，'.repeat(2000 * k)}`, '1'.repeat(10000 * k), '（'.repeat(10000 * k), '—'.repeat(10000 * k), `一是${'二是'.repeat(5000 * k)}`]) matchMarker(s);
    return buildOutline(paragraphs(`一、${'各乡镇要高度重视，'.repeat(2000 * k)}`, ...Array.from({ length: 20000 * k }, (_, i) => `${(i % 50) + 1}. 第${i}项。${'正文'.repeat(20)}`), `一是${'。二是'.repeat(3000 * k)}`));
  }],
  ['tables: one long table', 3000, (k) => {
    const rows = [];
    for (let page = 0; page < 4000 * k; page++) {
      rows.push('序号\t名称\t依据\t备注');
      for (let r = 0; r < 8; r++) rows.push(`${page * 8 + r + 1}\t${'名称'.repeat(20)}\t${'依据，'.repeat(30)}依据\t`);
      rows.push('', '- 3 -', '');
    }
    return extractTables(toSourceLines(rows.join('\n')));
  }],
  ['parse: 1 MB line of （, embedded', 5000, (k) => tryParse(embed('（'.repeat(Math.ceil((1_000_000 * k) / 3))))],
  ['parse: 50k lines of 一、 alone', 5000, (k) => tryParse('一、\n'.repeat(50_000 * k))],
  ['parse: nested 《（…）》 50k deep, embedded', 5000, (k) => tryParse(embed('《'.repeat(50_000 * k) + '（'.repeat(50_000 * k) + '）'.repeat(50_000 * k) + '》'.repeat(50_000 * k)))],
  ['parse: 5k title + 文号 pairs', 5000, (k) => tryParse(Array.from({ length: 5_000 * k }, (_, i) => `五台县人民政府关于第${i + 1}事项的通知\n五政办发〔2022〕${i + 1}号\n\n正文。\n`).join('\n'))],
  ['parse: a 1 MB paragraph of unterminated lines', 5000, (k) => tryParse(embed('这一行没有句末标点\n'.repeat(35_000 * k)))],
];

function median(run, k) {
  const ms = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    run(k);
    ms.push(performance.now() - t0);
  }
  return pct(ms, 50);
}

let failed = 0;
console.log('case | bound ms | 1× ms | 2× ms | 4× ms | 4×/1× | verdict');
console.log('---|---|---|---|---|---|---');
for (const [name, bound, run] of CASES) {
  run(1); // warm-up
  const [a, b, c] = [1, 2, 4].map((k) => median(run, k));
  const ratio = c / a;
  const ok = a <= bound && (c < 50 || ratio <= 8);
  if (!ok) failed++;
  console.log(`${name} | ${bound} | ${fmt(a)} | ${fmt(b)} | ${fmt(c)} | ${fmt(ratio, 2)} | ${ok ? 'ok' : 'OVER'}`);
}
if (failed) {
  console.error(`${failed} case(s) over their bound or not linear`);
  process.exit(1);
}
