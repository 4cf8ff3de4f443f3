// `gongbao serve` as a process: one worker and several (node:cluster), both
// answering pages and API calls from the same library; bad options refused.
// Runs the compiled CLI in dist/ (bin/gongbao.js): `npm test` builds first, and
// test/global-setup.ts rebuilds a stale dist/ when this file is run alone.
// Servers are used once they print their 已启动 line, never after a fixed wait.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { workerCount } from '../../src/cli/serve-command.js';
import { BIN as bin, runBin } from './bin.js';

const dir = mkdtempSync(join(tmpdir(), 'gongbao-serve-'));
const db = join(dir, 'lib.db');
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGTERM')));

/** Start the bin and wait for its 已启动 line; resolves with the base URL. */
function start(args: string[]): Promise<{ base: string; child: ChildProcess; stderr: () => string }> {
  const child = spawn(process.execPath, [bin, ...args, '--db', db, '--port', '0', '--host', '127.0.0.1'], { stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(child);
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start-up line: ${err}`)), 60_000);
    child.stderr!.on('data', (d) => {
      err += d;
      const m = /已启动：(http:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve({ base: m[1]!.replace('localhost', '127.0.0.1'), child, stderr: () => err });
      }
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
  });
}

/** Processes whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return new RegExp(`^PPid:\\s+${pid}$`, 'm').test(readFileSync(`/proc/${d}/status`, 'utf8'));
      } catch {
        return false;
      }
    })
    .map(Number);
}

const exited = (c: ChildProcess) => new Promise<number | null>((r) => (c.exitCode !== null ? r(c.exitCode) : c.on('exit', (code) => r(code))));

describe('gongbao serve (the compiled CLI in dist/)', { timeout: 90_000 }, () => {
  it('reads --workers as a count or auto, and refuses anything else', async () => {
    expect(workerCount('1')).toBe(1);
    expect(workerCount('3')).toBe(3);
    expect(workerCount('auto', 4)).toBe(4);
    for (const bad of ['0', '-1', '1.5', 'many', '65']) expect(() => workerCount(bad)).toThrow(/工作进程数无效/);
    const r = await runBin(['serve', '--workers', 'x', '--db', db]);
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/工作进程数无效：x/);
  });

  it('loads the samples once and serves them from several worker processes', async () => {
    const s = await start(['start', '--workers', '2']);
    expect(s.stderr()).toMatch(/新载入 4 期样例公报/);
    expect(childrenOf(s.child.pid!)).toHaveLength(2);
    for (let i = 0; i < 12; i++) {
      const res = await fetch(`${s.base}/api/search?q=${encodeURIComponent('营商环境')}`, { headers: { connection: 'close' } });
      expect(res.status).toBe(200);
      const j = (await res.json()) as { total: number; hits: { url: string }[] };
      expect(j.total).toBeGreaterThan(0);
      const page = await fetch(`${s.base}${j.hits[0]!.url}`, { headers: { connection: 'close' } });
      expect(page.status).toBe(200);
    }
    s.child.kill('SIGTERM');
    expect(await exited(s.child)).toBe(0);
  }, 90_000);

  it('says in one line that the port is taken, with one process or several', async () => {
    const holder = createServer();
    await new Promise<void>((r) => holder.listen(0, '127.0.0.1', () => r()));
    const port = String((holder.address() as AddressInfo).port);
    try {
      for (const workers of ['1', '2']) {
        const r = await runBin(['serve', '--db', db, '--port', port, '--host', '127.0.0.1', '--workers', workers], { timeout: 60_000 });
        expect(r.status, workers).toBe(1);
        expect(r.stderr.trim().split('\n'), workers).toEqual([`gongbao: 无法在 127.0.0.1:${port} 上启动服务（端口已被占用）`]);
      }
    } finally {
      holder.close();
    }
  }, 90_000);

  it('serves with one process by default, without loading samples on serve', async () => {
    const s = await start(['serve']);
    expect(s.stderr()).not.toMatch(/工作进程/);
    const res = await fetch(`${s.base}/api/issues`);
    expect(res.status).toBe(200);
    s.child.kill('SIGTERM');
    expect(await exited(s.child)).toBe(0);
  }, 90_000);
});
