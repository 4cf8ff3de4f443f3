// .pdf → positioned text runs per page (pdfjs-dist), then pdf-layout.ts lays
// them out as the text path's lines. A page without a text layer (a scan) is
// read by Tesseract through ocr.ts. pdfjs is loaded on first use, so commands
// that never see a PDF do not pay for it.
import { createRequire } from 'node:module';
import { GongbaoError } from '../errors.js';
import type { Diagnostic } from '../parse/types.js';
import { layOut, type LaidOutText, type PdfPage, type PdfRun } from './pdf-layout.js';
import { hasTesseract, INSTALL_OCR, ocrPages, tesseractPage, type OcrPage } from './ocr.js';

export const isPdf = (b: Uint8Array): boolean => {
  // The header may follow a few bytes of junk (the spec allows 1024).
  const head = Buffer.from(b.subarray(0, 1024)).toString('latin1');
  return /%PDF-\d/.test(head);
};

/**
 * Fonts map a shared glyph to a radical's code point (⼈ U+2F08, ⺠ U+2EA0)
 * instead of the ideograph: Kangxi radicals fold by NFKC, the supplement's
 * simplified forms by this table (only those that stand for a whole character).
 */
const SUPPLEMENT: Record<string, string> = {
  '⺠': '民', '⻄': '西', '⻅': '见', '⻆': '角', '⻉': '贝', '⻋': '车', '⻓': '长', '⻔': '门', '⻘': '青', '⻙': '韦', '⻚': '页',
  '⻛': '风', '⻜': '飞', '⻝': '食', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄',
  '⻪': '黾', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟', '⻁': '虎', '⻗': '雨', '⻡': '首', '⺩': '王', '⺝': '月', '⺜': '日', '⺟': '母',
};
export function unifyRadicals(s: string): string {
  if (!/[\u2e80-\u2fdf]/.test(s)) return s;
  return s.replace(/[\u2e80-\u2fdf]/g, (c) => SUPPLEMENT[c] ?? (c >= '\u2f00' ? c.normalize('NFKC') : c));
}

export interface PdfText extends LaidOutText {
  pages: number;
  diagnostics: Diagnostic[];
}

const fail = (message: string, file?: string): never => {
  throw new GongbaoError('input-pdf', message, file ? { file } : {});
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type PdfJs = any;
let pdfjs: Promise<PdfJs> | undefined;
const loadPdfJs = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));
const assets = (() => {
  const root = createRequire(import.meta.url).resolve('pdfjs-dist/package.json').replace(/package\.json$/, '');
  return { cMapUrl: `${root}cmaps/`, standardFontDataUrl: `${root}standard_fonts/` };
})();

/** Open a PDF: a damaged file and an encrypted one are each one line. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function openPdf(bytes: Uint8Array, file?: string): Promise<any> {
  // A file cut short (an interrupted download or copy) would read as fewer pages: refuse it rather than keep part of an issue.
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  if (!tail.includes('%%EOF')) fail('PDF 文件不完整（缺少文件结尾 %%EOF，可能下载或复制未完成）', file);
  const lib = await loadPdfJs();
  const task = lib.getDocument({
    data: new Uint8Array(bytes), // pdfjs takes ownership of the buffer it is given
    ...assets,
    cMapPacked: true,
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  try {
    return await task.promise;
  } catch (e) {
    await task.destroy().catch(() => {});
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') fail('PDF 文件已加密（需要密码）：请提供未加密的文件', file);
    return fail('无法读取 PDF 文件（文件已损坏或不是 PDF）', file);
  }
}

/** Positioned runs of every page; pages without a text layer are listed for OCR. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function textPages(doc: any, file?: string): Promise<{ pages: PdfPage[]; scans: number[] }> {
  const pages: PdfPage[] = [];
  const scans: number[] = [];
  for (let no = 1; no <= doc.numPages; no++) {
    let page;
    try {
      page = await doc.getPage(no);
      const vp = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const runs: PdfRun[] = [];
      for (const it of content.items as { str?: string; transform: number[]; width: number }[]) {
        if (typeof it.str !== 'string' || !it.str.trim()) continue;
        const [a, b, , , e, f] = it.transform as [number, number, number, number, number, number];
        const [x, y] = vp.convertToViewportPoint(e, f) as [number, number];
        const size = Math.hypot(a, b) || 1;
        runs.push({ str: unifyRadicals(it.str), x, y, w: it.width, size });
      }
      if (!runs.length) scans.push(no);
      pages.push({ no, width: vp.width, height: vp.height, runs });
    } catch {
      fail(`无法读取 PDF 第 ${no} 页（文件已损坏）`, file);
    } finally {
      page?.cleanup();
    }
  }
  return { pages, scans };
}

export interface PdfOptions {
  /** OCR pages without a text layer (default true); tests turn it off to check the refusal. */
  ocr?: boolean | OcrPage;
}

export async function pdfToText(bytes: Uint8Array, file?: string, opts: PdfOptions = {}): Promise<PdfText> {
  const doc = await openPdf(bytes, file);
  try {
    const { pages, scans } = await textPages(doc, file);
    if (!pages.length) fail('PDF 文件没有页面', file);
    const diagnostics: Diagnostic[] = [];
    // Tesseract is looked for only when a page needs it.
    const engine = !scans.length ? undefined : typeof opts.ocr === 'function' ? opts.ocr : opts.ocr !== false && hasTesseract() ? tesseractPage : undefined;
    if (scans.length && !engine && scans.length < pages.length) {
      // A born-digital issue with a picture for a cover: read the rest, and say which pages were not read.
      diagnostics.push({
        severity: 'warning',
        code: 'pdf-no-text',
        message: `第 ${scans.join('、')} 页没有文字层（图片或扫描页），未能识别：${INSTALL_OCR}`,
        line: 1,
      });
    } else if (scans.length) {
      const ocr = await ocrPages(doc, scans, { file, engine });
      for (const r of ocr) {
        pages[r.page.no - 1] = r.page;
        diagnostics.push({
          severity: r.confidence < 70 ? 'warning' : 'info',
          code: 'pdf-ocr',
          message: `第 ${r.page.no} 页没有文字层，已用 OCR 识别（平均置信度 ${Math.round(r.confidence)}）`,
          line: 1,
        });
      }
    }
    const laid = layOut(pages);
    if (!laid.text.trim()) fail('PDF 文件中没有可读的文字', file);
    return { ...laid, pages: pages.length, diagnostics };
  } finally {
    await doc.destroy();
  }
}
