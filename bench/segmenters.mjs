// Compare @node-rs/jieba with Intl.Segmenter on the bundled samples: speed, how
// often domain vocabulary survives as one token, and word-level recall of the
// relevance queries' words against exact substring truth.
// Usage: npm run build && node bench/segmenters.mjs
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';

const root = join(import.meta.dirname, '..');
const { dict } = createRequire(import.meta.url)('@node-rs/jieba/dict.js');
const jieba = Jieba.withDict(dict);
const seg = new Intl.Segmenter('zh', { granularity: 'word' });
const texts = readdirSync(join(root, 'data/samples')).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(root, 'data/samples', f), 'utf8'));
const all = texts.join('\n');
const bytes = Buffer.byteLength(all);

// Line by line: Intl.Segmenter materializes the whole input per segment object on long strings.
const byLine = (cut) => (t) => t.split('\n').flatMap((l) => (l ? cut(l) : []));
const withDict = Jieba.withDict(dict);
const cutters = {
  'jieba cut': byLine((t) => jieba.cut(t, true)),
  'jieba cutForSearch': byLine((t) => jieba.cutForSearch(t, true)),
  'jieba + domain dict': byLine((t) => withDict.cutForSearch(t, true)),
  'Intl.Segmenter': byLine((t) => [...seg.segment(t)].filter((s) => s.isWordLike).map((s) => s.segment)),
};
const time = (fn) => {
  fn(all);
  const t0 = performance.now();
  for (let i = 0; i < 3; i++) fn(all);
  return (performance.now() - t0) / 3;
};
const vocab = [
  ...JSON.parse(readFileSync(join(root, 'data/units.json'), 'utf8')).units.map((u) => u.name),
  '人民政府', '办公室', '实施方案', '医疗保险', '行政许可', '行政审批', '烟花爆竹', '统筹整合', '应急预案', '乡村振兴', '营商环境', '数字经济', '地质灾害', '权责清单',
];
const words = [...new Set(JSON.parse(readFileSync(join(root, 'test/fixtures/relevance/queries.json'), 'utf8')).queries.flatMap((q) => jieba.cut(q.query, true)).filter((w) => /^\p{Script=Han}{2,}$/u.test(w)))];
withDict.loadDict(Buffer.from(vocab.map((v) => `${v} 50000 n`).join('\n')));
const docs = texts.flatMap((t) => t.split(/\n(?=五台县人民政府)/));

console.log(`samples: ${(bytes / 1e6).toFixed(2)} MB, ${docs.length} chunks; vocabulary ${vocab.length} terms; ${words.length} query words`);
console.log('segmenter'.padEnd(22), 'MB/s'.padStart(7), 'vocab whole'.padStart(12), 'recall'.padStart(8));
for (const [name, cut] of Object.entries(cutters)) {
  const ms = time(cut);
  const whole = vocab.filter((v) => cut(v).includes(v)).length / vocab.length;
  // Recall: of the chunks that contain the word as a substring, how many yield it as a token.
  let hit = 0;
  let truth = 0;
  for (const w of words) for (const d of docs) if (d.includes(w)) (truth++, cut(d).includes(w) && hit++);
  console.log(name.padEnd(22), (bytes / 1e6 / (ms / 1000)).toFixed(1).padStart(7), (whole * 100).toFixed(0).padStart(11) + '%', (hit / truth).toFixed(3).padStart(8));
}
