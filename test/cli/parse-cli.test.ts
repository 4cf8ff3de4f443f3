// The bin as users run it: one clear line and a non-zero exit for wrong input.
// Runs the compiled CLI in dist/ (bin/gongbao.js): `npm test` builds first, and
// test/global-setup.ts rebuilds a stale dist/ when this file is run alone.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from './bin.js';

const sample = join(import.meta.dirname, '../../data/samples/wutai-2021-no4.txt');
const run = (...args: string[]) => runBin(args);
const tmp = mkdtempSync(join(tmpdir(), 'gongbao-cli-'));
const file = (name: string, data: string | Uint8Array) => {
  const p = join(tmp, name);
  writeFileSync(p, data);
  return p;
};

describe('gongbao parse (the compiled CLI in dist/)', { timeout: 60_000 }, () => {
  it('prints the issue as JSON', async () => {
    const r = await run('parse', sample);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.issue.year).toBe(2021);
    expect(j.documents).toHaveLength(10);
  });
  it('prints Markdown with --format md', async () => {
    const r = await run('parse', sample, '--format', 'md');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('## 五台县人民政府关于印发五台县2021年统筹整合使用财政资金年中调整实施方案的通知');
  });
  it('prints a single 公文 as Markdown without an issue heading or 目录', async () => {
    const r = await run('parse', join(import.meta.dirname, '../../../shared/corpora/govcn/govcn-31.txt'), '--format', 'md');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^## 国务院办公厅关于/);
    expect(r.stdout).not.toContain('## 目录');
  });
  it('reads GB18030 and CRLF input the same as UTF-8', async () => {
    const text = readFileSync(sample, 'utf8');
    const gb = new Uint8Array(iconv.encode(text.replace(/\n/g, '\r\n'), 'gb18030'));
    const r1 = await run('parse', file('gb18030-crlf.txt', gb));
    expect(r1.status).toBe(0);
    expect(JSON.parse(r1.stdout).documents.map((d: { docNumber: string }) => d.docNumber)).toEqual(
      JSON.parse((await run('parse', sample)).stdout).documents.map((d: { docNumber: string }) => d.docNumber),
    );
  });
  const wrong: [string, () => string, RegExp][] = [
    ['a missing path', () => join(tmp, 'nope.txt'), /文件不存在/],
    ['a directory', () => tmp, /目录/],
    ['an empty file', () => file('empty.txt', ''), /为空/],
    ['a binary file', () => file('bin.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 0, 0])), /二进制/],
    ['a text that is not a gazette', () => file('poem.txt', '床前明月光，\n疑是地上霜。\n'), /不像一期政府公报/],
  ];
  it.each(wrong)('refuses %s with one line and exit 1', async (_what, path, message) => {
    const r = await run('parse', path());
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });
  it('refuses an unknown format', async () => {
    const r = await run('parse', sample, '--format', 'pdf');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/不支持的格式/);
  });
});

describe('usage errors (the compiled CLI in dist/)', { timeout: 60_000 }, () => {
  const usage: [string, string[], string][] = [
    ['a missing argument', ['parse'], 'gongbao: 缺少参数 <file>。用法见 gongbao parse --help'],
    ['too many arguments', ['parse', 'a.txt', 'b.txt'], 'gongbao: 参数过多：需要 1 个，收到 2 个。用法见 gongbao parse --help'],
    ['an unknown option', ['parse', sample, '--bogus'], 'gongbao: 未知的选项 --bogus。用法见 gongbao parse --help'],
    ['an option without its value', ['parse', sample, '--format'], 'gongbao: 选项 -f, --format <format> 缺少取值。用法见 gongbao parse --help'],
    ['an unknown command', ['pars', sample], 'gongbao: 未知的命令 pars（您是否要找 parse？）。用法见 gongbao --help'],
    ['no command', [], 'gongbao: 缺少子命令。用法见 gongbao --help'],
    ['a missing required option of a subcommand', ['task', 'create'], 'gongbao: 缺少必需的选项 --title <text>。用法见 gongbao task create --help'],
  ];
  it.each(usage)('%s: one line with where to read the usage, exit 2', async (_what, args, line) => {
    const r = await run(...args);
    expect(r.stderr).toBe(`${line}\n`);
    expect(r.stdout).toBe('');
    expect(r.status).toBe(2);
  });
  it('still prints the help on --help, exit 0', async () => {
    for (const args of [['--help'], ['parse', '--help'], ['help', 'parse']]) {
      const r = await run(...args);
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).toMatch(/^Usage: gongbao/);
    }
  });
});
