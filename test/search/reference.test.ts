// The engine against a reference that shares none of its code: plain
// substring matching over the raw stored text (plus the category, issuer and
// unit names the index also holds as meta), NFKC-normalized and lower-cased.
// Query words come from Intl.Segmenter (not the engine's jieba) and 文号 from
// the hand-checked sample expectations. What the engine promises
// (docs/SEARCH.md) in substring terms:
// - a 文号 in any bracket or spacing form finds exactly the documents that
//   print it (their own number or a citation);
// - a word finds only documents holding the word or a piece of it (a word
//   matches itself or its sub-words), and finds nearly every document holding
//   it (segmentation costs a little recall: docs/SEARCH.md measures 0.98);
// - two words find only what each finds alone, and the documents holding both.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/store/library.js';
import { loadSamples } from '../store/samples.js';
import { search } from '../../src/search/search.js';

const db = openLibrary(':memory:');
loadSamples(db);
const norm = (s: string) => s.normalize('NFKC').toLowerCase();

interface Row { id: number; json: string; text: string; category: string | null }
interface Unit { name: string }
const rows = db.prepare('SELECT id, json, text, category FROM documents WHERE is_current = 1').all() as Row[];
const docs = rows.map((r) => {
  const j = JSON.parse(r.json) as { issuer: string | null; responsibilities?: { leadUnits: Unit[]; responsibleUnits: Unit[]; cooperatingUnits: Unit[] }[] };
  const units = (j.responsibilities ?? []).flatMap((x) => [...x.leadUnits, ...x.responsibleUnits, ...x.cooperatingUnits].map((u) => u.name));
  return { id: r.id, text: r.text, hay: norm([r.text, r.category ?? '', j.issuer ?? '', ...units].join('\n')) };
});
const holding = (w: string) => docs.filter((d) => d.hay.includes(norm(w)));

/** Words of 2–4 Han characters as Intl.Segmenter cuts the raw texts. */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const wordsOf = (text: string) => [...segmenter.segment(text)].filter((s) => s.isWordLike && /^\p{Script=Han}{2,4}$/u.test(s.segment)).map((s) => s.segment);
const docWords = new Map(docs.map((d) => [d.id, [...new Set(wordsOf(d.text))].sort()]));
const vocabulary = [...new Set([...docWords.values()].flat())].sort();

/** The hay holds `w`, or a piece of it (for two characters, one of them). */
function holdsPiece(hay: string, w: string): boolean {
  for (let n = w.length; n >= (w.length === 2 ? 1 : 2); n--) for (let i = 0; i + n <= w.length; i++) if (hay.includes(w.slice(i, i + n))) return true;
  return false;
}

const hitIds = (q: string) => {
  const r = search(db, { q, pageSize: 100 });
  expect(r.total, q).toBeLessThanOrEqual(100);
  return { ids: new Set(r.hits.map((h) => h.id)), relaxed: r.relaxed };
};
const byId = new Map(docs.map((d) => [d.id, d]));

describe('search agrees with a substring scan of the raw text', () => {
  it('has a vocabulary to draw from', () => {
    expect(vocabulary.length).toBeGreaterThan(2000);
  });

  it('finds exactly the documents printing a 文号, in any bracket and spacing form', () => {
    const expected = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/samples-expected.json'), 'utf8')) as Record<string, { documents: { docNumber: string; citations: string[] }[] }>;
    const numbers = [...new Set(Object.values(expected).flatMap((e) => e.documents.flatMap((d) => [d.docNumber, ...d.citations])))].sort();
    const unify = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').replace(/[〔[（(【［]/gu, '〔').replace(/[〕\]）)】］]/gu, '〕');
    const BRACKETS = [['〔', '〕'], ['[', ']'], ['（', '）'], ['(', ')'], ['【', '】']] as const;
    fc.assert(
      fc.property(fc.constantFrom(...numbers), fc.constantFrom(...BRACKETS), fc.constantFrom('', ' '), (n, [open, close], sp) => {
        const typed = n.replace('〔', `${sp}${open}${sp}`).replace('〕', `${sp}${close}${sp}`);
        const ref = docs.filter((d) => unify(d.text).includes(n)).map((d) => d.id).sort();
        expect(ref.length, n).toBeGreaterThan(0);
        expect([...hitIds(typed).ids].sort(), typed).toEqual(ref);
      }),
      { numRuns: 150, seed: 20261124 },
    );
  });

  it('finds only documents holding a word or a piece of it, and nearly all that hold it', () => {
    let held = 0;
    let found = 0;
    let empty = 0;
    const sample = fc.sample(fc.constantFrom(...vocabulary), { numRuns: 400, seed: 7 });
    for (const w of sample) {
      const { ids } = hitIds(`${w} `);
      if (ids.size === 0) {
        empty++;
        continue;
      }
      for (const id of ids) expect(holdsPiece(byId.get(id)!.hay, norm(w)), `${w} → ${id}`).toBe(true);
      for (const d of holding(w)) {
        held++;
        if (ids.has(d.id)) found++;
      }
    }
    // Words the analyzer drops (stopwords such as 关于, 有关) find nothing: they are few, and left out of the recall.
    expect(empty / sample.length, `${empty} of ${sample.length} words found nothing`).toBeLessThan(0.05);
    expect(found / held, `recall ${found}/${held}`).toBeGreaterThan(0.95);
  });

  it('for two words that share a document: only what each finds alone, and the documents holding both', () => {
    // The second word comes from a document holding the first, so the strict AND always has an answer.
    const pair = fc.constantFrom(...vocabulary).chain((a) => fc.constantFrom(...docWords.get(holding(a)[0]!.id)!.filter((b) => b !== a)).map((b) => [a, b] as const));
    let strict = 0;
    let held = 0;
    let found = 0;
    const runs = 150;
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const both = hitIds(`${a} ${b} `);
        if (both.relaxed) return;
        strict++;
        // A word that finds nothing alone was dropped by the analyzer (a stopword): it constrains nothing.
        const kept = [a, b].map((w) => ({ w, alone: hitIds(`${w} `).ids })).filter((x) => x.alone.size > 0);
        for (const id of both.ids) {
          for (const { w, alone } of kept) {
            expect(alone.has(id), `${a} ${b} → ${id}, not found by ${w} alone`).toBe(true);
            expect(holdsPiece(byId.get(id)!.hay, norm(w)), `${a} ${b} → ${id} without ${w}`).toBe(true);
          }
        }
        for (const d of holding(a).filter((x) => x.hay.includes(norm(b)))) {
          held++;
          if (both.ids.has(d.id)) found++;
        }
      }),
      { numRuns: runs, seed: 11 },
    );
    expect(strict / runs, `${strict} of ${runs} pairs answered by the strict AND`).toBeGreaterThan(0.9);
    expect(found / held, `recall ${found}/${held}`).toBeGreaterThan(0.9);
  });
});
