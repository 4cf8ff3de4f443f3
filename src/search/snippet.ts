// A short, HTML-escaped excerpt around the first query word, with every
// query word wrapped in <mark>. Document text is never trusted as HTML.
import { escapeHtml } from '../web/escape.js';

const RADIUS = 50;

/** Snippets come from the body: the title and 文号 lines are shown beside the hit anyway. */
export function bodyOf(text: string): string {
  const lines = text.split('\n');
  return lines.length > 3 ? lines.slice(2).join('\n') : text;
}

export function buildSnippet(text: string, terms: string[], radius = RADIUS): string {
  const flat = bodyOf(text).replace(/\s+/g, ' ');
  const lower = flat.toLowerCase();
  const words = [...new Set(terms.filter((t) => t.length > 0))].sort((a, b) => b.length - a.length).slice(0, 12);
  let at = -1;
  for (const w of words) {
    const i = lower.indexOf(w);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  const start = at < 0 ? 0 : Math.max(0, at - radius);
  const end = Math.min(flat.length, (at < 0 ? 0 : at) + radius * 2);
  const piece = flat.slice(start, end);
  let html = '';
  const lp = piece.toLowerCase();
  for (let i = 0; i < piece.length; ) {
    const w = words.find((x) => lp.startsWith(x, i));
    if (w) {
      html += `<mark>${escapeHtml(piece.slice(i, i + w.length))}</mark>`;
      i += w.length;
    } else {
      html += escapeHtml(piece[i]!);
      i++;
    }
  }
  return `${start > 0 ? '…' : ''}${html}${end < flat.length ? '…' : ''}`;
}
