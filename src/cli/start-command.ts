// `gongbao start`: what `npm start` runs on a fresh machine. For now it parses
// the bundled sample issues and prints a summary; the library, search and
// portal stages extend it (load into the store, then serve).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { parseIssueBytes } from '../parse/issue.js';
import { bundledSamplesDir } from '../paths.js';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('解析内置的样例公报并输出概况')
    .action(() => {
      const dir = bundledSamplesDir();
      for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
        const p = parseIssueBytes(readFileSync(join(dir, name)), { file: name });
        const i = p.issue;
        const warnings = p.documents.reduce((n, d) => n + d.diagnostics.filter((x) => x.severity === 'warning').length, 0);
        process.stdout.write(`${i.gazette ?? name} ${i.year}年第${i.number}期${i.part ? `（${i.part}）` : ''}：${p.documents.length} 件公文，${warnings} 条警告\n`);
        for (const d of p.documents) process.stdout.write(`  ${d.docNumber ?? '（无文号）'}  ${d.date ?? '（无日期）'}  ${d.title}\n`);
      }
    });
}
