import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary, ingestPaths } from '../../src/store/library.js';
import { ingestBytes } from '../../src/store/ingest.js';
import { openDb, schemaVersion, type Db } from '../../src/store/db.js';
import { LATEST_VERSION } from '../../src/store/migrations.js';
import { reviewUnit } from '../../src/store/units-store.js';
import { search } from '../../src/search/search.js';

const samples = join(import.meta.dirname, '../../data/samples');
const tmp = () => join(mkdtempSync(join(tmpdir(), 'gongbao-lib-')), 'lib.db');
const sample = (name: string) => join(samples, name);

/** Everything the library holds, as comparable data. */
function snapshot(db: Db): unknown {
  const tables = ['sources', 'issues', 'documents', 'outline_nodes', 'doc_tables', 'units', 'unit_aliases', 'responsibilities',
    'responsibility_units', 'document_units', 'deadlines', 'validity', 'repeals', 'citations', 'stubs'];
  const out: Record<string, unknown> = {};
  for (const t of tables) out[t] = db.prepare(`SELECT * FROM ${t} ORDER BY ${t === 'document_units' ? 'doc_id, unit_id' : 'rowid'}`).all().map((r) => JSON.stringify(r, (_k, v) => (Buffer.isBuffer(v) ? v.length : v)));
  out.fts = (db.prepare('SELECT count(*) AS n FROM doc_fts').get() as { n: number }).n;
  return out;
}

describe('ingest', () => {
  it('loads the four samples and is idempotent', async () => {
    const db = openLibrary(tmp());
    const first = await ingestPaths(db, [samples]);
    expect(first.results.map((r) => r.status)).toEqual(['added', 'added', 'added', 'added']);
    expect((db.prepare('SELECT count(*) AS n FROM documents WHERE is_current = 1').get() as { n: number }).n).toBe(43);
    const before = snapshot(db);
    const again = await ingestPaths(db, [samples]);
    expect(again.results.map((r) => r.status)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(snapshot(db)).toEqual(before);
  });

  it('keeps the old version when changed content arrives for the same issue', async () => {
    const db = openLibrary(tmp());
    const file = sample('wutai-2021-no4.txt');
    ingestBytes(db, readFileSync(file), file);
    const changed = readFileSync(file, 'utf8').replace('请认真贯彻落实。', '请认真贯彻落实，鼗鼙鼗鼙。');
    const r = ingestBytes(db, Buffer.from(changed), 'changed.txt');
    expect(r).toMatchObject({ status: 'new-version', version: 2 });
    expect((db.prepare('SELECT count(*) AS n FROM issues').get() as { n: number }).n).toBe(2);
    expect((db.prepare('SELECT count(*) AS n FROM documents WHERE is_current = 1').get() as { n: number }).n).toBe(10);
    expect((db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n).toBe(20);
    expect(search(db, { q: '鼗鼙' }).total).toBe(1);
  });

  it.each(['retired', 'issue', 'document:3', 'resolved'])('a failure at step %s leaves the library exactly as before', async (failAt) => {
    const db = openLibrary(tmp());
    await ingestPaths(db, [sample('wutai-2021-no4.txt')]);
    const before = snapshot(db);
    const file = sample('wutai-2022-no1.txt');
    expect(() =>
      ingestBytes(db, readFileSync(file), file, { onStep: (s) => { if (s === failAt) throw new Error('injected failure'); } }),
    ).toThrow('injected failure');
    expect(snapshot(db)).toEqual(before);
  });

  it('keeps good files when one fails, and reports the bad one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongbao-in-'));
    copyFileSync(sample('wutai-2021-no4.txt'), join(dir, 'a.txt'));
    writeFileSync(join(dir, 'b.txt'), '这不是公报。\n');
    const db = openLibrary(tmp());
    const s = await ingestPaths(db, [dir]);
    expect(s.results).toHaveLength(1);
    expect(s.failures).toHaveLength(1);
    expect(s.failures[0]!.error).toMatch(/b\.txt/);
  });

  it('re-resolves citations across the library: stubs are filled in and later repeals count', async () => {
    const db = openLibrary(tmp());
    await ingestPaths(db, [sample('wutai-2022-no1.txt')]);
    const stub = db.prepare("SELECT * FROM stubs WHERE doc_number = '晋政办发〔2021〕95号'").get();
    expect(stub).toBeTruthy();
    // A synthetic later issue that repeals 五政办发〔2022〕10号 and prints 晋政办发〔2021〕95号's number as its own.
    const later = [
      '五台县人民政府公报', '2024年第1期', '目 录', '【县政府办文件】',
      '1、五台县人民政府办公室关于废止有关文件的通知 五政办发〔2024〕1号(1)',
      '五台县人民政府办公室', '关于废止有关文件的通知', '五政办发〔2024〕1号', '各乡（镇）人民政府：',
      '《五台县加强政务数据资源共享管理工作方案》（五政办发〔2022〕10号）同时废止。', '五台县人民政府办公室', '2024年1月5日',
    ].join('\n\n');
    ingestBytes(db, Buffer.from(later), 'later.txt');
    const doc = db.prepare("SELECT repealed_by FROM documents WHERE doc_number = '五政办发〔2022〕10号' AND is_current = 1").get() as { repealed_by: string };
    expect(doc.repealed_by).toBe('五政办发〔2024〕1号');
    const r = search(db, { q: '政务数据资源共享', status: '已废止', today: '2024-06-01' });
    expect(r.hits.map((h) => h.docNumber)).toContain('五政办发〔2022〕10号');
  });
});

