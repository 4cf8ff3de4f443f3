// Synthetic gazette corpus for the library-scale and web-load benchmarks.
//
//   node bench/corpus.mjs --docs N --out DIR [--seed S] [--body-bytes B]
//     [--first-year 2000] [--years 40] [--copies]
//
// Writes DIR/issue-NNNNNN.txt files (UTF-8, the samples' layout) holding N
// documents in total, plus DIR/corpus.json (what was generated, for reuse).
// Each issue: a cover (gazette name, `YYYY 年第 K 期`, publisher, period), a
// TOC (`目 录`, `【category】` groups, `N、title 文号……(page)`), then 10–14
// documents drawn without replacement from the 43 sample documents, shuffled
// and grouped by category like the TOC.
//
// Document boundaries come from the parser itself: `parseIssueText` (dist/)
// is run on every sample and each document's `lines` range is sliced out of
// the original text. In each copy the 文号 line is renumbered (organ code
// kept, year = the issue's year, 2000–2039 by default, serial = a per organ-code-and-
// year counter, so every 文号 is unique across the corpus; serials stay within
// the parser's 1–4 digits) and every stand-alone date line (the signing date)
// becomes a date inside the issue's period.
//
// Text is varied (generator 2): a generated document is not a copy of its
// template. Its title joins the first part of its template's title core (the
// words between 关于 and 的通知/的意见/…) to the last part of another
// template's, and each body paragraph is, with probability 0.6, a paragraph
// drawn from any template's body (else the template's own next paragraph),
// until the body is as long as the template's. So the judged sample documents,
// ingested beside such a corpus, compete with documents of the same vocabulary
// and layout instead of with textually identical copies (nDCG at scale,
// bench/rank-all.mjs --with-samples). --copies keeps generator 1's copies.
// Generator 3 leaves the samples' own issue numbers and 文号 unused, so the
// sample issues ingested beside the corpus are neither taken for new versions
// of generated issues nor share a 文号 with a generated document.
//
// --body-bytes B (default 2500; 0 = whole documents) bounds each document:
// its header (title, 文号, recipients) plus body paragraphs up to about B
// bytes of UTF-8, cut at a paragraph boundary, then its signature block if
// that was cut off. Whole sample documents average ~12 KB; see bench/README.md.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseIssueText } from '../dist/parse/issue.js';
import { rng } from './lib/common.mjs';

export const GENERATOR_VERSION = 3;
const root = join(import.meta.dirname, '..');
const SAMPLES = join(root, 'data/samples');

