// The module graph reads like the pipeline: no import circles (type-only
// imports included), and the stages depend one way (search reads the store,
// the store never imports search; web routes take their Env from web/env.ts).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

function files(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.tsx?$/.test(f)) out.push(p);
  }
  return out;
}

/** Relative imports of a module, resolved to source files (`./x.js` → `./x.ts` or `./x.tsx`). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/gm)) {
    const base = resolve(dirname(file), m[1]!).replace(/\.js$/, '');
    for (const ext of ['.ts', '.tsx']) {
      try {
        if (statSync(base + ext).isFile()) out.push(base + ext);
      } catch {}
    }
  }
  return out;
}

const graph = new Map(files(SRC).map((f) => [f, importsOf(f)]));
const rel = (f: string) => relative(SRC, f);

/** Strongly connected components of more than one module (Tarjan). */
function circles(): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) (visit(w), low.set(v, Math.min(low.get(v)!, low.get(w)!)));
      else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do (w = stack.pop()!, on.delete(w), comp.push(rel(w)));
      while (w !== v);
      if (comp.length > 1) out.push(comp.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

const stage = (f: string) => rel(f).split('/')[0]!;

describe('module graph', () => {
  it('reads the source files', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get(join(SRC, 'search/search.ts'))!.map(rel)).toContain('store/db.ts');
  });

  it('has no import circle', () => {
    expect(circles()).toEqual([]);
  });

  it('has the store not importing search', () => {
    const back = [...graph].flatMap(([f, deps]) => (stage(f) === 'store' ? deps.filter((d) => stage(d) === 'search').map((d) => `${rel(f)} → ${rel(d)}`) : []));
    expect(back).toEqual([]);
  });
});
