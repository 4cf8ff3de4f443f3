// `gongbao serve [--db PATH] [--port N] [--host H]` and `gongbao start`
// (what `npm start` runs: load the bundled samples on first run, then serve).
import type { Command } from 'commander';
import { serve } from '@hono/node-server';
import { GongbaoError } from '../errors.js';
import { defaultDbPath } from '../store/db.js';
import { ingestPaths, openLibrary } from '../store/library.js';
import { createApp } from '../web/app.js';
import { bundledSamplesDir } from '../paths.js';

interface ServeOptions {
  db?: string;
  port: string;
  host: string;
}

function startServer(opts: ServeOptions, loadSamples: boolean): void {
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new GongbaoError('bad-argument', `端口无效：${opts.port}`);
  const path = defaultDbPath(opts.db);
  const db = openLibrary(path);
  if (loadSamples) {
    const s = ingestPaths(db, [bundledSamplesDir()]);
    const added = s.results.filter((r) => r.status !== 'unchanged').length;
    process.stderr.write(`文库：${path}（新载入 ${added} 期样例公报）\n`);
  }
  const app = createApp({ db });
  const server = serve({ fetch: app.fetch, port, hostname: opts.host }, (info) => {
    process.stderr.write(`公报通已启动：http://${opts.host === '0.0.0.0' ? 'localhost' : opts.host}:${info.port}\n`);
  });
  const stop = () => {
    server.close();
    db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

export function registerServe(program: Command): void {
  const common = (cmd: Command) =>
    cmd
      .option('--db <path>', '文库数据库路径（默认 $GONGBAO_DB 或 ./data/gongbao.db）')
      .option('--port <n>', '端口', process.env.PORT ?? '3000')
      .option('--host <host>', '监听地址', 'localhost');
  common(program.command('serve').description('启动门户网站与 API')).action((opts: ServeOptions) => startServer(opts, false));
  common(program.command('start').description('载入内置样例公报（首次运行）并启动门户网站')).action((opts: ServeOptions) => startServer(opts, true));
}
