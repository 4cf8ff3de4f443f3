// docs/ARCHITECTURE.md lists every diagnostic code the parser emits: the
// codes written in the source (a `code: '…'` field, or a severity followed by
// a code in a helper call such as outline's `warn('warning', 'outline-gap', …)`)
// and the codes the samples and variants actually produce.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIssueBytes } from '../../src/parse/issue.js';

const root = join(import.meta.dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
}

const CODE = /(?:\bcode:\s*|'(?:error|warning|info)',\s*)'([a-z]+(?:-[a-z]+)+)'/g;

function codesInSource(): Set<string> {
  const out = new Set<string>();
  for (const dir of ['src/formats', 'src/text', 'src/parse', 'src/extract']) {
    for (const f of files(join(root, dir))) for (const m of readFileSync(f, 'utf8').matchAll(CODE)) out.add(m[1]!);
  }
  return out;
}

function codesInDocs(): Set<string> {
  const doc = readFileSync(join(root, 'docs/ARCHITECTURE.md'), 'utf8');
  return new Set([...doc.matchAll(/^\| `([a-z]+(?:-[a-z]+)+)` \| (?:error|warning|info) \|/gm)].map((m) => m[1]!));
}

describe('diagnostic codes', () => {
  it('the docs list exactly the codes the source emits', () => {
    const source = codesInSource();
    expect(source.size).toBeGreaterThanOrEqual(16);
    expect([...codesInDocs()].sort()).toEqual([...source].sort());
  });
  it('every code the samples and variants produce is documented', () => {
    const documented = codesInDocs();
    const seen = new Set<string>();
    for (const dir of ['data/samples', 'test/fixtures/variants']) {
      for (const f of readdirSync(join(root, dir)).filter((n) => n.endsWith('.txt'))) {
        const out = parseIssueBytes(readFileSync(join(root, dir, f)));
        for (const d of [...out.diagnostics, ...out.documents.flatMap((x) => x.diagnostics)]) seen.add(d.code);
      }
    }
    expect(seen.size).toBeGreaterThan(3);
    for (const code of seen) expect(documented, code).toContain(code);
  });
});
