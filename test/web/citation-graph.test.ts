// A document's citations: one service (services/citations.ts) gives the lists
// the page, the graph and the API show, so their counts agree; the graph's
// layout (pages/graph-layout.ts) never overlaps, whatever the numbers.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createApp } from '../../src/web/app.js';
import type { Db } from '../../src/store/db.js';
import { crosses, layoutGraph, overlaps, type LayoutGroup } from '../../src/web/pages/graph-layout.js';
import { openTestLibrary } from './fixture.js';

const group = (direction: 'in' | 'out', edge: 'cites' | 'repeals', n: number): LayoutGroup => ({
  heading: `${direction}-${edge}`, direction, edge,
  items: Array.from({ length: n }, (_, k) => ({ label: `五政办发〔2022〕${k + 1}号`, title: '', href: null, kind: 'stub' as const })),
});

describe('graph layout', () => {
  const sizes = fc.tuple(fc.nat(25), fc.nat(25), fc.nat(60), fc.nat(8));
  it('places every document once, with no box over another and no line through a box', () => {
    fc.assert(fc.property(sizes, fc.integer({ min: 1, max: 4 }), ([a, b, c, d], columns) => {
      const groups = [group('in', 'repeals', a), group('in', 'cites', b), group('out', 'cites', c), group('out', 'repeals', d)];
      const l = layoutGraph(groups, columns);
      expect(l.items.length).toBe(a + b + c + d);
      const boxes = [l.self, ...l.items];
      const bad: string[] = [];
      for (let i = 0; i < boxes.length; i++) {
        const bi = boxes[i]!;
        if (bi.x < 0 || bi.y < 0 || bi.x + bi.w > l.width || bi.y + bi.h > l.height) bad.push(`outside ${JSON.stringify(bi)}`);
        for (let j = i + 1; j < boxes.length; j++) if (overlaps(bi, boxes[j]!)) bad.push(`overlap ${i} ${j}`);
      }
      for (const s of l.segments) for (const b of boxes) if (crosses(s, b)) bad.push(`line through a box ${JSON.stringify({ s, b })}`);
      // Every box is reached by a line: an arrow into it, or a line leaving it.
      for (const b of l.items) if (!l.segments.some((s) => (s.x2 === b.x || s.x1 === b.x) && s.y1 === b.y + b.h / 2)) bad.push(`unlinked ${JSON.stringify(b)}`);
      expect(bad).toEqual([]);
    }), { numRuns: 200 });
  });

  it('draws one column narrow enough for a 390 px phone at full size', () => {
    const l = layoutGraph([group('in', 'cites', 30), group('out', 'cites', 175)], 1);
    expect(l.width).toBeLessThanOrEqual(340);
    expect(l.items.length).toBe(205);
  });

  it('lays out the edge of the document with no line when there is nothing to link', () => {
    const l = layoutGraph([group('in', 'cites', 0), group('out', 'cites', 0)], 3);
    expect(l.items).toEqual([]);
    expect(l.segments).toEqual([]);
  });
});

describe('one count of a document’s citations', () => {
  let db: Db;
  let app: ReturnType<typeof createApp>;
  beforeAll(() => {
    db = openTestLibrary();
    app = createApp({ db, log: () => {}, now: () => new Date('2024-02-01T08:00:00Z') });
  });

  const counts = (html: string, from: string, to: string) => {
    const part = html.slice(html.indexOf(from), html.indexOf(to, html.indexOf(from)));
    return [...part.matchAll(/<h3>([^<]+)<span class="count">(\d+)<\/span><\/h3>/g)].map((m) => [m[1], Number(m[2])]);
  };

  it('the page, the graph page and the API agree for every document', async () => {
    const ids = (db.prepare('SELECT id FROM documents WHERE is_current = 1').all() as { id: number }[]).map((r) => r.id);
    let withCitations = 0;
    for (const id of ids) {
      const api = await (await app.request(`/api/documents/${id}/citations`)).json() as Record<string, any>;
      const lists = ['cites', 'citedBy', 'repeals', 'repealedBy'].map((k) => api[k].length as number);
      if (lists.some(Boolean)) withCitations++;
      // One edge per list entry; one node per distinct document, plus this one.
      expect(api.graph.edges.length).toBe(lists.reduce((a, b) => a + b, 0));
      const keys = new Set(['cites', 'citedBy', 'repeals', 'repealedBy'].flatMap((k) => api[k].map((c: any) => c.documentId ?? c.docNumber ?? c.title)));
      expect(api.graph.nodes.length).toBe(keys.size + 1);
      for (const k of ['cites', 'citedBy', 'repeals', 'repealedBy']) {
        const seen = api[k].map((c: any) => c.documentId ?? c.docNumber ?? c.title);
        expect(new Set(seen).size, `${id} ${k} names each document once`).toBe(seen.length);
      }
      const page = await (await app.request(`/documents/${id}`)).text();
      const graph = await (await app.request(`/documents/${id}/graph`)).text();
      const onPage = counts(page, 'id="citations"', '</section>').map(([, n]) => n);
      const onGraph = counts(graph, 'id="graph-list"', '</section>').map(([, n]) => n);
      expect(onPage, `document ${id}`).toEqual(lists);
      expect(onGraph, `document ${id}`).toEqual(lists);
      if (lists.some(Boolean)) {
        expect(graph).toContain(`${keys.size} 个相关文件`);
        expect((graph.match(/class="node node-(?:document|stub)"/g) ?? []).length).toBeGreaterThanOrEqual(lists.reduce((a, b) => a + b, 0));
      }
    }
    expect(withCitations).toBeGreaterThan(10);
  });
});
