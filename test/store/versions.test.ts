// A truncated copy of an issue already in the library does not replace it
// (nothing written, search unchanged, the CLI says what would be lost and
// exits non-zero); `--replace` does, and is logged; every version is listed
// and any one can be made current again.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GongbaoError } from '../../src/errors.js';
import { ingestBytes } from '../../src/store/ingest.js';
import { openLibrary } from '../../src/store/library.js';
import { findIssueKey, listVersions, restoreVersion } from '../../src/store/versions.js';
import { search } from '../../src/search/search.js';
import { runBin } from '../cli/bin.js';

const SAMPLE = join(import.meta.dirname, '../../data/samples/wutai-2022-no1.txt');
const full = readFileSync(SAMPLE, 'utf8');
// The cover, the 目录 and the first documents: a copy cut off after the first third.
const truncated = full.split('\n').slice(0, Math.floor(full.split('\n').length / 3)).join('\n');
const count = (db: ReturnType<typeof openLibrary>, sql: string) => (db.prepare(sql).get() as { n: number }).n;
const hits = (db: ReturnType<typeof openLibrary>) => ['地质灾害', '养老保险', '证照分离'].map((q) => search(db, { q }).total);
const audit = (db: ReturnType<typeof openLibrary>, action: string) => db.prepare('SELECT target, detail FROM audit_log WHERE action = ?').all(action) as { target: string; detail: string }[];

describe('a version that loses documents', () => {
  it('is refused, naming what would be lost, and nothing changes', () => {
    const db = openLibrary(':memory:');
    ingestBytes(db, Buffer.from(full), 'full.txt');
    const before = hits(db);
    let error: unknown;
    try {
      ingestBytes(db, Buffer.from(truncated), 'cut.txt');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GongbaoError);
    expect((error as GongbaoError).toLine()).toMatch(/^cut\.txt: .*只有 \d 件公文（当前版本 9 件，缺少 五政办发〔2022〕\d+号.*--replace/);
    expect(count(db, 'SELECT count(*) AS n FROM sources')).toBe(1);
    expect(hits(db)).toEqual(before);
  });
  it('replaces the current one with --replace, logged, and restore brings the old one back', () => {
    const db = openLibrary(':memory:');
    ingestBytes(db, Buffer.from(full), 'full.txt');
    const before = hits(db);
    expect(ingestBytes(db, Buffer.from(truncated), 'cut.txt', { replace: true })).toMatchObject({ status: 'new-version', version: 2 });
    expect(hits(db)).not.toEqual(before);
    expect(audit(db, 'replace')).toEqual([expect.objectContaining({ detail: expect.stringMatching(/以 cut\.txt（\d 件公文）替换当前版本（9 件）/) })]);
    const key = findIssueKey(db, '2022-1');
    expect(listVersions(db, key).map((v) => [v.version, v.current, v.documents, v.file])).toEqual([[1, false, 9, 'full.txt'], [2, true, expect.any(Number), 'cut.txt']]);
    expect(restoreVersion(db, key, 1, '2026-12-02T02:00:00Z')).toMatchObject({ version: 1, current: true, documents: 9 });
    expect(hits(db)).toEqual(before);
    expect(count(db, 'SELECT count(*) AS n FROM documents WHERE is_current = 1')).toBe(9);
    expect(audit(db, 'restore')).toHaveLength(1);
  });
  it('finds an issue by id, year and number, or a 文号 in it; an unknown one is one line', () => {
    const db = openLibrary(':memory:');
    ingestBytes(db, Buffer.from(full), 'full.txt');
    const key = findIssueKey(db, '2022-1');
    expect(findIssueKey(db, '2022年第1期')).toBe(key);
    expect(findIssueKey(db, '五政发〔2022〕5号')).toBe(key);
    expect(findIssueKey(db, String((db.prepare('SELECT id FROM issues').get() as { id: number }).id))).toBe(key);
    expect(() => findIssueKey(db, '1999-9')).toThrow(/文库中没有这一期/);
    expect(() => restoreVersion(db, key, 7, '2026-12-02T02:00:00Z')).toThrow(/没有第 7 版/);
  });
});

describe('the CLI', () => {
  it('ingest refuses the truncated copy with a non-zero exit; versions and restore work on the library', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongbao-versions-'));
    const db = join(dir, 'lib.db');
    const cut = join(dir, 'cut.txt');
    writeFileSync(cut, truncated);
    expect((await runBin(['ingest', SAMPLE, '--db', db])).status).toBe(0);
    const refused = await runBin(['ingest', cut, '--db', db]);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/cut\.txt: .*--replace/);
    expect((await runBin(['ingest', cut, '--db', db, '--replace'])).status).toBe(0);
    const listed = await runBin(['versions', '2022-1', '--db', db]);
    expect(listed.stdout).toMatch(/ 第1版 {2}9 件公文/);
    expect(listed.stdout).toMatch(/\* 第2版/);
    const restored = await runBin(['restore', '2022-1', '1', '--db', db]);
    expect(restored.status).toBe(0);
    expect(restored.stdout).toContain('已将第 1 版（9 件公文');
    expect(JSON.parse((await runBin(['versions', '五政发〔2022〕5号', '--db', db, '--json'])).stdout).versions.map((v: { current: boolean }) => v.current)).toEqual([true, false]);
  }, 120_000);
});
