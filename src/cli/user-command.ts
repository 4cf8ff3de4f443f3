// `gongbao user …`: accounts of the supervision system (督办系统用户).
// Passwords are only ever hashed; nothing here prints one. Without
// --password the password is asked for on a terminal (not echoed, twice) or
// read as the first line of standard input.
import type { Command } from 'commander';
import { GongbaoError } from '../errors.js';
import { defaultDbPath } from '../store/db.js';
import { openLibrary } from '../store/library.js';
import { ROLES, ROLE_NAME, createUser, listUsers } from '../supervise/auth.js';
import type { Role } from '../supervise/model.js';
import { loadProfile } from '../supervise/profile.js';
import { requireUnit, unitDirectory } from '../supervise/unit-directory.js';

const PASSWORD_HELP = `
密码：
  不给 --password 时，在终端中提示输入（不回显，输入两次）；标准输入不是终端时，
  读取标准输入的第一行作为密码（只去掉行尾的换行符），例如：
    printf '%s\\n' "$PASSWORD" | gongbao user add --username shuili --unit 县水利局 --role unit
  --password 会留在 shell 历史和进程列表中，仅为兼容旧脚本保留。`;

export function registerUser(program: Command): void {
  const user = program.command('user').description('督办系统用户（督查室、分管领导、主要领导、责任单位）');

  user.command('add').description('新增用户（密码在终端中输入，或从标准输入读取）')
    .requiredOption('--username <name>', '用户名')
    .requiredOption('--unit <unit>', '所属单位，如 县水利局、县政府办公室')
    .requiredOption('--role <role>', 'office（督查室）| leader（分管领导）| principal（主要领导）| unit（责任单位）')
    .option('--password <password>', '初始密码（至少 8 位；不给时在终端中输入或从标准输入读取第一行）')
    .option('--name <text>', '姓名或显示名')
    .option('--db <path>', '文库数据库路径')
    .option('--json', '输出 JSON')
    .addHelpText('after', PASSWORD_HELP)
    .action(async (o: { username: string; unit: string; role: string; password?: string; name?: string; db?: string; json?: boolean }) => {
      const db = openLibrary(defaultDbPath(o.db));
      // The unit must be one the registry knows (aliases resolve to the canonical name); checked before the password is read.
      if (!ROLES.includes(o.role as Role)) throw new GongbaoError('bad-argument', `角色应为：${ROLES.join('、')}`);
      const unit = o.unit.trim() ? requireUnit(unitDirectory(db, loadProfile()), o.unit, '单位') : o.unit;
      const password = o.password ?? (await readPassword());
      const u = await createUser(db, { username: o.username, unit, role: o.role, password, ...(o.name ? { displayName: o.name } : {}) });
      process.stdout.write(o.json ? `${JSON.stringify(u)}\n` : `已新增用户 ${u.username}（${u.unit}，${ROLE_NAME[u.role]}）\n`);
    });

  user.command('list').description('用户列表（不含密码）')
    .option('--db <path>', '文库数据库路径')
    .option('--json', '输出 JSON')
    .action((o: { db?: string; json?: boolean }) => {
      const users = listUsers(openLibrary(defaultDbPath(o.db)));
      process.stdout.write(o.json ? `${JSON.stringify(users)}\n` : `${users.map((u) => `${u.username}\t${u.unit}\t${ROLE_NAME[u.role]}`).join('\n') || '没有用户'}\n`);
    });
}

/** The password from a terminal prompt (asked twice) or the first line of piped stdin. */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return firstLine(await readStdin());
  const first = await promptHidden('密码：');
  const second = await promptHidden('再次输入密码：');
  if (first !== second) throw new GongbaoError('bad-argument', '两次输入的密码不一致');
  return first;
}

/** Up to the first LF, without it and a CR before it; nothing else is trimmed. */
export function firstLine(text: string): string {
  const nl = text.indexOf('\n');
  const line = nl < 0 ? text : text.slice(0, nl);
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

// Terminal escape sequences (arrow keys and the like): ignored, not typed.
// eslint-disable-next-line no-control-regex
const ESCAPES = /\x1b(?:\[[0-9;?]*[ -/]*[@-~]|O.|.)?/gs;

/** One line from the terminal in raw mode, not echoed: Enter (or Ctrl-D) ends it, Backspace deletes, Ctrl-C aborts. */
function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let chars: string[] = [];
    const finish = (error?: GongbaoError) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(chars.join(''));
    };
    const onData = (data: Buffer | string) => {
      for (const ch of String(data).replace(ESCAPES, '')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
        if (ch === '\u0003') return finish(new GongbaoError('bad-argument', '已取消，未新增用户'));
        if (ch === '\u007f' || ch === '\b') chars = chars.slice(0, -1);
        else if (ch === '\u0015') chars = []; // Ctrl-U clears the line
        else if (ch >= ' ') chars.push(ch);
      }
    };
    stdin.setEncoding('utf8');
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}
