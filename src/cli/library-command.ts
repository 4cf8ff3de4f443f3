// Library maintenance: `gongbao reindex`, `gongbao unit-review`, and the
// versions of an issue (`gongbao versions`, `gongbao restore`).
import type { Command } from 'commander';
import { GongbaoError } from '../errors.js';
import { defaultDbPath } from '../store/db.js';
import { openLibrary } from '../store/library.js';
import { reindexAll } from '../store/fts-index.js';
import { reviewUnit } from '../store/units-store.js';
import { findIssueKey, listVersions, restoreVersion } from '../store/versions.js';

const FORMAT: Record<string, string> = { pdf: 'PDF', docx: 'DOCX', html: '网页' };

export function registerLibrary(program: Command): void {
  program
    .command('reindex')
    .description('重建全文索引（采用从公报中学到的新词）')
    .option('--db <path>', '文库数据库路径')
    .action((opts: { db?: string }) => {
      const db = openLibrary(defaultDbPath(opts.db));
      const n = reindexAll(db);
      db.close();
      process.stdout.write(`已重建索引：${n} 件公文\n`);
    });
  program
    .command('versions')
    .description('列出一期公报的各个版本（公文件数、来源文件、载入时间、当前版本）')
    .argument('<issue>', '期次：期次 ID、年份与期数（如 2022-4-下），或其中一件公文的发文字号')
    .option('--db <path>', '文库数据库路径')
    .option('--json', '输出 JSON')
    .action((ref: string, opts: { db?: string; json?: boolean }) => {
      const db = openLibrary(defaultDbPath(opts.db));
      const key = findIssueKey(db, ref);
      const versions = listVersions(db, key);
      db.close();
      if (opts.json) return void process.stdout.write(`${JSON.stringify({ issueKey: key, versions }, null, 1)}\n`);
      for (const v of versions) {
        process.stdout.write(`${v.current ? '*' : ' '} 第${v.version}版  ${v.documents} 件公文  ${v.file}（${FORMAT[v.format] ?? '文本'}）  ${v.ingestedAt}\n`);
      }
      process.stdout.write('（* 为当前版本；gongbao restore 期次 版本号 可改回任一版本）\n');
    });
  program
    .command('restore')
    .description('把一期公报的某个版本设为当前版本（记入审计日志）')
    .argument('<issue>', '期次：期次 ID、年份与期数（如 2022-4-下），或其中一件公文的发文字号')
    .argument('<version>', '版本号（gongbao versions 列出）')
    .option('--db <path>', '文库数据库路径')
    .option('--now <iso>', '记录时间')
    .action((ref: string, version: string, opts: { db?: string; now?: string }) => {
      const n = Number(version);
      if (!Number.isInteger(n) || n < 1) throw new GongbaoError('bad-argument', `版本号应为正整数：${version}`);
      const db = openLibrary(defaultDbPath(opts.db));
      const v = restoreVersion(db, findIssueKey(db, ref), n, opts.now ?? new Date().toISOString());
      db.close();
      process.stdout.write(`已将第 ${v.version} 版（${v.documents} 件公文，${v.file}）设为当前版本\n`);
    });
  program
    .command('unit-review')
    .description('审核未知单位：归并到已知单位（--map）或确认为新单位（--new）')
    .argument('<name>', '待审核的单位名称（原文写法）')
    .option('--map <canonical>', '归并到的规范单位名称')
    .option('--new', '确认为新单位')
    .option('--db <path>', '文库数据库路径')
    .option('--now <iso>', '记录时间')
    .action((name: string, opts: { map?: string; new?: boolean; db?: string; now?: string }) => {
      if (Boolean(opts.map) === Boolean(opts.new)) throw new GongbaoError('bad-argument', '请在 --map 与 --new 中选择一个');
      const db = openLibrary(defaultDbPath(opts.db));
      const known = db.prepare('SELECT 1 FROM units WHERE id = ?').get(opts.map ?? name);
      if (!known) throw new GongbaoError('not-found', `单位名录中没有“${opts.map ?? name}”`);
      reviewUnit(db, name, opts.new ? 'new' : opts.map!, opts.now ?? new Date().toISOString());
      db.close();
      process.stdout.write(opts.new ? `已确认“${name}”为新单位\n` : `已将“${name}”归并到“${opts.map}”\n`);
    });
}
