// What word/styles.xml says about paragraphs: each style's name and font size
// (following `basedOn`), and the document's default size. A title is what the
// styles and the centring say: a paragraph in a title style (Title, 标题,
// heading 1), or a centred paragraph set clearly larger than the body.

export interface StyleTable {
  names: Map<string, string>;
  /** Font size in half-points, as `w:sz` writes it. */
  sizes: Map<string, number>;
  defaultSize: number;
}

const ATTR = (name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
const STYLE_ID = ATTR('w:styleId');
const VAL = ATTR('w:val');
const val = (tag: string | undefined): string | undefined => {
  const m = tag ? VAL.exec(tag) : null;
  return m ? (m[1] ?? m[2]) : undefined;
};
const first = (xml: string, tag: string): string | undefined => new RegExp(`<${tag}\\b[^>]*>`).exec(xml)?.[0];

export const NO_STYLES: StyleTable = { names: new Map(), sizes: new Map(), defaultSize: 21 };

export function readStyles(xml: string | undefined): StyleTable {
  if (!xml) return NO_STYLES;
  const names = new Map<string, string>();
  const own = new Map<string, number>();
  const based = new Map<string, string>();
  for (const m of xml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = STYLE_ID.exec(m[1]!);
    const key = id ? (id[1] ?? id[2])! : undefined;
    if (!key) continue;
    const name = val(first(m[2]!, 'w:name'));
    if (name) names.set(key, name);
    const size = Number(val(first(m[2]!, 'w:sz')));
    if (size > 0) own.set(key, size);
    const parent = val(first(m[2]!, 'w:basedOn'));
    if (parent) based.set(key, parent);
  }
  const defaults = /<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(xml)?.[0];
  const defaultSize = Number(val(defaults ? first(defaults, 'w:sz') : undefined)) || 21;
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
