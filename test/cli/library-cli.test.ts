// ingest / search / units through the bin, as other tools call them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '../../bin/gongbao.js');
const samples = join(import.meta.dirname, '../../data/samples');
const dir = mkdtempSync(join(tmpdir(), 'gongbao-cli-lib-'));
const db = join(dir, 'lib.db');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, GONGBAO_DB: '' } });

describe('gongbao ingest / search / units', () => {
  it('ingests a directory, keeps good files when one fails, exits non-zero', () => {
    const input = join(dir, 'in');
    spawnSync('mkdir', ['-p', input]);
    copyFileSync(join(samples, 'wutai-2022-no1.txt'), join(input, 'a.txt'));
    writeFileSync(join(input, 'b.txt'), '不是公报的文字。\n');
    const r = run('ingest', input, '--db', db);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/1 个成功，1 个失败/);
    expect(r.stderr).toMatch(/b\.txt/);
    expect(run('ingest', samples, '--db', db).status).toBe(0);
    const again = run('ingest', samples, '--db', db, '--json');
    expect(JSON.parse(again.stdout).results.map((x: { status: string }) => x.status)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
  });
  it('prints search results as JSON with the documented fields', () => {
    const r = run('search', '五政办发[2021]63号', '--db', db, '--json');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.total).toBeGreaterThan(0);
    expect(Object.keys(j.hits[0])).toEqual(expect.arrayContaining(['docNumber', 'title', 'issuer', 'date', 'score', 'snippet', 'url']));
    expect(j.hits[0].docNumber).toBe('五政办发〔2021〕63号');
    expect(j.hits[0].url).toMatch(/^\/documents\/\d+$/);
    expect(Object.keys(j.facets)).toEqual(expect.arrayContaining(['year', 'issuer', 'category', 'status']));
  });
  it('prints a readable list and accepts filters', () => {
    const r = run('search', '医疗保险', '--db', db, '--year', '2022');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/五政办发〔2022〕53号/);
    expect(r.stdout).not.toMatch(/五政办发〔2021〕59号/);
  });
  it('refuses bad filters with one line', () => {
    const r = run('search', 'x', '--db', db, '--status', '有效');
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
  it('lists units with aliases, kinds and mention counts', () => {
    const r = run('units', '--json');
    const j = JSON.parse(r.stdout);
    const fagai = j.units.find((u: { name: string }) => u.name === '县发展和改革局');
    expect(fagai.aliases).toEqual(expect.arrayContaining(['县发改局']));
    expect(fagai.mentions).toBeGreaterThan(5);
    expect(Array.isArray(j.review)).toBe(true);
  });
});
