// .docx → plain text in the shape the text path reads: one paragraph per line
// with a blank line between paragraphs, a table as one tab-separated line per
// row. No dependency: the zip is read through its central directory and
// inflated with node:zlib; word/document.xml is read by a linear tag scanner.
import { inflateRawSync } from 'node:zlib';
import { GongbaoError } from '../errors.js';
import { NO_STYLES, readStyles, titles, type ParagraphLook, type StyleTable } from './docx-styles.js';
import { numberer, readNumbering, type Numbering } from './docx-numbering.js';
import { attr } from './docx-xml.js';

const DOCUMENT = 'word/document.xml';
const STYLES = 'word/styles.xml';
const NUMBERING = 'word/numbering.xml';
const MAX_OUTPUT = 256 * 1024 * 1024; // inflate guard against zip bombs
const MAX_SPAN = 64; // gridSpan cap: a corrupt value must not make huge rows

interface Entry { method: number; size: number; local: number }

const u16 = (b: Uint8Array, at: number): number => {
  if (at < 0 || at + 2 > b.length) throw new RangeError('zip: out of bounds');
  return b[at]! | (b[at + 1]! << 8);
};
const u32 = (b: Uint8Array, at: number): number => u16(b, at) + u16(b, at + 2) * 0x10000;

/** The central-directory entry of `name`, or undefined when the zip has none. */
function findEntry(b: Uint8Array, name: string): Entry | undefined {
  let eocd = -1;
  for (let i = b.length - 22; i >= 0 && i >= b.length - 22 - 0xffff; i--) {
    if (u32(b, i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new RangeError('zip: no end of central directory');
  const count = u16(b, eocd + 10);
  let at = u32(b, eocd + 16);
  const want = new TextEncoder().encode(name);
  for (let k = 0; k < count; k++) {
    if (u32(b, at) !== 0x02014b50) throw new RangeError('zip: bad central entry');
    const nameLen = u16(b, at + 28);
    const next = at + 46 + nameLen + u16(b, at + 30) + u16(b, at + 32);
    if (nameLen === want.length && want.every((c, i) => b[at + 46 + i] === c)) {
      return { method: u16(b, at + 10), size: u32(b, at + 20), local: u32(b, at + 42) };
    }
    at = next;
  }
  return undefined;
}

function readEntry(b: Uint8Array, e: Entry): Uint8Array {
  if (u32(b, e.local) !== 0x04034b50) throw new RangeError('zip: bad local header');
  const start = e.local + 30 + u16(b, e.local + 26) + u16(b, e.local + 28);
  if (start + e.size > b.length) throw new RangeError('zip: truncated entry');
  const data = b.subarray(start, start + e.size);
  if (e.method === 0) return data;
  if (e.method === 8) return inflateRawSync(data, { maxOutputLength: MAX_OUTPUT });
  throw new RangeError(`zip: unsupported method ${e.method}`);
}

const isZip = (b: Uint8Array): boolean => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export function isDocx(bytes: Uint8Array): boolean {
  if (!isZip(bytes)) return false;
  try {
    return findEntry(bytes, DOCUMENT) !== undefined;
  } catch {
    return false;
  }
}

export function docxToText(bytes: Uint8Array, file?: string): string {
  let xml: string;
  let styles = NO_STYLES;
  let numbering: Numbering = { levels: new Map() };
  try {
    if (!isZip(bytes)) throw new RangeError('not a zip');
    const entry = findEntry(bytes, DOCUMENT);
    if (!entry) throw new RangeError('no word/document.xml');
    xml = new TextDecoder('utf-8').decode(readEntry(bytes, entry));
    const part = (name: string) => {
      const e = findEntry(bytes, name);
      return e ? new TextDecoder('utf-8').decode(readEntry(bytes, e)) : undefined;
    };
    styles = readStyles(part(STYLES));
    numbering = readNumbering(part(NUMBERING));
  } catch {
    // Bounds, zlib and format errors alike: the file is not a readable DOCX.
    throw new GongbaoError('input-docx', '无法读取 DOCX 文件（文件已损坏或不是 Word 文档）', file ? { file } : {});
  }
  return documentText(xml, styles, numbering);
}

const ENTITY = /&(#x[0-9a-fA-F]{1,8}|#[0-9]{1,10}|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? whole;
    const cp = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
  });
}

// A tag runs to the next `>` or `<`, so a stray `<` costs no rescans: linear.
const TOKEN = /<([^<>]*)>|[^<]+|</g;
const NAME = /^\/?([^\s/]+)/;
const PRESERVE = /\sxml:space\s*=\s*["']preserve["']/;
// Content never read: the fallback copy of alternate content, moved-away text.
const SKIP = new Set(['mc:Fallback', 'w:moveFrom']);

/** The text of word/document.xml (see the file comment for the shape). */
export function documentText(xml: string, styles: StyleTable = NO_STYLES, numbering: Numbering = { levels: new Map() }): string {
  const blocks: { text: string; look?: ParagraphLook }[] = [];
  let look: ParagraphLook = { text: '', centred: false };
  let list: { numId?: string; ilvl: number } = { ilvl: 0 };
  const label = numberer(numbering);
  let buf = ''; // current outermost paragraph
  let pDepth = 0, rDepth = 0, tblDepth = 0, skipDepth = 0;
  let inT = false, preserve = false, tText = '';
  let rows: string[][] = [], row: string[] = [], cellParts: string[] = [];
  let span = 1, continued = false;
  const add = (s: string): void => { if (pDepth > 0) buf += tblDepth > 0 ? s.replace(/[\t\n]/g, ' ') : s; };

  for (const m of xml.matchAll(TOKEN)) {
    const inner = m[1];
    if (inner === undefined) {
      if (inT && skipDepth === 0 && m[0] !== '<') tText += m[0];
      continue;
    }
    const name = NAME.exec(inner)?.[1];
    if (!name || name[0] === '!' || name[0] === '?') continue;
    const closing = inner[0] === '/';
    const empty = !closing && inner.endsWith('/');
    if (SKIP.has(name)) {
      if (!empty) skipDepth = Math.max(0, skipDepth + (closing ? -1 : 1));
      continue;
    }
    if (skipDepth > 0) continue;
    const opening = !closing && !empty;
    switch (name) {
      case 'w:p':
        if (opening) { if (pDepth++ === 0) (buf = '', look = { text: '', centred: false }, list = { ilvl: 0 }); else add('\n'); break; }
        if (closing && pDepth === 0) break;
        if (closing && --pDepth > 0) break;
        if (empty && pDepth > 0) break;
        if (buf.trim() !== '') {
          // Word's automatic number (一、 （二） 3.) is shown, not stored in the text: write it as shown.
          const number = tblDepth === 0 && list.numId && list.numId !== '0' ? label(list.numId, list.ilvl) : null;
          if (number) buf = `${number}${buf}`;
          if (tblDepth > 0) cellParts.push(buf);
          else blocks.push({ text: buf, look: { ...look, text: buf } });
        }
        buf = '';
        break;
      case 'w:numId':
        if (pDepth === 1 && tblDepth === 0) list.numId = attr(inner, 'w:val');
        break;
      case 'w:ilvl':
        if (pDepth === 1 && tblDepth === 0) list.ilvl = Math.min(8, Math.max(0, Number(attr(inner, 'w:val')) || 0));
        break;
      case 'w:pStyle':
        if (pDepth === 1 && tblDepth === 0) look.style = attr(inner, 'w:val');
        break;
      case 'w:jc':
        if (pDepth === 1 && tblDepth === 0) look.centred = /^center$/.test(attr(inner, 'w:val') ?? '');
        break;
      case 'w:sz':
        if (pDepth >= 1 && tblDepth === 0) {
          const size = Number(attr(inner, 'w:val'));
          if (size > 0) look.size = Math.max(look.size ?? 0, size);
        }
        break;
      case 'w:r':
        if (!empty) rDepth = Math.max(0, rDepth + (closing ? -1 : 1));
        break;
      case 'w:t':
        if (opening) { inT = true; preserve = PRESERVE.test(inner); tText = ''; break; }
        if (closing && inT) add(decodeEntities(preserve ? tText : tText.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '')));
        inT = false;
        break;
      case 'w:tab':
        if (rDepth > 0) add('\t'); // outside a run, w:tab is a tab stop definition
        break;
      case 'w:br': case 'w:cr':
        if (rDepth > 0) add('\n');
        break;
      case 'w:tbl':
        if (opening && tblDepth++ === 0) rows = [];
        if (closing && tblDepth > 0 && --tblDepth === 0) {
          const lines = rows.map((r) => r.join('\t')).filter((l) => l.trim() !== '');
          if (lines.length > 0) blocks.push({ text: lines.join('\n') });
        }
        break;
      case 'w:tr':
        if (tblDepth !== 1) break;
        if (opening) row = [];
        if (closing) rows.push(row);
        break;
      case 'w:tc':
        if (tblDepth !== 1) { if (closing) cellParts.push(' '); break; }
        if (opening) { cellParts = []; span = 1; continued = false; }
        if (closing) {
          row.push(continued ? '' : cellParts.join(' ').replace(/ {2,}/g, ' ').trim());
          for (let k = 1; k < span; k++) row.push('');
        }
        break;
      case 'w:gridSpan':
        if (tblDepth === 1) span = Math.min(MAX_SPAN, Math.max(1, parseInt(attr(inner, 'w:val') ?? '1', 10) || 1));
        break;
      case 'w:vMerge':
        if (tblDepth === 1) { const v = attr(inner, 'w:val'); continued = v === undefined || v === 'continue'; }
        break;
    }
  }
  return joinBlocks(blocks, styles);
}

/** Blocks as text: a title (by style or centring and size) as `# `, its consecutive paragraphs joined. */
function joinBlocks(blocks: { text: string; look?: ParagraphLook }[], styles: StyleTable): string {
  const looks = blocks.flatMap((b) => (b.look ? [b.look] : []));
  const flags = titles(looks, styles);
  const isTitle = new Map(looks.map((l, i) => [l, flags[i]!] as const));
  const out: string[] = [];
  let title: string[] = [];
  const flush = () => {
    if (title.length) out.push(`# ${title.join('')}`);
    title = [];
  };
  for (const b of blocks) {
    if (b.look && isTitle.get(b.look)) title.push(b.text.replace(/\n/g, ''));
    else (flush(), out.push(b.text));
  }
  flush();
  return out.join('\n\n') + (out.length > 0 ? '\n' : '');
}
