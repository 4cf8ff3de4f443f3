// ingest / search / units through the bin, as other tools call them.
// Runs the compiled CLI in dist/ (bin/gongbao.js): `npm test` builds first, and
// test/global-setup.ts rebuilds a stale dist/ when this file is run alone.
// Each test spawns the CLI several times: a generous limit for a busy machine.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from './bin.js';

const samples = join(import.meta.dirname, '../../data/samples');
const dir = mkdtempSync(join(tmpdir(), 'gongbao-cli-lib-'));
const db = join(dir, 'lib.db');
const run = (...args: string[]) => runBin(args, { env: { ...process.env, GONGBAO_DB: '' } });

describe('gongbao ingest / search / units (the compiled CLI in dist/)', { timeout: 120_000 }, () => {
  it('ingests a directory, keeps good files when one fails, exits non-zero', async () => {
    const input = join(dir, 'in');
    mkdirSync(input, { recursive: true });
    copyFileSync(join(samples, 'wutai-2022-no1.txt'), join(input, 'a.txt'));
    writeFileSync(join(input, 'b.txt'), '不是公报的文字。\n');
    const r = await run('ingest', input, '--db', db);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/1 个成功，1 个失败/);
    expect(r.stderr).toMatch(/b\.txt/);
    expect((await run('ingest', samples, '--db', db)).status).toBe(0);
    const again = await run('ingest', samples, '--db', db, '--json');
    expect(JSON.parse(again.stdout).results.map((x: { status: string }) => x.status)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
  });
  it('prints search results as JSON with the documented fields', async () => {
    const r = await run('search', '五政办发[2021]63号', '--db', db, '--json');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.total).toBeGreaterThan(0);
    expect(Object.keys(j.hits[0])).toEqual(expect.arrayContaining(['docNumber', 'title', 'issuer', 'date', 'score', 'snippet', 'url']));
    expect(j.hits[0].docNumber).toBe('五政办发〔2021〕63号');
    expect(j.hits[0].url).toMatch(/^\/documents\/\d+$/);
    expect(Object.keys(j.facets)).toEqual(expect.arrayContaining(['year', 'issuer', 'category', 'status']));
  });
  it('prints a readable list and accepts filters', async () => {
    const r = await run('search', '医疗保险', '--db', db, '--year', '2022');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/五政办发〔2022〕53号/);
    expect(r.stdout).not.toMatch(/五政办发〔2021〕59号/);
  });
  it('refuses bad filters with one line', async () => {
    const r = await run('search', 'x', '--db', db, '--status', '有效');
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
  it('lists units with aliases, kinds and mention counts', async () => {
    const r = await run('units', '--json');
    const j = JSON.parse(r.stdout);
    const fagai = j.units.find((u: { name: string }) => u.name === '县发展和改革局');
    expect(fagai.aliases).toEqual(expect.arrayContaining(['县发改局']));
    expect(fagai.mentions).toBeGreaterThan(5);
    expect(Array.isArray(j.review)).toBe(true);
  });
});
