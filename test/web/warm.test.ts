import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/store/library.js';
import { loadSamples } from '../store/samples.js';
import { warmCaches } from '../../src/web/warm.js';
import { filterChoices } from '../../src/web/services/browse.js';

describe('warming a server process', () => {
  it('works on an empty library', () => {
    expect(() => warmCaches(openLibrary(':memory:'))).not.toThrow();
  });
  it('leaves the first page no scan over every document to do', () => {
    const db = openLibrary(':memory:');
    loadSamples(db);
    warmCaches(db);
    const prepared: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => (prepared.push(sql), prepare(sql))) as typeof db.prepare;
    expect(filterChoices(db).years.length).toBeGreaterThan(0);
    expect(prepared.filter((s) => /DISTINCT/i.test(s))).toEqual([]);
  });
});
