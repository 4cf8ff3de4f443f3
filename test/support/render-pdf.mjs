// Test inputs made here: a gazette issue or a single 公文 as text, set as a
// printed gazette (title 22pt centred, body with a two-character indent,
// 文号 centred, signature and date right, tables ruled, each document on a new
// page) and printed to PDF by Debian's Chromium, with a running header and
// page numbers in the footer, as a published issue has them.

/** @param {string} s */
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const DATE = /^\S{0,12}?[0-9〇○零一二三四五六七八九十]{4}\s*年\s*[0-9一二三四五六七八九十]{1,3}\s*月\s*[0-9一二三四五六七八九十]{1,3}\s*日$/;
const DOC_NUMBER = /^\S{1,12}[〔［\[(（]\s*\d{4}\s*[〕］\])）]\s*\d+\s*号$/;

/** How many first lines of a plain 公文 text (no `#`) are its title: those before the 文号, the 令's number or the first sentence. */
/** @param {string[]} lines @returns {number} */
export function titleLineCount(lines) {
  let k = 0;
  while (k < lines.length && k < 4 && !DOC_NUMBER.test(lines[k].trim()) && !/^第\s*\d+\s*号$/.test(lines[k].trim()) && !/[：:，。]/.test(lines[k]) && lines[k].length <= 40) k++;
  return k;
}

/** A date line, and the issuer line above it, are set flush right. */
/** @param {string} line @param {string | undefined} next */
export const isRightAligned = (line, next) =>
  DATE.test(line) || (DATE.test(next ?? '') && line.length <= 24 && !/[，。；：]/.test(line));

/**
 * @typedef {object} RenderOptions
 * @property {string} [header] running header text (printed on every page)
 * @property {boolean} [plainTitle] the first lines of a text without `#` are its title, set large
 * @property {2} [columns] print the body in two columns
 * @property {'justified' | 'ragged' | 'spaced'} [paragraphs] justified with a two-character indent (the 公文 norm),
 *   ragged right, or without indent and set apart by space
 */

/** Text in the shape of the samples (`#` titles, `- ` items, tab rows) or the corpus (plain lines) → HTML. */
/** @param {string} text @param {RenderOptions} [opts] @returns {string} */
export function gazetteHtml(text, opts = {}) {
  const lines = text.split('\n').map((/** @type {string} */ l) => l.replace(/\*\*/g, '').replace(/<\/?[a-z]+[^<>]*>/gi, '').trimEnd()).filter((/** @type {string} */ l) => l.trim());
  /** @type {string[]} */
  const out = [];
  /** @type {string[]} */
  let table = [];
  let seenBody = false;
  const flushTable = () => {
    if (table.length) out.push(`<table>${table.join('')}</table>`);
    table = [];
  };
  if (opts.plainTitle) {
    const k = titleLineCount(lines);
    if (k) out.push(`<h1>${esc(lines.slice(0, k).join(''))}</h1>`);
    lines.splice(0, k);
  }
  lines.forEach((/** @type {string} */ raw, /** @type {number} */ i) => {
    const l = raw.trim();
    if (raw.includes('\t')) {
      table.push(`<tr>${raw.split('\t').map((/** @type {string} */ c) => `<td>${esc(c.trim())}</td>`).join('')}</tr>`);
      return;
    }
    flushTable();
    const h = /^(#{1,6})\s*(.*)$/.exec(l);
    if (h) {
      if (h[1] === '#') {
        if (seenBody) out.push('<div class="break"></div>');
        out.push(`<h1>${esc(h[2])}</h1>`);
        seenBody = false;
      } else out.push(`<h2>${esc(h[2])}</h2>`);
      return;
    }
    seenBody = true;
    const item = /^[-*+]\s+(.*)$/.exec(l);
    const body = item ? item[1] : l;
    const next = lines[i + 1]?.trim() ?? '';
    const cls = DOC_NUMBER.test(body) ? 'c' : isRightAligned(body, next) ? 'r' : item ? 'li' : '';
    out.push(`<p${cls ? ` class="${cls}"` : ''}>${esc(body)}</p>`);
  });
  flushTable();
  const columns = opts.columns === 2 ? 'column-count:2;column-gap:10mm;' : '';
  const paragraphs = opts.paragraphs === 'ragged' ? 'p, h2 { text-align: left; }' : opts.paragraphs === 'spaced' ? 'p, h2 { text-indent: 0; margin-bottom: 0.6em; }' : '';
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page { size: A4; margin: 30mm 26mm 28mm 28mm; }
body { font-family: "Noto Serif CJK SC", serif; font-size: 14pt; line-height: 1.6; margin: 0; ${columns} }
h1 { font-size: 22pt; text-align: center; font-weight: normal; margin: 0.6em 0 0.8em; line-height: 1.4; column-span: all; }
h2 { font-size: 14pt; font-weight: normal; margin: 0; text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.li { text-indent: 0; } p.c { text-align: center; text-indent: 0; } p.r { text-align: right; text-indent: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0; font-size: 10pt; table-layout: fixed; word-break: break-all; }
td { border: 0.6pt solid #000; padding: 2pt 6pt; vertical-align: top; }
.break { break-after: page; }
${paragraphs}
</style></head><body>${out.join('\n')}</body></html>`;
}

/** Print HTML to PDF with a running header and `— N —` page numbers. */
/**
 * @param {import('playwright-core').Browser} browser @param {string} html @param {RenderOptions} [opts]
 * @returns {Promise<Buffer>}
 */
export async function printPdf(browser, html, opts = {}) {
  // One page per browser, reused: opening a page for each print costs more than the print. Prints are queued.
  let entry = printers.get(browser);
  if (!entry) printers.set(browser, (entry = { page: browser.newPage(), queue: Promise.resolve() }));
  const { page } = entry;
  const job = entry.queue.then(async () => {
    const p = await page;
    await p.setContent(html, { waitUntil: 'load' });
    return p.pdf({
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: `<div style="font-size:9pt;width:100%;text-align:center;font-family:'Noto Serif CJK SC'">${esc(opts.header ?? '')}</div>`,
      footerTemplate: `<div style="font-size:10pt;width:100%;text-align:center;font-family:'Noto Serif CJK SC'">— <span class="pageNumber"></span> —</div>`,
    });
  });
  entry.queue = job.catch(() => undefined);
  return job;
}

/** @type {WeakMap<import('playwright-core').Browser, { page: Promise<import('playwright-core').Page>, queue: Promise<unknown> }>} */
const printers = new WeakMap();
