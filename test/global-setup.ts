// Before any test file runs (once per `vitest run`):
// - dist/: six test files run the compiled CLI (bin/gongbao.js → dist/). When
//   any source file is newer than its compiled output, or has none, build it
//   here so a single file run with vitest alone never tests stale code; a
//   failed build stops the run with one line. `npm test` has just built, so
//   this is then only a check.
// - Chromium: the browser suites need it. Under CI (CI=true) their files fail
//   without it (harness.ts); elsewhere they skip, and the run ends saying so.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { chromiumPolicy, noChromiumLine } from './web/harness.js';

const root = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Why dist/ is out of date (the first reason found), or null when it is current. */
function staleReason(): string | null {
  const inputs = [join(root, 'tsconfig.json'), ...sources(join(root, 'src'))];
  let newestInput = 0;
  let oldestOutput = Infinity;
  for (const src of inputs) {
    newestInput = Math.max(newestInput, statSync(src).mtimeMs);
    if (src.endsWith('tsconfig.json')) continue;
    const out = join(root, 'dist', relative(join(root, 'src'), src).replace(/\.tsx?$/, '.js'));
    if (!existsSync(out)) return `${relative(root, out)} 不存在`;
    oldestOutput = Math.min(oldestOutput, statSync(out).mtimeMs);
  }
  return newestInput > oldestOutput ? '源文件比编译结果新' : null;
}

function build(): void {
  const reason = staleReason();
  if (!reason) return;
  const t0 = Date.now();
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.json')], { cwd: root, stdio: 'pipe' });
  } catch (e) {
    const out = String((e as { stdout?: Buffer }).stdout ?? '').trim().split('\n')[0] ?? '';
    throw new Error(`测试前构建 dist/ 失败（${reason}）：${out}。请先修正并运行 npm run build`);
  }
  console.log(`[global-setup] 已重新构建 dist/（${reason}），用时 ${((Date.now() - t0) / 1000).toFixed(1)} 秒`);
}

export default function setup(): () => void {
  build();
  return () => {
    if (chromiumPolicy() === 'skip') console.warn(`\n注意：浏览器测试已跳过，${noChromiumLine()}；CI 中这会使测试失败。\n`);
  };
}
