// Library maintenance: `gongbao reindex` and `gongbao unit-review`.
import type { Command } from 'commander';
import { GongbaoError } from '../errors.js';
import { defaultDbPath } from '../store/db.js';
import { openLibrary } from '../store/library.js';
import { reindexAll } from '../search/indexer.js';
import { reviewUnit } from '../store/units-store.js';

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
