// XML for feeds and the sitemap: escaping (including characters XML 1.0
// forbids, which are dropped), Atom 1.0 feeds and sitemap url sets.

const INVALID_XML = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlEscape(s: string): string {
  return s
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An ISO day (`2022-03-15`) as an RFC 3339 timestamp in China time; timestamps pass through. */
export const rfc3339 = (s: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00+08:00` : s);

export interface AtomEntry {
  id: string;
  title: string;
  link: string;
  updated: string;
  /** Plain-text summary. */
  summary?: string;
  /** HTML summary (escaped once more into the XML). */
  summaryHtml?: string;
  categories?: string[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** Absolute URL of the feed itself. */
  self: string;
  /** Absolute URL of the page the feed mirrors. */
  alternate: string;
  updated: string;
  entries: AtomEntry[];
}

export const ATOM_TYPE = 'application/atom+xml; charset=utf-8';

function entryXml(e: AtomEntry): string {
  const parts = [
    `<id>${xmlEscape(e.id)}</id>`,
    `<title type="text">${xmlEscape(e.title)}</title>`,
    `<link rel="alternate" type="text/html" href="${xmlEscape(e.link)}"/>`,
    `<updated>${xmlEscape(rfc3339(e.updated))}</updated>`,
    ...(e.categories ?? []).map((c) => `<category term="${xmlEscape(c)}"/>`),
  ];
  if (e.summaryHtml !== undefined) parts.push(`<summary type="html">${xmlEscape(e.summaryHtml)}</summary>`);
  else if (e.summary !== undefined) parts.push(`<summary type="text">${xmlEscape(e.summary)}</summary>`);
  return `<entry>\n  ${parts.join('\n  ')}\n</entry>`;
}

export function atomXml(f: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `<id>${xmlEscape(f.id)}</id>`,
    `<title type="text">${xmlEscape(f.title)}</title>`,
    ...(f.subtitle ? [`<subtitle type="text">${xmlEscape(f.subtitle)}</subtitle>`] : []),
    `<link rel="self" type="application/atom+xml" href="${xmlEscape(f.self)}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlEscape(f.alternate)}"/>`,
    `<updated>${xmlEscape(rfc3339(f.updated))}</updated>`,
    '<author><name>公报通</name></author>',
    '<generator>公报通</generator>',
    ...f.entries.map(entryXml),
    '</feed>',
    '',
  ].join('\n');
}

export interface SitemapUrl {
  loc: string;
  lastmod?: string | null;
}

export function sitemapXml(urls: SitemapUrl[]): string {
  const body = urls.map((u) => `<url><loc>${xmlEscape(u.loc)}</loc>${u.lastmod ? `<lastmod>${xmlEscape(u.lastmod)}</lastmod>` : ''}</url>`);
  return ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...body, '</urlset>', ''].join('\n');
}

/** The latest of some RFC 3339 / ISO-day timestamps, or `fallback`. */
export function latest(dates: (string | null | undefined)[], fallback: string): string {
  const ts = dates.filter((d): d is string => Boolean(d)).map(rfc3339).sort((a, b) => Date.parse(b) - Date.parse(a));
  return ts[0] ?? fallback;
}
