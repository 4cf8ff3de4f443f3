// Pages without a text layer (scans) are rendered by pdfjs onto a canvas
// (@napi-rs/canvas, pdfjs's own canvas for Node) and read by Tesseract with
// Debian's chi_sim data. Tesseract's TSV gives each word's box and confidence;
// the words of one Tesseract line become runs on one baseline, so the page is
// laid out by the same rules as a born-digital one. Without Tesseract or its
// Chinese data, a scan is refused with one line saying what to install.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { GongbaoError } from '../errors.js';
import type { PdfPage, PdfRun } from './pdf-layout.js';

/** Rendering scale: 3 × 72 dpi = 216 dpi, enough for 16pt 仿宋 and 9pt footers. */
const SCALE = 3;
const run = promisify(execFile);

export interface OcrWord {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  conf: number;
  /** Tesseract's block, paragraph and line numbers, joined: words with one key are one line. */
  line: string;
  /** The height of the line's box (steadier than word boxes, which vary from glyph to glyph). */
  lineHeight: number;
}

/** An OCR engine: a PNG image in, words with pixel boxes out. */
export type OcrPage = (png: Uint8Array) => Promise<OcrWord[]>;

export const TESSERACT = process.env.TESSERACT_PATH ?? 'tesseract';
export const INSTALL_OCR = '请安装 Tesseract 及其中文数据（apt-get install tesseract-ocr tesseract-ocr-chi-sim）后重试';

let available: boolean | undefined;
/** Tesseract is installed and has chi_sim. */
export function hasTesseract(): boolean {
  if (available === undefined) {
    const r = spawnSync(TESSERACT, ['--list-langs'], { encoding: 'utf8', timeout: 30_000 });
    available = r.status === 0 && /\bchi_sim\b/.test(`${r.stdout}${r.stderr}`);
  }
  return available;
}

/** Tesseract's TSV (level, page, block, par, line, word, left, top, width, height, conf, text) → words. */
export function parseTsv(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  let lineHeight = 0;
  for (const row of tsv.split('\n').slice(1)) {
    const c = row.split('\t');
    if (c.length < 12) continue;
    if (c[0] === '4') lineHeight = +c[9]!;
    if (c[0] !== '5' || !c[11]!.trim()) continue;
    words.push({
      text: c[11]!.trim(), left: +c[6]!, top: +c[7]!, width: +c[8]!, height: +c[9]!, conf: +c[10]!, line: `${c[2]}.${c[3]}.${c[4]}`,
      lineHeight: lineHeight || +c[9]!,
    });
  }
  return words;
}

export const tesseractPage: OcrPage = async (png) => {
  const dir = mkdtempSync(join(tmpdir(), 'gongbao-ocr-'));
  try {
    const image = join(dir, 'page.png');
    writeFileSync(image, png);
    const { stdout } = await run(TESSERACT, [image, 'stdout', '-l', 'chi_sim', 'tsv'], { maxBuffer: 64 * 1024 * 1024, timeout: 300_000 });
    return parseTsv(stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** A Tesseract line box of CJK text is about 0.92 of the size the text is set in. */
const INK = 0.92;

/**
 * Words → runs in points. The words of one Tesseract line share one baseline
 * (ink bottoms differ from glyph to glyph: 一 sits high, ， low), except words
 * whose middle is more than half a line away, which Tesseract sometimes puts
 * on a line they are not on. Words closer than two characters are one run:
 * an OCR word box is tighter than the glyphs' advance, so smaller gaps are
 * not cells.
 */
export function wordsToRuns(words: OcrWord[], scale: number): PdfRun[] {
  const lines = new Map<string, OcrWord[]>();
  for (const w of words) lines.set(w.line, [...(lines.get(w.line) ?? []), w]);
  const runs: PdfRun[] = [];
  for (const ws of lines.values()) {
    const h = ws[0]!.lineHeight;
    const mid = (w: OcrWord) => w.top + w.height / 2;
    const sorted = [...ws].sort((a, b) => mid(a) - mid(b));
    const bands: OcrWord[][] = [];
    for (const w of sorted) {
      const band = bands[bands.length - 1];
      if (band && mid(w) - mid(band[0]!) <= h * 0.5) band.push(w);
      else bands.push([w]);
    }
    for (const band of bands) {
      const bottom = Math.max(...band.map((w) => w.top + w.height));
      const size = h / INK / scale;
      let cur: PdfRun | null = null;
      for (const w of band.sort((a, b) => a.left - b.left)) {
        const x = w.left / scale;
        if (cur && x - (cur.x + cur.w) < 2 * size) (cur.str += w.text, cur.w = x + w.width / scale - cur.x);
        else runs.push((cur = { str: w.text, x, y: bottom / scale, w: w.width / scale, size }));
      }
    }
  }
  return runs;
}

export interface OcrResult {
  page: PdfPage;
  confidence: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function renderPng(doc: any, no: number): Promise<{ png: Uint8Array; width: number; height: number }> {
  const page = await doc.getPage(no);
  try {
    const viewport = page.getViewport({ scale: SCALE });
    const { canvas, context } = doc.canvasFactory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvasContext: context, canvas, viewport }).promise;
    const png = canvas.toBuffer('image/png') as Uint8Array;
    doc.canvasFactory.destroy({ canvas, context });
    const base = page.getViewport({ scale: 1 });
    return { png, width: base.width, height: base.height };
  } finally {
    page.cleanup();
  }
}

/** OCR the listed pages; refuses in one line when no engine is there. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function ocrPages(doc: any, pages: number[], opts: { file?: string; engine?: OcrPage }): Promise<OcrResult[]> {
  const where = opts.file ? { file: opts.file } : {};
  const list = pages.length > 5 ? `${pages.slice(0, 5).join('、')} 等 ${pages.length} 页` : pages.join('、');
  const engine = opts.engine;
  if (!engine) throw new GongbaoError('input-pdf', `PDF 第 ${list} 页是扫描图像，没有文字层：${INSTALL_OCR}`, where);
  const out: OcrResult[] = [];
  for (const no of pages) {
    let rendered;
    try {
      rendered = await renderPng(doc, no);
    } catch {
      throw new GongbaoError('input-pdf', `无法渲染 PDF 第 ${no} 页以进行 OCR（缺少 @napi-rs/canvas 或页面已损坏）`, where);
    }
    const words = await engine(rendered.png).catch((e: unknown) => {
      throw new GongbaoError('input-pdf', `OCR 识别 PDF 第 ${no} 页失败：${String((e as Error).message ?? e).split('\n')[0]}`, where);
    });
    const confs = words.map((w) => w.conf).filter((c) => c >= 0);
    out.push({
      page: { no, width: rendered.width, height: rendered.height, runs: wordsToRuns(words, SCALE) },
      confidence: confs.length ? confs.reduce((a, b) => a + b, 0) / confs.length : 0,
    });
  }
  return out;
}
