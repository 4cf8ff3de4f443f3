// Regenerate data/holidays.json (the official public-holiday calendar with 调休
// make-up working days) from the maintained `chinese-days` package, for the
// years the supervision calendar covers. Run after a new year's State Council
// notice is published and the package updated: node scripts/update-holidays.mjs 2021 2027
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [from = '2021', to = '2026'] = process.argv.slice(2);
const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json');
const inRange = (d) => d.slice(0, 4) >= from && d.slice(0, 4) <= to;
const pick = (obj) => Object.fromEntries(Object.keys(obj).filter(inRange).sort().map((d) => [d, obj[d].split(',')[1] ?? obj[d]]));
const out = {
  $comment: `中国法定节假日与调休上班日（国务院办公厅每年发布的节假日安排通知），${from}–${to}年。由 scripts/update-holidays.mjs 从 chinese-days 生成；可直接编辑本文件更新，无需改代码。`,
  source: 'chinese-days@' + createRequire(import.meta.url)('chinese-days/package.json').version,
  years: [Number(from), Number(to)],
  holidays: pick(data.holidays),
  workdays: pick(data.workdays),
};
writeFileSync(join(import.meta.dirname, '..', 'data', 'holidays.json'), JSON.stringify(out, null, 1) + '\n');
console.log(`holidays: ${Object.keys(out.holidays).length}, make-up workdays: ${Object.keys(out.workdays).length}`);
