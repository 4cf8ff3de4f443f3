// Concurrent requests on the same task from separate connections (worker
// threads, each with its own SQLite connection to one file): no transition is
// lost or applied twice, and the history still replays to the state.
// Uses the compiled service in dist/ (`npm test` builds first).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/store/library.js';
import { Supervision } from '../../src/supervise/service.js';
import { replay } from '../../src/supervise/machine.js';

const dist = join(import.meta.dirname, '../../dist');
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
(async () => {
  const { openLibrary } = await import(workerData.dist + '/store/library.js');
  const { Supervision } = await import(workerData.dist + '/supervise/service.js');
  const sv = new Supervision({ db: openLibrary(workerData.path) });
  const out = { ok: 0, refused: [] };
  for (let i = 0; i < workerData.n; i++) {
    try { sv.act(workerData.id, workerData.action, sv.actor('县水利局'), { comment: 'w' + workerData.w + '-' + i }); out.ok++; }
    catch (e) { out.refused.push(e.code || String(e)); }
  }
  parentPort.postMessage(out);
})();`;

function runWorkers(path: string, id: number, action: string, workers: number, n: number): Promise<{ ok: number; refused: string[] }[]> {
  return Promise.all(
    Array.from({ length: workers }, (_, w) =>
      new Promise<{ ok: number; refused: string[] }>((resolve, reject) => {
        const worker = new Worker(WORKER, { eval: true, workerData: { dist, path, id, action, n, w } });
        worker.once('message', resolve);
        worker.once('error', reject);
      }),
    ),
  );
}

describe('concurrent actions on one task', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'gongbao-conc-')), 'lib.db');
  const sv = new Supervision({ db: openLibrary(path) });
  const task = sv.create({ title: '并发测试', lead: '县水利局', due: '2030-12-31' });

  it('only one of many simultaneous acceptances succeeds', { timeout: 60_000 }, async () => {
    const results = await runWorkers(path, task.id, 'accept', 4, 1);
    expect(results.reduce((s, r) => s + r.ok, 0)).toBe(1);
    expect(results.flatMap((r) => r.refused)).toEqual(['conflict', 'conflict', 'conflict']);
  });

  it('every one of many simultaneous reports is recorded exactly once', { timeout: 60_000 }, async () => {
    const results = await runWorkers(path, task.id, 'report', 4, 10);
    expect(results.reduce((s, r) => s + r.ok, 0)).toBe(40);
    const shown = sv.show(task.id);
    const reports = shown.history.filter((h) => h.action === 'report').map((h) => h.comment);
    expect(reports).toHaveLength(40);
    expect(new Set(reports).size).toBe(40);
    expect(shown.history.map((h) => h.seq)).toEqual(shown.history.map((_h, i) => i + 1));
    const { warnings: _w, history, ...state } = shown;
    expect(replay(history)).toEqual(state);
    expect(state.version).toBe(history.length);
  });
});
