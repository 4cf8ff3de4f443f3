// Property test against a naive reference: for words drawn from the corpus,
// the engine's match count equals a brute-force scan over the analyzer's
// tokens of each document (a document matches when it has the word, or all
// of its sub-words, in any indexed field).
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openLibrary, ingestPaths } from '../../src/store/library.js';
import { search } from '../../src/search/search.js';
import { queryWords, segment } from '../../src/search/analyzer.js';
import { indexFields } from '../../src/search/indexer.js';

const db = openLibrary(':memory:');
ingestPaths(db, [join(import.meta.dirname, '../../data/samples')]);
const docs = (db.prepare('SELECT id, json, text FROM documents WHERE is_current = 1').all() as { id: number; json: string; text: string }[]).map((r) => {
  const f = indexFields({ ...JSON.parse(r.json), text: r.text });
  return { id: r.id, tokens: new Set(`${f.title} ${f.headings} ${f.body} ${f.meta}`.split(' ')) };
});
const vocabulary = [...new Set(docs.flatMap((d) => [...d.tokens]).filter((t) => /^\p{Script=Han}{2,6}$/u.test(t)))].sort();

function reference(word: string): number {
  const subs = [...new Set(segment(word))].filter((s) => s !== word);
  return docs.filter((d) => d.tokens.has(word) || (subs.length > 0 && subs.every((s) => d.tokens.has(s)))).length;
}

describe('search agrees with a naive scan', () => {
  it('for single words from the corpus', () => {
    fc.assert(
      fc.property(fc.constantFrom(...vocabulary), (word) => {
        // Only words the query side keeps as one word are comparable one-to-one.
        fc.pre(queryWords(word).length === 1 && queryWords(word)[0] === word);
        expect(search(db, { q: `${word} ` }).total).toBe(reference(word));
      }),
      { numRuns: 150, seed: 20261124 },
    );
  });
  it('for pairs of words (AND)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...vocabulary), fc.constantFrom(...vocabulary), (a, b) => {
        fc.pre(a !== b && queryWords(`${a} ${b}`).join('|') === `${a}|${b}`);
        const both = docs.filter((d) => {
          const has = (w: string) => {
            const subs = [...new Set(segment(w))].filter((s) => s !== w);
            return d.tokens.has(w) || (subs.length > 0 && subs.every((s) => d.tokens.has(s)));
          };
          return has(a) && has(b);
        }).length;
        const r = search(db, { q: `${a} ${b} ` });
        // With no document holding both, the engine relaxes to OR: then it finds at least as many as either alone.
        if (both > 0) expect(r.total).toBe(both);
        else expect(r.relaxed || r.total === 0).toBe(true);
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});
