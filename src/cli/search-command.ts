// `gongbao search QUERY [--db PATH] [--json] [filters]`
import type { Command } from 'commander';
import { GongbaoError } from '../errors.js';
import { presentSearch } from '../web/api/presenters.js';
import { defaultDbPath } from '../store/db.js';
import { openLibrary } from '../store/library.js';
import { search } from '../search/search.js';
import { searchRequestSchema } from '../search/request.js';

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('在文库中检索公文')
    .argument('<query...>', '检索词（可含发文字号、单位、年份）')
    .option('--db <path>', '文库数据库路径')
    .option('--json', '输出 JSON')
    .option('--year <year>', '年份')
    .option('--issue <id>', '期次 id')
    .option('--issuer <name>', '发文机关')
    .option('--category <name>', '栏目')
    .option('--unit <name>', '责任单位')
    .option('--status <status>', '有效性：现行有效/已失效/已废止/尚未生效/未标注')
    .option('--from <date>', '成文日期起')
    .option('--to <date>', '成文日期止')
    .option('--sort <sort>', 'relevance 或 date', 'relevance')
    .option('--page <n>', '页码', '1')
    .option('--page-size <n>', '每页条数', '10')
    .option('--today <date>', '按哪一天计算有效性')
    .action((words: string[], opts: Record<string, string | boolean | undefined>) => {
      const parsed = searchRequestSchema.safeParse({ ...opts, q: words.join(' ') });
      if (!parsed.success) throw new GongbaoError('bad-argument', `参数有误：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`);
      const db = openLibrary(defaultDbPath(opts.db as string | undefined));
      const result = search(db, parsed.data);
      db.close();
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(presentSearch(result), null, 1)}\n`);
        return;
      }
      process.stdout.write(`${result.totalExact ? '共' : '超过'} ${result.total} 条${result.relaxed ? '（部分词语匹配）' : ''}\n`);
      result.hits.forEach((h, i) => {
        const plain = h.snippet.replace(/<\/?mark>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
        process.stdout.write(`${(parsed.data.page - 1) * parsed.data.pageSize + i + 1}. ${h.title}\n   ${h.docNumber ?? '（无文号）'}  ${h.date ?? ''}  ${h.status}\n   ${plain}\n`);
      });
      for (const s of result.suggestions) process.stdout.write(`建议筛选：${s.label}\n`);
    });
}
