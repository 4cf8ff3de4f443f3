// Search quality must not regress: nDCG@10 on the judged query set stays at
// or above its recorded value, ≥ 0.90, and ahead of both baselines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/store/library.js';
import { loadSamples } from '../store/samples.js';
import { engineRanker, evaluate, likeRanker, ndcgAt, trigramRanker, type JudgedQuery } from '../../src/search/evaluate.js';

const fixtures = join(import.meta.dirname, '../fixtures/relevance');
const { queries } = JSON.parse(readFileSync(join(fixtures, 'queries.json'), 'utf8')) as { queries: JudgedQuery[] };
const recorded = JSON.parse(readFileSync(join(fixtures, 'recorded.json'), 'utf8')) as { engine: number };

describe('nDCG', () => {
  it('is 1 for the ideal order and lower otherwise', () => {
    expect(ndcgAt(['a', 'b'], { a: 3, b: 1 })).toBe(1);
    expect(ndcgAt(['b', 'a'], { a: 3, b: 1 })).toBeLessThan(1);
    expect(ndcgAt(['x'], { a: 3 })).toBe(0);
  });
});

describe('relevance on the judged query set', () => {
  const db = openLibrary(':memory:');
  loadSamples(db);
  const engine = evaluate(queries, engineRanker(db));
  it('has at least 40 judged queries', () => expect(queries.length).toBeGreaterThanOrEqual(40));
  it(`stays at or above the recorded nDCG@10 (${recorded.engine}) and 0.90`, () => {
    console.log(`nDCG@10 engine ${engine.mean.toFixed(3)}`, engine.byKind);
    expect(engine.mean).toBeGreaterThanOrEqual(Math.max(0.9, recorded.engine));
  });
  it('beats a LIKE scan and the FTS5 trigram tokenizer', () => {
    expect(engine.mean).toBeGreaterThan(evaluate(queries, likeRanker(db)).mean);
    expect(engine.mean).toBeGreaterThan(evaluate(queries, trigramRanker(db)).mean);
  });
});
