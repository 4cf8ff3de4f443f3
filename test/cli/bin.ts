// The compiled CLI (bin/gongbao.js → dist/), run without blocking the test
// worker. spawnSync would stall the worker's event loop, and with it vitest's
// messages to the main process, for as long as the children run: on a busy
// machine a file of CLI tests then outlasts vitest's 60 s RPC timeout.
import { execFile } from 'node:child_process';
import { join } from 'node:path';

export const BIN = join(import.meta.dirname, '../../bin/gongbao.js');

export interface BinResult {
  /** Exit code, or null when a signal ended the process. */
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runBin(args: string[], opts: { env?: NodeJS.ProcessEnv; timeout?: number } = {}): Promise<BinResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BIN, ...args], { encoding: 'utf8', env: opts.env ?? process.env, timeout: opts.timeout ?? 0, maxBuffer: 1 << 28 }, (error, stdout, stderr) => {
      if (!error) return resolve({ status: 0, stdout, stderr });
      if (typeof error.code === 'number') return resolve({ status: error.code, stdout, stderr });
      if (error.signal) return resolve({ status: null, stdout, stderr });
      reject(error);
    });
  });
}