describe('incremental resolution', () => {
  it('turns a citation of a missing document into a stub, and fills it when the document arrives', async () => {
    const db = openLibrary(tmp());
    const citing = [
      '五台县人民政府公报', '2024年第1期', '目 录', '【县政府办文件】',
      '1、五台县人民政府办公室关于开展督查的通知 五政办发〔2024〕2号(1)',
      '五台县人民政府办公室', '关于开展督查的通知', '五政办发〔2024〕2号', '各乡（镇）人民政府：',
      '按照《五台县人民政府办公室关于印发2021年五台县河湖长制工作要点的通知》（五政办发〔2021〕60号）要求开展督查。',
      '五台县人民政府办公室', '2024年1月5日',
    ].join('\n\n');
    ingestBytes(db, Buffer.from(citing), 'citing.txt');
    expect(db.prepare("SELECT doc_number, title FROM stubs").all()).toEqual([
      { doc_number: '五政办发〔2021〕60号', title: '五台县人民政府办公室关于印发2021年五台县河湖长制工作要点的通知' },
    ]);
    await ingestPaths(db, [sample('wutai-2021-no4.txt')]);
    expect(db.prepare('SELECT count(*) AS n FROM stubs WHERE doc_number = ?').get('五政办发〔2021〕60号')).toEqual({ n: 0 });
    const target = db.prepare("SELECT c.target_doc_key FROM citations c JOIN documents d ON d.id = c.doc_id WHERE d.doc_number = '五政办发〔2024〕2号' AND c.doc_number = '五政办发〔2021〕60号'").get();
    expect(target).toEqual({ target_doc_key: '五政办发〔2021〕60号' });
  });
});

describe('migrations', () => {
  it('migrates a version-1 library with data to the latest schema and indexes it', () => {
    const path = tmp();
    const v1 = openDb(path, { targetVersion: 1 });
    expect(schemaVersion(v1)).toBe(1);
    v1.prepare("INSERT INTO sources(sha256, file_name, bytes, size, encoding, parser_version, ingested_at) VALUES ('x','a.txt',x'00',1,'utf-8','0','2024-01-01')").run();
    v1.prepare("INSERT INTO issues(source_id, issue_key, version, toc_json, diagnostics_json, year) VALUES (1,'k',1,'[]','[]',2021)").run();
    const doc = { title: '五台县人民政府关于测试迁移的通知', docNumber: '五政发〔2021〕1号', issuer: '五台县人民政府', category: null, text: '迁移之后仍然可以检索到的正文', outline: [], enclosures: [], attachments: [], responsibilities: [], citations: [] };
    v1.prepare("INSERT INTO documents(issue_id, seq, doc_key, doc_number, title, text, json, line_start, line_end) VALUES (1,0,'五政发〔2021〕1号','五政发〔2021〕1号',?,?,?,1,2)").run(doc.title, doc.text, JSON.stringify(doc));
    v1.close();
    const db = openLibrary(path);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(search(db, { q: '迁移之后' }).hits[0]!.docNumber).toBe('五政发〔2021〕1号');
  });
});

/** document_units as derived from the clause rows, and as stored. */
const DERIVED_UNITS = `SELECT DISTINCT r.doc_id, ru.unit_id FROM responsibilities r JOIN responsibility_units ru ON ru.responsibility_id = r.id
  WHERE ru.role <> 'inherited' ORDER BY 1, 2`;
const storedUnits = (db: Db) => db.prepare('SELECT doc_id, unit_id FROM document_units ORDER BY 1, 2').all();

describe('document units (the unit facet)', () => {
  it('are the distinct non-inherited units of each document after ingest', async () => {
    const db = openLibrary(':memory:');
    await ingestPaths(db, [samples]);
    const derived = db.prepare(DERIVED_UNITS).all();
    expect(derived.length).toBeGreaterThan(100);
    expect(storedUnits(db)).toEqual(derived);
  });
  it('follow an editor mapping an unknown unit to a known one', async () => {
    const db = openLibrary(':memory:');
    await ingestPaths(db, [samples]);
    const [a, b] = db.prepare(`SELECT unit_id FROM document_units GROUP BY unit_id ORDER BY count(*) DESC LIMIT 2`).pluck().all() as string[];
    reviewUnit(db, b!, a!, '2026-01-01T00:00:00Z');
    expect(storedUnits(db)).toEqual(db.prepare(DERIVED_UNITS).all());
    expect(db.prepare('SELECT count(*) FROM document_units WHERE unit_id = ?').pluck().get(b)).toBe(0);
  });
  it('are untouched when a unit is mapped to itself', async () => {
    const db = openLibrary(':memory:');
    await ingestPaths(db, [samples]);
    const [a] = db.prepare(`SELECT unit_id FROM document_units GROUP BY unit_id ORDER BY count(*) DESC LIMIT 1`).pluck().all() as string[];
    const before = storedUnits(db);
    reviewUnit(db, a!, a!, '2026-01-01T00:00:00Z');
    expect(storedUnits(db)).toEqual(before);
    expect(storedUnits(db)).toEqual(db.prepare(DERIVED_UNITS).all());
  });
  it('are filled by the migration for a library stored before them', async () => {
    const path = tmp();
    // A version-5 library with data: ingest today, then take the table away and mark the version back.
    const v5 = openLibrary(path);
    await ingestPaths(v5, [sample('wutai-2022-no1.txt')]);
    v5.exec('DROP TABLE document_units; DROP INDEX documents_date');
    v5.pragma('user_version = 5');
    v5.close();
    const db = openLibrary(path);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    const derived = db.prepare(DERIVED_UNITS).all();
    expect(derived.length).toBeGreaterThan(10);
    expect(storedUnits(db)).toEqual(derived);
  });
});
