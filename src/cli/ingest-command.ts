// `gongbao ingest FILE|DIR… [--db PATH]`
import type { Command } from 'commander';
import { defaultDbPath } from '../store/db.js';
import { ingestPaths, openLibrary } from '../store/library.js';
import { Supervision } from '../supervise/service.js';

const STATUS_LABEL = { added: '新增', 'new-version': '新版本', unchanged: '未变化' } as const;

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('把公报文本载入文库（同一文件重复载入不会改变任何内容）')
    .argument('<paths...>', '公报或公文文件（PDF、文本、DOCX、HTML）或目录')
    .option('--db <path>', '文库数据库路径（默认 $GONGBAO_DB 或 ./data/gongbao.db）')
    .option('--json', '输出 JSON 摘要')
    .option('--replace', '新版本公文件数少于当前版本（或缺少其中的发文字号）时仍设为当前版本（默认拒绝，以免不完整的文件替换完整的）')
    .option('--no-calendar', '不把公报中的节假日安排通知导入工作日日历（默认导入）')
    .action(async (paths: string[], opts: { db?: string; json?: boolean; calendar: boolean; replace?: boolean }) => {
      const db = openLibrary(defaultDbPath(opts.db));
      const tty = process.stderr.isTTY && !opts.json;
      const summary = await ingestPaths(db, paths, {
        calendar: opts.calendar,
        replace: opts.replace,
        onFile: (i, n, file) => {
          if (tty) process.stderr.write(`\r[${'#'.repeat(Math.round(((i + 1) / n) * 20)).padEnd(20, '.')}] ${i + 1}/${n} ${file.slice(-40)}\x1b[K`);
        },
      });
      if (tty) process.stderr.write('\n');
      const notices = summary.results.flatMap((r) => r.calendar ?? []);
      // Deadlines computed on the old calendar follow the new notices.
      const recalculated = notices.some((n) => n.imported) ? new Supervision({ db }).recalculate(`导入节假日安排：${notices.map((n) => n.title).join('；')}`).length : 0;
      db.close();
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(summary, null, 1)}\n`);
      } else {
        for (const r of summary.results) {
          const warnings = r.diagnostics.filter((d) => d.severity === 'warning');
          process.stdout.write(`${STATUS_LABEL[r.status]}  ${r.file}  第${r.version}版，${r.documents} 件公文，${warnings.length} 条警告\n`);
          for (const w of warnings.slice(0, 10)) process.stdout.write(`    ${r.file}:${w.line}: ${w.code} ${w.message}\n`);
        }
        for (const n of notices) {
          process.stdout.write(`节假日安排  ${n.title}：放假 ${n.holidays} 天，上班 ${n.workdays} 天，${n.imported ? '已导入工作日日历' : opts.calendar ? '日历中已有' : '未导入（可用 gongbao calendar import 导入）'}\n`);
        }
        if (recalculated) process.stdout.write(`已按新日历重算 ${recalculated} 项未办结任务的期限\n`);
        for (const f of summary.failures) process.stderr.write(`失败  ${f.error}\n`);
        process.stdout.write(`完成：${summary.results.length} 个成功，${summary.failures.length} 个失败\n`);
      }
      if (summary.failures.length) process.exitCode = 1;
    });
}
