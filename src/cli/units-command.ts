// `gongbao units [FILE…] [--json]`: the unit registry as the documents use it.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { analyzeBytes } from '../pipeline.js';
import { defaultRegistry } from '../extract/index.js';
import { GENERIC_COLLECTIVE_NAME } from '../extract/units.js';
import { bundledSamplesDir } from '../paths.js';
import { readInputFile } from '../text/read-file.js';

const KIND_LABEL: Record<string, string> = {
  county: '县政府', 'county-department': '县直部门', town: '乡镇', 'city-branch': '市直派驻', vertical: '垂直管理',
  bank: '金融机构', company: '企业', party: '党委部门', 'mass-organization': '群团组织', judicial: '司法机关',
  collective: '泛指', other: '其他',
};

export function registerUnits(program: Command): void {
  program
    .command('units')
    .description('列出单位名录：规范名称、别名、类型、被提及次数；未知单位列入待审核')
    .argument('[files...]', '公报文本文件（默认：内置样例）')
    .option('--json', '输出 JSON')
    .action(async (files: string[], opts: { json?: boolean }) => {
      const registry = defaultRegistry();
      const inputs = files.length ? files : readdirSync(bundledSamplesDir()).filter((f) => f.endsWith('.txt')).sort().map((f) => join(bundledSamplesDir(), f));
      for (const f of inputs) await analyzeBytes(readInputFile(f), { file: f, registry });
      const list = registry.list();
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ units: list, review: [...registry.unknown.keys()] }, null, 1)}\n`);
        return;
      }
      // Collective phrases (`县直有关部门`) are not units: counted apart, after the directory.
      const units = list.filter((u) => u.kind !== 'collective' || u.curated && u.id !== GENERIC_COLLECTIVE_NAME);
      const collective = list.filter((u) => !units.includes(u) && u.mentions > 0);
      for (const u of units) {
        const aliases = u.aliases.length ? `（别名：${u.aliases.join('、')}）` : '';
        const host = u.hostedBy ? `（加挂于${u.hostedBy}）` : '';
        const misprints = u.misprints?.length ? `（疑似错印：${u.misprints.join('、')}，待审核）` : '';
        process.stdout.write(`${String(u.mentions).padStart(4)}  ${KIND_LABEL[u.kind] ?? u.kind}  ${u.name}${host}${aliases}${misprints}${u.needsReview ? '  [待审核]' : ''}\n`);
      }
      if (collective.length) process.stdout.write(`泛指表述（不是单位）：${collective.map((u) => `${u.name} ${u.mentions}`).join('；')}\n`);
      process.stdout.write(`共 ${units.length} 个单位，其中 ${units.filter((u) => u.needsReview).length} 个待审核\n`);
    });
}