const DN_LINE = /^(.*?)([\p{Script=Han}]{1,10}?)\s*[〔\[（(【［]\s*((?:19|20)\d{2})\s*[〕\]）)】］]\s*(\d{1,4})\s*号\s*$/u;
const DATE_LINE = /^([\s#>*-]*)(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$/;
const enc = new TextEncoder();
const utf8Len = (s) => enc.encode(s).length;

/** The sample documents as templates: original lines, where the 文号 line and date lines are. */
export function loadTemplates(dir = SAMPLES) {
  const templates = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
    const text = readFileSync(join(dir, f), 'utf8');
    const lines = text.split(/\r?\n/);
    const parsed = parseIssueText(text, { file: f });
    for (const d of parsed.documents) {
      const [first, last] = d.lines;
      const slice = lines.slice(first - 1, last);
      while (slice.length && !slice[slice.length - 1].trim()) slice.pop();
      const dnAt = slice.findIndex((l, i) => i < 8 && DN_LINE.test(l));
      if (dnAt < 0) throw new Error(`${f}: no 文号 line in ${d.docNumber ?? d.title}`);
      const prefix = DN_LINE.exec(slice[dnAt])[2];
      const sig = d.signatureLines ? [d.signatureLines[0] - first, d.signatureLines[1] - first] : null;
      const t = {
        source: f, docNumber: d.docNumber, prefix, title: d.title, category: d.category ?? '县政府文件',
        lines: slice, dnAt, sig, bytes: utf8Len(slice.join('\n')),
      };
      t.headerEnd = headerEndOf(t);
      t.paragraphs = paragraphsOf(slice.filter((_, i) => i > t.headerEnd && !(sig && i >= sig[0] && i <= sig[1])));
      templates.push(t);
    }
  }
  return templates;
}

/** The samples' issue numbers (`year|number`, from their covers) and 文号: generated issues and documents avoid them. */
function reserved(templates) {
  const issues = new Set();
  for (const f of readdirSync(SAMPLES).filter((x) => x.endsWith('.txt'))) {
    const head = readFileSync(join(SAMPLES, f), 'utf8').split(/\r?\n/, 40).join('\n');
    const m = /((?:19|20)\d{2})\s*年\s*第\s*(\d{1,3})\s*期/.exec(head);
    if (m) issues.add(`${m[1]}|${Number(m[2])}`);
  }
  return { issues, docNumbers: new Set(templates.map((t) => t.docNumber).filter(Boolean)) };
}

/** The header runs to the first line ending in `：` (recipients) or 3 lines after the 文号. */
function headerEndOf(t) {
  let headerEnd = t.dnAt;
  for (let i = t.dnAt + 1; i < Math.min(t.lines.length, t.dnAt + 6); i++) {
    if (t.lines[i].trim()) headerEnd = i;
    if (/[：:]\s*$/.test(t.lines[i])) break;
  }
  return headerEnd;
}

/**
 * Blank-line separated paragraphs of a body, without those that could start
 * or date a document elsewhere (a `# ` title, a 文号 line, a date line).
 */
function paragraphsOf(lines) {
  const out = [];
  let cur = [];
  const flush = () => {
    if (cur.length && !cur.some((l) => /^#\s/.test(l) || DN_LINE.test(l) || DATE_LINE.test(l))) out.push(cur);
    cur = [];
  };
  for (const l of lines) {
    if (l.trim()) cur.push(l);
    else flush();
  }
  flush();
  return out;
}

const TITLE_CORE = /^(.*?关于)(.+?)(的(?:通知|意见|决定|批复|通报|报告|函|请示|公告|通告|命令|决议))$/u;
/** Title core parts: [lead, core, tail]; the whole title is the core when it has no 关于 … 的通知 frame. */
const coreOf = (title) => TITLE_CORE.exec(title)?.slice(1) ?? ['', title, ''];

/** A title of `a`'s frame whose core joins the start of a's core to the end of b's. */
function splicedTitle(a, b, rand) {
  const [lead, ca, tail] = coreOf(a.title);
  const cb = coreOf(b.title)[1];
  const cutA = Math.max(1, Math.floor(ca.length * (0.3 + 0.4 * rand())));
  const cutB = Math.min(cb.length - 1, Math.floor(cb.length * (0.3 + 0.4 * rand())));
  return `${lead}${ca.slice(0, cutA)}${cb.slice(Math.max(0, cutB))}${tail}`;
}

/** Generator 2's document: a spliced title, paragraphs mixed from every template, the template's header and signature. */
function varied(t, budget, templates, rand) {
  const other = templates[Math.floor(rand() * templates.length)];
  const title = splicedTitle(t, other, rand);
  const target = Math.min(budget || Infinity, t.paragraphs.reduce((s, p) => s + utf8Len(p.join('\n')) + 2, 0));
  const head = t.lines.slice(0, t.headerEnd + 1);
  const firstTitle = head.findIndex((l) => l.trim());
  const out = [...head.slice(0, firstTitle), `# ${title}`, ...head.slice(t.dnAt)];
  const dnAt = firstTitle + 1;
  let own = 0;
  for (let used = 0; used < target; ) {
    const fromOwn = rand() >= 0.6 && own < t.paragraphs.length;
    let p;
    if (fromOwn) p = t.paragraphs[own++];
    else {
      const src = templates[Math.floor(rand() * templates.length)];
      if (!src.paragraphs.length) continue;
      p = src.paragraphs[Math.floor(rand() * src.paragraphs.length)];
    }
    out.push('', ...p);
    used += utf8Len(p.join('\n')) + 2;
  }
  if (t.sig) out.push('', ...t.lines.slice(t.sig[0], t.sig[1] + 1));
  return { lines: out, dnAt, title };
}

/** Header + body paragraphs up to `budget` bytes (cut at a blank line) + the signature block if it was cut. */
function bounded(t, budget) {
  if (!budget || t.bytes <= budget) return t.lines.slice();
  const headerEnd = headerEndOf(t);
  let used = 0;
  let cut = headerEnd + 1;
  for (let i = headerEnd + 1; i < t.lines.length; i++) {
    if (used >= budget && !t.lines[i].trim()) break;
    used += utf8Len(t.lines[i]) + 1;
    cut = i + 1;
  }
  const out = t.lines.slice(0, cut);
  if (t.sig && t.sig[0] >= cut) {
    out.push('');
    out.push(...t.lines.slice(t.sig[0], t.sig[1] + 1));
  }
  while (out.length && !out[out.length - 1].trim()) out.pop();
  return out;
}

const pad = (n, w = 2) => String(n).padStart(w, '0');
const dayOfYear = (y, doy) => new Date(Date.UTC(y, 0, 1 + doy));
const cn = (d) => `${d.getUTCFullYear()} 年 ${d.getUTCMonth() + 1} 月 ${d.getUTCDate()} 日`;
const cnCompact = (d) => `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;

export function generateCorpus({ docs, out, seed = 1, bodyBytes = 2500, firstYear = 2000, years = 40, copies = false, log = () => {} }) {
  const templates = loadTemplates();
  const rand = rng(seed);
  const pick = (n) => Math.floor(rand() * n);
  // Issue sizes first, so issues can be spread over the 40 years evenly.
  const sizes = [];
  for (let left = docs; left > 0; ) {
    const n = left <= 14 ? left : 10 + pick(5);
    sizes.push(n);
    left -= n;
  }
  const perYear = Math.ceil(sizes.length / years);
  if (perYear > 999) throw new Error('too many issues per year for the parser (issue numbers are 1–3 digits)');
  const serials = new Map(); // `${prefix}|${year}` → last serial
  const { issues: reservedIssues, docNumbers: reservedNumbers } = reserved(templates);
  const lastNumber = new Map(); // year → last issue number
  mkdirSync(out, { recursive: true });
  for (const f of readdirSync(out)) if (/^issue-\d+\.txt$/.test(f)) rmSync(join(out, f));
  let bytes = 0;
  let docBytes = 0;
  let written = 0;
  const categories = [...new Set(templates.map((t) => t.category))];
  for (let k = 0; k < sizes.length; k++) {
    const year = firstYear + (k % years);
    let number = (lastNumber.get(year) ?? 0) + 1;
    while (reservedIssues.has(`${year}|${number}`)) number++;
    lastNumber.set(year, number);
    const span = 365 / (perYear + reservedIssues.size);
    const start = Math.floor((number - 1) * span);
    const end = Math.max(start, Math.floor(number * span) - 1);
    // Draw without replacement, shuffle, then group by category (stable).
    const idx = templates.map((_, i) => i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = pick(i + 1);
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    const chosen = idx.slice(0, sizes[k]).map((i) => templates[i]);
    chosen.sort((a, b) => categories.indexOf(a.category) - categories.indexOf(b.category));
    const bodies = [];
    const toc = [];
    let page = 1;
    for (const t of chosen) {
      const key = `${t.prefix}|${year}`;
      let serial = (serials.get(key) ?? 0) + 1;
      while (reservedNumbers.has(`${t.prefix}〔${year}〕${serial}号`)) serial++;
      if (serial > 9999) throw new Error(`more than 9999 documents of ${t.prefix} in ${year}`);
      serials.set(key, serial);
      const docNumber = `${t.prefix}〔${year}〕${serial}号`;
      const date = dayOfYear(year, start + pick(end - start + 1));
      const doc = copies ? { lines: bounded(t, bodyBytes), dnAt: t.dnAt, title: t.title } : varied(t, bodyBytes, templates, rand);
      const { lines, dnAt } = doc;
      lines[dnAt] = lines[dnAt].replace(DN_LINE, (_m, lead) => `${lead}${docNumber}`);
      for (let i = dnAt + 1; i < lines.length; i++) {
        const m = DATE_LINE.exec(lines[i]);
        if (m) lines[i] = `${m[1]}${cnCompact(date)}`;
      }
      const text = lines.join('\n');
      const b = utf8Len(text);
      docBytes += b;
      toc.push({ category: t.category, line: `- ${toc.length + 1}、${doc.title} ${docNumber}……(${page})` });
      page += Math.max(1, Math.round(b / 2400));
      bodies.push(text);
    }
    const head = [
      '', '', '# 五台县人民政府公报', '', 'WUTAIXIAN RENMIN ZHENGFU GONGBAO', '', `${year} 年第 ${number} 期`, '',
      '五台县人民政府办公室主办', '', `${cn(dayOfYear(year, start))}-${cn(dayOfYear(year, end))}`, '', '## 目 录', '',
    ];
    let cat = null;
    for (const e of toc) {
      if (e.category !== cat) {
        if (cat !== null) head.push('');
        head.push(`### 【 ${e.category} 】`, '');
        cat = e.category;
      }
      head.push(e.line);
    }
    const issueText = `${head.join('\n')}\n\n${bodies.join('\n\n')}\n`;
    writeFileSync(join(out, `issue-${pad(k + 1, 6)}.txt`), issueText);
    bytes += utf8Len(issueText);
    written += chosen.length;
    if ((k + 1) % 500 === 0) log(`  ${k + 1}/${sizes.length} issues, ${written} documents`);
  }
  const manifest = {
    generator: copies ? 1 : GENERATOR_VERSION, docs: written, issues: sizes.length, seed, bodyBytes, firstYear, years, bytes,
    avgDocBytes: Math.round(docBytes / written), templates: templates.length,
    avgTemplateBytes: Math.round(templates.reduce((s, t) => s + t.bytes, 0) / templates.length),
  };
  writeFileSync(join(out, 'corpus.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}

/** The manifest of DIR if it was generated with exactly these settings, else null. */
export function existingCorpus({ docs, out, seed = 1, bodyBytes = 2500, firstYear = 2000, years = 40, copies = false }) {
  const f = join(out, 'corpus.json');
  if (!existsSync(f)) return null;
  const m = JSON.parse(readFileSync(f, 'utf8'));
  return m.generator === (copies ? 1 : GENERATOR_VERSION) && m.docs === docs && m.seed === seed && m.bodyBytes === bodyBytes && m.firstYear === firstYear && m.years === years ? m : null;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.dirname, 'corpus.mjs')) {
  const { values } = parseArgs({
    options: {
      docs: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string', default: '1' }, 'body-bytes': { type: 'string', default: '2500' },
      'first-year': { type: 'string', default: '2000' }, years: { type: 'string', default: '40' },
      copies: { type: 'boolean', default: false },
    },
  });
  const docs = Number(values.docs);
  if (!Number.isInteger(docs) || docs < 1 || !values.out) {
    process.stderr.write('usage: node bench/corpus.mjs --docs N --out DIR [--seed S] [--body-bytes B (0 = whole documents)] [--first-year Y] [--years K] [--copies]\n');
    process.exit(1);
  }
  const t0 = performance.now();
  const m = generateCorpus({
    docs, out: resolve(values.out), seed: Number(values.seed), bodyBytes: Number(values['body-bytes']),
    firstYear: Number(values['first-year']), years: Number(values.years), copies: values.copies, log: (s) => process.stderr.write(`${s}\n`),
  });
  console.log(`${m.docs} documents in ${m.issues} issues, ${(m.bytes / 1e6).toFixed(1)} MB, ${(m.avgDocBytes / 1024).toFixed(1)} KB per document ` +
    `(templates: ${m.templates}, ${(m.avgTemplateBytes / 1024).toFixed(1)} KB), ${((performance.now() - t0) / 1000).toFixed(1)} s → ${resolve(values.out)}`);
}
