// The bin as users run it (compiled by `npm test`'s build step): one clear line and a non-zero exit for wrong input.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '../../bin/gongbao.js');
const sample = join(import.meta.dirname, '../../data/samples/wutai-2021-no4.txt');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
const tmp = mkdtempSync(join(tmpdir(), 'gongbao-cli-'));
const file = (name: string, data: string | Uint8Array) => {
  const p = join(tmp, name);
  writeFileSync(p, data);
  return p;
};

describe('gongbao parse', () => {
  it('prints the issue as JSON', () => {
    const r = run('parse', sample);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.issue.year).toBe(2021);
    expect(j.documents).toHaveLength(10);
  });
  it('prints Markdown with --format md', () => {
    const r = run('parse', sample, '--format', 'md');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('## 五台县人民政府关于印发五台县2021年统筹整合使用财政资金年中调整实施方案的通知');
  });
  it('reads GB18030 and CRLF input the same as UTF-8', () => {
    const text = readFileSync(sample, 'utf8');
    const gb = new Uint8Array(iconv.encode(text.replace(/\n/g, '\r\n'), 'gb18030'));
    const r1 = run('parse', file('gb18030-crlf.txt', gb));
    expect(r1.status).toBe(0);
    expect(JSON.parse(r1.stdout).documents.map((d: { docNumber: string }) => d.docNumber)).toEqual(
      JSON.parse(run('parse', sample).stdout).documents.map((d: { docNumber: string }) => d.docNumber),
    );
  });
  const wrong: [string, () => string, RegExp][] = [
    ['a missing path', () => join(tmp, 'nope.txt'), /文件不存在/],
    ['a directory', () => tmp, /目录/],
    ['an empty file', () => file('empty.txt', ''), /为空/],
    ['a binary file', () => file('bin.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 0, 0])), /二进制/],
    ['a text that is not a gazette', () => file('poem.txt', '床前明月光，\n疑是地上霜。\n'), /不像一期政府公报/],
  ];
  it.each(wrong)('refuses %s with one line and exit 1', (_what, path, message) => {
    const r = run('parse', path());
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });
  it('refuses an unknown format', () => {
    const r = run('parse', sample, '--format', 'pdf');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/不支持的格式/);
  });
});
