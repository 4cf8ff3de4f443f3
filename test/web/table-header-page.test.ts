// A table whose printed header spans two rows shows merged header cells on the
// document page, not the flat `parent/child` labels the API and CSV carry.
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/web/app.js';
import type { Table } from '../../src/parse/types.js';
import type { Db } from '../../src/store/db.js';
import { openTestLibrary } from './fixture.js';

let db: Db;
let app: ReturnType<typeof createApp>;
beforeAll(() => {
  db = openTestLibrary();
  app = createApp({ db, log: () => {}, now: () => new Date('2024-02-01T08:00:00Z') });
});

describe('multi-row table headers on the document page', () => {
  it('prints merged header cells with colspan and rowspan, without the flat labels', async () => {
    const docs = db.prepare('SELECT id, json FROM documents WHERE is_current = 1 ORDER BY id').all() as { id: number; json: string }[];
    const found = docs
      .map((d) => ({ id: d.id, tables: ((JSON.parse(d.json) as { tables?: Table[] }).tables ?? []).filter((t) => (t.headerRows?.length ?? 0) >= 2) }))
      .find((d) => d.tables.length > 0);
    expect(found, 'a sample document with a two-row table header').toBeDefined();
    const res = await app.request(`/documents/${found!.id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const heads = [...html.matchAll(/<thead>([\s\S]*?)<\/thead>/g)].map((m) => m[1]!);
    expect(heads.join('')).toMatch(/<th\b[^>]*\scolspan="\d+"/);
    expect(heads.join('')).toMatch(/<th\b[^>]*\srowspan="\d+"/);
    const flat = found!.tables.flatMap((t) => t.header.filter((h) => h.includes('/')));
    expect(flat.length).toBeGreaterThan(0);
    for (const label of flat) for (const head of heads) expect(head).not.toContain(label);
    // Each parent label is printed once, over its children.
    for (const t of found!.tables) for (const parent of new Set(t.header.filter((h) => h.includes('/')).map((h) => h.split('/')[0]!))) {
      expect(heads.join('')).toMatch(new RegExp(`<th\\b[^>]*\\scolspan="\\d+"[^>]*>${parent.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</th>`));
    }
  });
});
