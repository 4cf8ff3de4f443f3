// End to end through the CLI, as an operator would script it: register on the
// Friday before the 2022 Spring Festival 调休 weekend, miss the acceptance
// deadline, get warned, accept, report, extend, complete, evaluate.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../cli/bin.js';

const db = join(mkdtempSync(join(tmpdir(), 'gongbao-task-')), 'lib.db');
/** The compiled CLI (dist/; `npm test` builds first, and a stale dist/ is rebuilt before the run). */
async function gb(now: string, ...args: string[]) {
  const r = await runBin(['task', ...args, '--db', db, '--now', now, '--json']);
  return { status: r.status, stderr: r.stderr, json: r.stdout ? JSON.parse(r.stdout) : null };
}

describe('supervision scenario through the CLI', () => {
  it('runs the whole 13710 flow', { timeout: 120_000 }, async () => {
    const created = (await gb('2022-01-28T10:00:00+08:00', 'create', '--title', '春节前完成农村道路安全隐患排查', '--lead', '县交通运输局', '--assist', '县公安局', '--due', '2022-02-18', '--source', '五政办发〔2022〕6号'));
    expect(created.status).toBe(0);
    const id = String(created.json.id);
    expect(created.json).toMatchObject({ status: 'registered', acceptDue: '2022-01-29', due: '2022-02-18' });

    // Saturday 01-29 is a 调休 working day: the deadline passes that evening.
    expect((await gb('2022-01-29T12:00:00+08:00', 'tick')).json.raised).toEqual([]);
    const warned = (await gb('2022-01-30T09:00:00+08:00', 'tick')).json.raised;
    expect(warned).toEqual([expect.objectContaining({ taskId: Number(id), kind: 'accept-overdue' })]);
    expect((await gb('2022-01-30T09:05:00+08:00', 'tick')).json.raised).toEqual([]);
    expect((await gb('2022-01-30T09:10:00+08:00', 'show', id)).json.warnings).toEqual([expect.objectContaining({ kind: 'accept-overdue' })]);

    const wrong = (await gb('2022-02-07T09:00:00+08:00', 'accept', id, '--as', '县公安局'));
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toMatch(/无权/);

    expect((await gb('2022-02-07T09:00:00+08:00', 'accept', id, '--as', '县交通运输局')).json.status).toBe('accepted');
    expect((await gb('2022-02-09T09:00:00+08:00', 'report', id, '--as', '县交通运输局', '--text', '已排查12处隐患')).json.lastReportAt).toBeTruthy();
    expect((await gb('2022-02-15T09:00:00+08:00', 'extend', id, '--as', '县交通运输局', '--to', '2022-03-15', '--reason', '雨雪天气')).json.status).toBe('extension_requested');
    // The office's approval is its 初审 and recommendation; the 分管领导 decides (the office records the decision it obtained).
    const reviewed = (await gb('2022-02-16T09:00:00+08:00', 'decide-extension', id, '--approve', '--as', '县政府办公室'));
    expect(reviewed.json).toMatchObject({ status: 'extension_requested', due: '2022-02-18', recommendation: { on: 'extension', decision: 'approve' } });
    const extended = (await gb('2022-02-16T10:00:00+08:00', 'decide-extension', id, '--approve', '--as', '县政府办公室', '--leader', '分管领导'));
    expect(extended.json).toMatchObject({ status: 'accepted', due: '2022-03-15', extensions: 1 });
    expect((await gb('2022-03-10T09:00:00+08:00', 'complete', id, '--as', '县交通运输局', '--text', '隐患全部整改')).json.status).toBe('completion_requested');
    expect((await gb('2022-03-11T09:00:00+08:00', 'decide-completion', id, '--approve', '--as', '县政府办公室')).json.status).toBe('completion_requested');
    expect((await gb('2022-03-11T10:00:00+08:00', 'decide-completion', id, '--approve', '--as', '分管领导')).json.status).toBe('closed');

    const shown = (await gb('2022-03-12T09:00:00+08:00', 'show', id)).json;
    expect(shown.history.map((h: { action: string }) => h.action)).toEqual([
      'register', 'accept', 'report', 'request-extension', 'review-extension', 'approve-extension', 'request-completion', 'pre-review', 'approve-completion',
    ]);
    expect(shown.history[5].actor).toMatchObject({ unit: '分管领导', role: 'leader', recordedBy: '县政府办公室' });
    const ev = (await gb('2022-04-01T09:00:00+08:00', 'evaluate', '--quarter', '2022Q1')).json;
    expect(ev.units).toEqual([expect.objectContaining({ rank: 1, unit: '县交通运输局', tasks: 1, onTime: 1, extended: 1 })]);
    expect(ev.tasks[0].grade).toBe('基本落实');
    expect((await gb('2022-04-01T09:00:00+08:00', 'list', '--unit', '县交通运输局', '--status', 'closed')).json).toHaveLength(1);
  });
  it('refuses bad input with one line', async () => {
    const r = (await gb('2022-01-28T10:00:00+08:00', 'accept', 'abc', '--as', '县交通运输局'));
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect((await gb('2022-01-28T10:00:00+08:00', 'show', '999')).stderr).toMatch(/没有编号为 999/);
  });
});
