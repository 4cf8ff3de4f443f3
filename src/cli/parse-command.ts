// `gongbao parse FILE [--format json|md]`
import type { Command } from 'commander';
import { GongbaoError } from '../errors.js';
import { analyzeBytes } from '../pipeline.js';
import { renderMarkdown } from '../parse/markdown.js';
import { readInputFile } from '../text/read-file.js';

export function registerParse(program: Command): void {
  program
    .command('parse')
    .description('解析一期公报文本，输出 JSON（或 Markdown）')
    .argument('<file>', '公报或公文文件：PDF、文本（UTF-8 或 GB18030）、Word 文档（DOCX）或保存的网页（HTML）')
    .option('-f, --format <format>', '输出格式：json 或 md', 'json')
    .option('--compact', 'JSON 不缩进')
    .action(async (file: string, opts: { format: string; compact?: boolean }) => {
      if (opts.format !== 'json' && opts.format !== 'md') {
        throw new GongbaoError('bad-argument', `不支持的格式：${opts.format}（可用 json、md）`);
      }
      const parsed = await analyzeBytes(readInputFile(file), { file });
      const out = opts.format === 'md' ? renderMarkdown(parsed) : JSON.stringify(parsed, null, opts.compact ? 0 : 1);
      process.stdout.write(out.endsWith('\n') ? out : `${out}\n`);
    });
}
