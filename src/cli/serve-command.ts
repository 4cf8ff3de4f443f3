// `gongbao serve [--db PATH] [--port N] [--host H] [--workers N]` and
// `gongbao start` (what `npm start` runs: load the bundled samples on first
// run, then serve).
//
// With --workers N > 1 the primary process opens (migrates, reindexes) the
// library once, then forks N workers that share the listening socket
// (node:cluster). Each worker holds its own SQLite connection: the library is
// in WAL mode, so readers run in parallel, and every piece of state that must
// be shared (sessions, login attempts, tasks) lives in the database. A
// request handler is synchronous CPU work, so one process uses one core.
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { serve } from '@hono/node-server';
import { GongbaoError } from '../errors.js';
import { defaultDbPath } from '../store/db.js';
import { ingestPaths, openLibrary } from '../store/library.js';
import { createApp } from '../web/app.js';
import { warmCaches } from '../web/warm.js';
import { bundledSamplesDir } from '../paths.js';

interface ServeOptions {
  db?: string;
  port: string;
  host: string;
  workers: string;
}

/** `auto`: one per core; a number is used as given (1–64). */
export function workerCount(value: string, cores = availableParallelism()): number {
  if (value === 'auto') return Math.max(1, cores);
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new GongbaoError('bad-argument', `工作进程数无效：${value}（应为 1–64 或 auto）`);
  return n;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new GongbaoError('bad-argument', `端口无效：${value}`);
  return port;
}

const announce = (host: string, port: number) =>
  process.stderr.write(`公报通已启动：http://${host === '0.0.0.0' ? 'localhost' : host}:${port}\n`);

/** Open (and on `start`, fill) the library; the primary does this once, before any worker runs. */
async function prepareLibrary(path: string, loadSamples: boolean) {
  const db = openLibrary(path);
  if (loadSamples) {
    const s = await ingestPaths(db, [bundledSamplesDir()]);
    const added = s.results.filter((r) => r.status !== 'unchanged').length;
    process.stderr.write(`文库：${path}（新载入 ${added} 期样例公报）\n`);
  }
  return db;
}

function runServer(path: string, port: number, host: string, db = openLibrary(path), onListening?: (port: number) => void): void {
  const app = createApp({ db });
  warmCaches(db);
  const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => onListening?.(info.port));
  // A port in use or a host that is not ours is the user's to fix: one line, no stack.
  server.on('error', (e: NodeJS.ErrnoException) => {
    const why = e.code === 'EADDRINUSE' ? '端口已被占用' : e.code === 'EADDRNOTAVAIL' ? '本机没有这个地址' : e.code === 'EACCES' ? '没有权限使用这个端口' : e.message;
    const line = `gongbao: 无法在 ${host}:${port} 上启动服务（${why}）`;
    db.close();
    // Every worker meets the same error: the primary prints it once.
    if (cluster.isWorker && process.send) process.send({ startupError: line }, () => process.exit(1));
    else {
      process.stderr.write(`${line}\n`);
      process.exit(1);
    }
  });
  const stop = () => {
    server.close();
    db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function runPrimary(host: string, workers: number): void {
  let stopping = false;
  const restarts: number[] = [];
  let announced = false;
  cluster.on('listening', (_w, address) => {
    if (announced) return;
    announced = true;
    announce(host, address.port);
    process.stderr.write(`工作进程：${workers} 个\n`);
  });
  let failed = false;
  cluster.on('message', (_w, msg: { startupError?: string }) => {
    if (!msg?.startupError || failed) return;
    failed = true;
    process.stderr.write(`${msg.startupError}\n`);
    stop(1);
  });
  cluster.on('exit', (w, code, signal) => {
    if (stopping) return;
    // Before any worker listens, an exit is a start-up failure (the worker has said why): do not retry it.
    if (!announced) return stop(1);
    // A worker died (it should not: errors are answered, not thrown). Replace it, unless it keeps dying.
    const now = Date.now();
    restarts.push(now);
    while (restarts.length && restarts[0]! < now - 60_000) restarts.shift();
    process.stderr.write(`工作进程 ${w.process.pid} 退出（${signal ?? code}）${restarts.length > 10 ? '，一分钟内退出过多，停止服务' : '，已重启'}\n`);
    if (restarts.length > 10) return stop(1);
    cluster.fork();
  });
  const stop = (code = 0) => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
    process.exit(code);
  };
  process.on('SIGINT', () => stop());
  process.on('SIGTERM', () => stop());
  for (let i = 0; i < workers; i++) cluster.fork();
}

async function startServer(opts: ServeOptions, loadSamples: boolean): Promise<void> {
  const port = parsePort(opts.port);
  const workers = workerCount(opts.workers);
  const path = defaultDbPath(opts.db);
  if (cluster.isWorker) return runServer(path, port, opts.host);
  const db = await prepareLibrary(path, loadSamples);
  if (workers === 1) return runServer(path, port, opts.host, db, (p) => announce(opts.host, p));
  db.close();
  runPrimary(opts.host, workers);
}

export function registerServe(program: Command): void {
  const common = (cmd: Command) =>
    cmd
      .option('--db <path>', '文库数据库路径（默认 $GONGBAO_DB 或 ./data/gongbao.db）')
      .option('--port <n>', '端口', process.env.PORT ?? '3000')
      .option('--host <host>', '监听地址', 'localhost')
      .option('--workers <n>', '工作进程数（auto：每个 CPU 核一个）', process.env.GONGBAO_WORKERS ?? '1');
  common(program.command('serve').description('启动门户网站与 API')).action((opts: ServeOptions) => startServer(opts, false));
  common(program.command('start').description('载入内置样例公报（首次运行）并启动门户网站')).action((opts: ServeOptions) => startServer(opts, true));
}
