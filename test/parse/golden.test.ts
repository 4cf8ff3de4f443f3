// Golden fixtures: every bundled sample issue → its expected JSON.
// Regenerate after an intended change with `npm run fixtures:update`, then review the diff.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIssueBytes } from '../../src/parse/issue.js';

const samples = join(import.meta.dirname, '../../data/samples');
const golden = join(import.meta.dirname, '../fixtures/golden');
const update = process.env.UPDATE === '1';

/** The fixture keeps everything but `blocks`, which `text` already carries. */
export function goldenView(file: string): unknown {
  const parsed = parseIssueBytes(readFileSync(file), { file });
  return { ...parsed, documents: parsed.documents.map(({ blocks: _blocks, ...d }) => d) };
}

describe('golden fixtures', () => {
  for (const name of readdirSync(samples).filter((f) => f.endsWith('.txt'))) {
    it(name, () => {
      const got = goldenView(join(samples, name));
      const path = join(golden, name.replace(/\.txt$/, '.json'));
      if (update || !existsSync(path)) {
        mkdirSync(golden, { recursive: true });
        writeFileSync(path, JSON.stringify(got, null, 1) + '\n');
        if (!update) throw new Error(`fixture ${path} was missing and has been written; review and commit it`);
      }
      expect(got).toEqual(JSON.parse(readFileSync(path, 'utf8')));
    });
  }
});
