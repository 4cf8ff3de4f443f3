// Editors' additions to a document: `gongbao subject DOC [大类\小类]` sets (or
// with --clear removes) its 主题分类; `gongbao interpret DOC` lists, adds
// (--add URL --title T) or removes (--remove ID) its 政策解读 links. Audited.
import type { Command } from 'commander';
import { GongbaoError } from '../errors.js';
import { defaultDbPath } from '../store/db.js';
import { openLibrary } from '../store/library.js';
import { addInterpretation, editorialOfDocument, findDocumentId, removeInterpretation, setSubject } from '../store/editorial.js';

const CLI_ACTOR = { unit: '命令行', role: 'office' };

export function registerEditorial(program: Command): void {
  program
    .command('subject')
    .description('指定一件公文的主题分类（如 "科技、教育\\教育"），或用 --clear 恢复按规则归类')
    .argument('<document>', '公文 ID 或发文字号')
    .argument('[subject]', '“大类”或“大类\\小类”')
    .option('--clear', '删除编辑指定的主题分类')
    .option('--db <path>', '文库数据库路径')
    .option('--now <iso>', '记录时间')
    .action((ref: string, subject: string | undefined, opts: { clear?: boolean; db?: string; now?: string }) => {
      if (Boolean(subject) === Boolean(opts.clear)) throw new GongbaoError('bad-argument', '请给出主题分类，或使用 --clear（二者选一）');
      const db = openLibrary(defaultDbPath(opts.db));
      try {
        const set = setSubject(db, findDocumentId(db, ref), opts.clear ? null : subject!, CLI_ACTOR, opts.now ?? new Date().toISOString());
        process.stdout.write(set ? `主题分类已设为：${set.category}${set.sub ? `\\${set.sub}` : ''}\n` : '已恢复按规则归类\n');
      } finally {
        db.close();
      }
    });
  program
    .command('interpret')
    .description('列出、添加或删除一件公文的政策解读链接')
    .argument('<document>', '公文 ID 或发文字号')
    .option('--add <url>', '添加解读链接（http(s) 网址或本站路径）')
    .option('--title <title>', '解读标题（与 --add 同用）')
    .option('--remove <id>', '删除该编号的解读链接')
    .option('--db <path>', '文库数据库路径')
    .option('--now <iso>', '记录时间')
    .option('--json', '输出 JSON')
    .action((ref: string, opts: { add?: string; title?: string; remove?: string; db?: string; now?: string; json?: boolean }) => {
      if (opts.add && opts.remove) throw new GongbaoError('bad-argument', '--add 与 --remove 不能同时使用');
      if (opts.add && !opts.title) throw new GongbaoError('bad-argument', '添加解读链接时请用 --title 给出标题');
      const db = openLibrary(defaultDbPath(opts.db));
      try {
        const id = findDocumentId(db, ref);
        const now = opts.now ?? new Date().toISOString();
        if (opts.add) addInterpretation(db, id, { title: opts.title!, url: opts.add }, CLI_ACTOR, now);
        if (opts.remove) {
          const n = Number(opts.remove);
          if (!Number.isInteger(n) || n < 1) throw new GongbaoError('bad-argument', `解读编号应为正整数：${opts.remove}`);
          removeInterpretation(db, id, n, CLI_ACTOR, now);
        }
        const list = editorialOfDocument(db, id).interpretations;
        if (opts.json) return void process.stdout.write(`${JSON.stringify({ documentId: id, interpretations: list }, null, 1)}\n`);
        if (!list.length) process.stdout.write('（尚无政策解读）\n');
        for (const i of list) process.stdout.write(`${i.id}  ${i.title}  ${i.url}\n`);
      } finally {
        db.close();
      }
    });
}
