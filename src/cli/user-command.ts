// `gongbao user …`: accounts of the supervision system (督办系统用户).
// Passwords are only ever hashed; nothing here prints one.
import type { Command } from 'commander';
import { defaultDbPath } from '../store/db.js';
import { openLibrary } from '../store/library.js';
import { ROLE_NAME, createUser, listUsers } from '../supervise/auth.js';

export function registerUser(program: Command): void {
  const user = program.command('user').description('督办系统用户（督查室、分管领导、主要领导、责任单位）');

  user.command('add').description('新增用户')
    .requiredOption('--username <name>', '用户名')
    .requiredOption('--unit <unit>', '所属单位，如 县水利局、县政府办公室')
    .requiredOption('--role <role>', 'office（督查室）| leader（分管领导）| principal（主要领导）| unit（责任单位）')
    .requiredOption('--password <password>', '初始密码（至少 8 位）')
    .option('--name <text>', '姓名或显示名')
    .option('--db <path>', '文库数据库路径')
    .option('--json', '输出 JSON')
    .action(async (o: { username: string; unit: string; role: string; password: string; name?: string; db?: string; json?: boolean }) => {
      const db = openLibrary(defaultDbPath(o.db));
      const u = await createUser(db, { username: o.username, unit: o.unit, role: o.role, password: o.password, ...(o.name ? { displayName: o.name } : {}) });
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
