// Golden fixtures: every bundled sample issue → its expected JSON, reviewed
// against the source text (test/fixtures/golden/README.md records what was
// checked and corrected). After an intended change run `npm run
// fixtures:update`: it rewrites the fixtures that differ and fails, naming
// them, so the diff is reviewed before the suite passes again.
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
      const before = existsSync(path) ? readFileSync(path, 'utf8') : null;
      const now = JSON.stringify(got, null, 1) + '\n';
      if (before === null || (update && before !== now)) {
        mkdirSync(golden, { recursive: true });
        writeFileSync(path, now);
        throw new Error(`${path} ${before === null ? 'was missing and has been written' : 'has been rewritten'}: review the diff (git diff), then run the tests again`);
      }
      expect(got).toEqual(JSON.parse(before));
    });
  }
});
