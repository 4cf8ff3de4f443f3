// A single 公文 ingested on its own belongs to its issuer's collection, with
// a stable key per document, not a made-up issue.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/store/library.js';
import { ingestBytes } from '../../src/store/ingest.js';
import { createApp } from '../../src/web/app.js';

const tmp = () => join(mkdtempSync(join(tmpdir(), 'gongbao-single-')), 'lib.db');
const doc = (...paras: string[]) => new TextEncoder().encode(paras.join('\n\n') + '\n');

describe('ingest of a single 公文', () => {
  it('keys it by issuer and 文号, records the issuer as publisher, and is idempotent', () => {
    const db = openLibrary(tmp());
    const a = doc('某市人民政府关于加强耕地保护的通知', '某政发〔2020〕1号', '各县（区）人民政府：', '现就有关事项通知如下。', '某市人民政府', '2020年1月2日');
    const b = doc('某市人民政府关于做好防汛工作的通知', '某政发〔2020〕2号', '各县（区）人民政府：', '现就有关事项通知如下。', '某市人民政府', '2020年6月2日');
    const ra = ingestBytes(db, a, 'a.txt');
    const rb = ingestBytes(db, b, 'b.txt');
    expect(ra.issueKey).toBe('单篇|某市人民政府|某政发〔2020〕1号');
    expect(rb.issueKey).toBe('单篇|某市人民政府|某政发〔2020〕2号');
    expect(ingestBytes(db, a, 'a.txt').status).toBe('unchanged');
    const rows = db.prepare('SELECT issue_key, publisher, gazette FROM issues ORDER BY id').all();
    expect(rows).toEqual([
      { issue_key: '单篇|某市人民政府|某政发〔2020〕1号', publisher: '某市人民政府', gazette: null },
      { issue_key: '单篇|某市人民政府|某政发〔2020〕2号', publisher: '某市人民政府', gazette: null },
    ]);
  });

  it('shows on the issue list as its issuer’s collection, not as an issue', async () => {
    const db = openLibrary(tmp());
    ingestBytes(db, doc('某市人民政府关于加强耕地保护的通知', '某政发〔2020〕1号', '各县（区）人民政府：', '现就有关事项通知如下。', '某市人民政府', '2020年1月2日'), 'a.txt');
    const html = await (await createApp({ db, log: () => {} }).request('/issues')).text();
    expect(html).toContain('共 0 期');
    expect(html).toContain('另收录单篇公文 1 件');
    expect(html).toContain(`href="/search?issuer=${encodeURIComponent('某市人民政府')}&amp;sort=date"`);
  });
});
