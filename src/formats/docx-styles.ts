// What word/styles.xml says about paragraphs: each style's name and font size
// (following `basedOn`), and the document's default size. A title is what the
// styles and the centring say: a paragraph in a title style (Title, 标题,
// heading 1), or a centred paragraph set clearly larger than the body.
import { attr, tagVal } from './docx-xml.js';

export interface StyleTable {
  names: Map<string, string>;
  /** Font size in half-points, as `w:sz` writes it. */
  sizes: Map<string, number>;
  defaultSize: number;
}

export const NO_STYLES: StyleTable = { names: new Map(), sizes: new Map(), defaultSize: 21 };

export function readStyles(xml: string | undefined): StyleTable {
  if (!xml) return NO_STYLES;
  const names = new Map<string, string>();
  const own = new Map<string, number>();
  const based = new Map<string, string>();
  for (const m of xml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const key = attr(m[1], 'w:styleId');
    if (!key) continue;
    const name = tagVal(m[2]!, 'w:name');
    if (name) names.set(key, name);
    const size = Number(tagVal(m[2]!, 'w:sz'));
    if (size > 0) own.set(key, size);
    const parent = tagVal(m[2]!, 'w:basedOn');
    if (parent) based.set(key, parent);
  }
  const defaults = /<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(xml)?.[0];
  const defaultSize = Number(defaults ? tagVal(defaults, 'w:sz') : undefined) || 21;
  const sizes = new Map<string, number>();
  for (const key of names.keys()) {
    let k: string | undefined = key;
    for (let hops = 0; k && hops < 10 && !own.has(k); hops++) k = based.get(k);
    if (k && own.has(k)) sizes.set(key, own.get(k)!);
  }
  return { names, sizes, defaultSize };
}

const TITLE_STYLE = /^(?:title|标题|heading\s*1|标题\s*1|文件标题|公文标题)$/i;

export interface ParagraphLook {
  text: string;
  style?: string;
  centred: boolean;
  /** Largest run size in half-points, if any run states one. */
  size?: number;
}

/** The body size: the size most characters are set in. */
function bodySize(paras: ParagraphLook[], styles: StyleTable): number {
  const count = new Map<number, number>();
  for (const p of paras) {
    const s = sizeOf(p, styles);
    count.set(s, (count.get(s) ?? 0) + p.text.length);
  }
  return [...count].sort((a, b) => b[1] - a[1])[0]?.[0] ?? styles.defaultSize;
}

const sizeOf = (p: ParagraphLook, styles: StyleTable): number => p.size ?? (p.style ? styles.sizes.get(p.style) : undefined) ?? styles.defaultSize;

/** Which paragraphs are titles (by style, or centred and at least 1.2 × the body size). */
export function titles(paras: ParagraphLook[], styles: StyleTable): boolean[] {
  const body = bodySize(paras, styles);
  return paras.map((p) => {
    const name = p.style ? styles.names.get(p.style) ?? p.style : '';
    return TITLE_STYLE.test(name.trim()) || (p.centred && sizeOf(p, styles) >= body * 1.2);
  });
}
