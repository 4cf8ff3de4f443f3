// `gongbao user add|list`: operators create accounts from the shell; the
// password is stored only as a scrypt hash and never printed. Without
// --password it is read from stdin (first line) or asked for on a terminal.
// These tests run the compiled CLI in dist/: run `npm run build` first
// (`npm test` does).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/store/library.js';
import { login } from '../../src/supervise/auth.js';

const bin = join(import.meta.dirname, '../../bin/gongbao.js');
const db = join(mkdtempSync(join(tmpdir(), 'gongbao-user-')), 'lib.db');
const gb = (...args: string[]) => spawnSync(process.execPath, [bin, 'user', ...args, '--db', db], { encoding: 'utf8' });

describe('gongbao user', () => {
  it('adds users who can then sign in, and never prints a password', { timeout: 60_000 }, async () => {
    const added = gb('add', '--username', 'shuili', '--unit', '县水利局', '--role', 'unit', '--password', 'Shuili#2022', '--name', '李明');
    expect(added.status, added.stderr).toBe(0);
    expect(added.stdout).toBe('已新增用户 shuili（县水利局，责任单位）\n');
    const again = gb('add', '--username', 'shuili', '--unit', '县水利局', '--role', 'unit', '--password', 'Shuili#2022');
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/已存在/);
    expect(gb('add', '--username', 'xz', '--unit', '县', '--role', 'boss', '--password', 'Shuili#2022').stderr).toMatch(/角色应为/);
    const typo = gb('add', '--username', 'xz', '--unit', '县水力局', '--role', 'unit', '--password', 'Shuili#2022');
    expect(typo.status).toBe(1);
    expect(typo.stderr).toMatch(/^gongbao: 未知的单位“县水力局”，您是否要找：县水利局？\n$/);
    expect(JSON.parse(gb('add', '--username', 'slj2', '--unit', '水利局', '--role', 'unit', '--password', 'Shuili#2022', '--json').stdout)).toMatchObject({ unit: '县水利局' });
    expect(gb('add', '--username', 'xy', '--unit', '县水利局', '--role', 'unit', '--password', 'short').stderr).toMatch(/密码至少 8 位/);
    const list = gb('list', '--json');
    expect(JSON.parse(list.stdout)).toEqual([
      { id: 1, username: 'shuili', displayName: '李明', unit: '县水利局', role: 'unit' },
      { id: 2, username: 'slj2', displayName: null, unit: '县水利局', role: 'unit' },
    ]);
    for (const r of [added, again, list]) expect(r.stdout + r.stderr).not.toContain('Shuili#2022');

    const lib = openLibrary(db);
    const hash = (lib.prepare('SELECT password_hash FROM users WHERE id = 1').get() as { password_hash: string }).password_hash;
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    const { session } = await login(lib, 'shuili', 'Shuili#2022', 'cli-test', new Date());
    expect(session.user).toMatchObject({ unit: '县水利局', role: 'unit' });
    lib.close();
  });

  it('reads the password from the first line of stdin when --password is absent', { timeout: 60_000 }, async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'gongbao-user-stdin-')), 'lib.db');
    const add = (username: string, input: string) =>
      spawnSync(process.execPath, [bin, 'user', 'add', '--username', username, '--unit', '县水利局', '--role', 'unit', '--db', path], { encoding: 'utf8', input });
    // Only the line ending is trimmed: the trailing space is part of the password.
    const added = add('stdin-user', 'Stdin Pass 2024 \r\nsecond line is ignored\n');
    expect(added.status, added.stderr).toBe(0);
    expect(added.stdout).toBe('已新增用户 stdin-user（县水利局，责任单位）\n');
    expect(added.stdout + added.stderr).not.toContain('Stdin Pass');
    const empty = add('stdin-empty', '');
    expect(empty.status).toBe(1);
    expect(empty.stderr).toBe('gongbao: 密码至少 8 位\n');

    const lib = openLibrary(path);
    const { session } = await login(lib, 'stdin-user', 'Stdin Pass 2024 ', 'cli-test', new Date());
    expect(session.user).toMatchObject({ username: 'stdin-user', unit: '县水利局', role: 'unit' });
    await expect(login(lib, 'stdin-user', 'Stdin Pass 2024', 'cli-test', new Date())).rejects.toMatchObject({ code: 'unauthorized' });
    expect(lib.prepare('SELECT username FROM users ORDER BY id').all()).toEqual([{ username: 'stdin-user' }]);
    lib.close();
  });

  it('documents where the password comes from in the help', { timeout: 60_000 }, () => {
    const help = spawnSync(process.execPath, [bin, 'user', 'add', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--password <password>/);
    expect(help.stdout).toMatch(/标准输入/);
  });
});
