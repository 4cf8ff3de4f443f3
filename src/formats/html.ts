// Saved web pages (HTML) → the plain text the text path reads. Decodes the page
// (BOM, <meta charset>, else UTF-8 with a GB18030 fallback), picks the element
// holding the document body, and renders it as one line per block with a blank
// line between paragraphs and tab-separated table rows. The gov.cn "信息公开"
// label/value table in front of the body is returned as `meta`.
import { parse, HTMLElement, NodeType, type Node } from 'node-html-parser';
import { GongbaoError } from '../errors.js';

export interface HtmlDocument {
  text: string;
  meta: Record<string, string>;
}

const latin1 = new TextDecoder('latin1');
const HEAD = /<(?:!doctype|html|head|body|meta|div|p)[\s>/]/i;
const DROP = 'script,style,nav,header,footer,noscript';
const CONTENT = ['#UCAP-CONTENT', '.pages_content', '#zoom', '.TRS_Editor', '.article-content', 'article'];
const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'section', 'article', 'blockquote', 'center', 'pre', 'form', 'main', 'aside', 'figure', 'figcaption', 'caption', 'hr', 'address']);
const LABELS = new Set(['索引号', '主题分类', '发文机关', '成文日期', '发文字号', '发布日期', '标题', '主题词']);
const MIN_CJK = 30;

const cjk = (s: string): number => s.match(/[\u3400-\u9fff]/g)?.length ?? 0;
const squash = (s: string): string => s.replace(/[\s\u00a0\u3000]+/g, '');
const clean = (s: string): string => s.replace(/[ \t\n\r\f]+/g, ' ').replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '');

/** The first 1 KB as a string, for sniffing (UTF-16 pages by their BOM). */
function headOf(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 1024);
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head);
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head);
  return latin1.decode(head);
}

export function isHtml(bytes: Uint8Array): boolean {
  const s = headOf(bytes).replace(/^(?:\ufeff|\u00ef\u00bb\u00bf)/, '').replace(/^\s+/, '');
  return s.startsWith('<') && HEAD.test(s);
}

function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const sniff = latin1.decode(bytes.subarray(0, 4096));
  const label = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(sniff)?.[1]?.toLowerCase();
  if (label && /^(?:gb2312|gbk|gb18030|x-gbk|cp936|windows-936)$/.test(label)) return new TextDecoder('gb18030').decode(bytes);
  if (label && !/^utf-?8$/.test(label)) {
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // Unknown label: fall through to the default.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const isEl = (n: Node): n is HTMLElement => n.nodeType === NodeType.ELEMENT_NODE;
const tag = (el: HTMLElement): string => (el.rawTagName ?? '').toLowerCase();

/** Renders an element as items: paragraphs (blank line between) and table rows (consecutive). */
class Renderer {
  readonly items: { text: string; row: boolean }[] = [];
  private cur = '';

  flush(): void {
    const line = clean(this.cur);
    if (line) this.items.push({ text: line, row: false });
    this.cur = '';
  }

  walk(node: Node): void {
    if (!isEl(node)) {
      if (node.nodeType === NodeType.TEXT_NODE) this.cur += node.text;
      return;
    }
    const t = tag(node);
    if (t === 'br') return this.flush();
    if (t === 'tr') return this.row(node);
    const block = BLOCK.has(t) || t === 'table' || t === 'td' || t === 'th';
    if (block) this.flush();
    for (const c of node.childNodes) this.walk(c);
    if (block) this.flush();
  }

  private row(tr: HTMLElement): void {
    this.flush();
    const cells = tr.childNodes.filter(isEl).filter((c) => tag(c) === 'td' || tag(c) === 'th');
    const texts = cells.map((c) => cellText(c));
    const filled = texts.filter((s) => s);
    if (filled.length === 1) {
      // A layout row: one cell holding paragraphs.
      for (const c of cells) this.walk(c);
    } else if (filled.length > 1) {
      this.items.push({ text: texts.join('\t'), row: true });
    }
  }

  text(): string {
    this.flush();
    return this.items.map((it, i) => (i === 0 ? '' : it.row && this.items[i - 1]!.row ? '\n' : '\n\n') + it.text).join('');
  }
}

function cellText(el: HTMLElement): string {
  const r = new Renderer();
  r.walk(el);
  r.flush();
  return r.items.map((it) => it.text).join(' ').replace(/\t/g, ' ');
}

/** Direct body text of an element: its own text nodes and its direct <p> children. */
function ownText(el: HTMLElement): number {
  let n = 0;
  for (const c of el.childNodes) {
    if (c.nodeType === NodeType.TEXT_NODE) n += cjk(c.text);
    else if (isEl(c) && tag(c) === 'p') n += cjk(c.text);
  }
  return n;
}

function findContent(root: HTMLElement): HTMLElement | null {
  for (const sel of CONTENT) {
    const hit = root.querySelectorAll(sel).find((el) => cjk(el.text) >= MIN_CJK);
    if (hit) return hit;
  }
  let best: HTMLElement | null = null;
  let bestScore = MIN_CJK - 1;
  for (const el of root.querySelectorAll('*')) {
    const s = ownText(el);
    if (s > bestScore) [best, bestScore] = [el, s];
  }
  return best;
}

function readMeta(root: HTMLElement, content: HTMLElement): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const cell of root.querySelectorAll('td,th')) {
    if (isInside(cell, content)) continue;
    const label = cellText(cell).replace(/[:：\s\u00a0\u3000]+$/, '');
    if (!LABELS.has(label) || label in meta) continue;
    let next = cell.nextElementSibling;
    while (next && tag(next) !== 'td' && tag(next) !== 'th') next = next.nextElementSibling;
    if (next) meta[label] = cellText(next).trim();
  }
  return meta;
}

function isInside(el: HTMLElement, ancestor: HTMLElement): boolean {
  for (let p: HTMLElement | null = el; p; p = p.parentNode) if (p === ancestor) return true;
  return false;
}

/** The nearest <h1> or title-like element before the content element, outside it. */
function titleAbove(root: HTMLElement, content: HTMLElement): string | null {
  let title: string | null = null;
  for (const el of root.querySelectorAll('*')) {
    if (el === content) break;
    if (isInside(content, el)) continue;
    const named = /title/i.test(`${el.id} ${el.getAttribute('class') ?? ''}`);
    if (tag(el) !== 'h1' && !named) continue;
    const text = cellText(el);
    if (text && cjk(text) >= 4 && text.length <= 200) title = text;
  }
  return title;
}

export function htmlToText(bytes: Uint8Array, file?: string): HtmlDocument {
  const none = (): GongbaoError => new GongbaoError('input-html', '网页中没有找到公文正文', file ? { file } : {});
  let root: HTMLElement;
  try {
    root = parse(decodeHtml(bytes), { blockTextElements: { script: true, style: true, noscript: true } });
  } catch {
    throw none();
  }
  for (const el of root.querySelectorAll(DROP)) el.remove();
  const content = findContent(root);
  if (!content) throw none();
  const meta = readMeta(root, content);
  const r = new Renderer();
  r.walk(content);
  let text = r.text();
  if (cjk(text) < MIN_CJK) throw none();
  const title = titleAbove(root, content) ?? meta['标题'] ?? null;
  if (title && !squash(text.slice(0, title.length * 3)).startsWith(squash(title))) text = `${title}\n\n${text}`;
  return { text: `${text}\n`, meta };
}
