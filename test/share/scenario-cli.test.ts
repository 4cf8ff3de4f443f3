// The 政务数据共享 workflow end to end through the CLI, as an operator would
// script it, across the 2023 春节 holiday and its 调休 weekend: the catalogue,
// requests of each type, a late provider warned, a refusal without its basis
// refused, a correction within and one after its limit, the board and the
// evaluation exported as CSV and XLSX.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../cli/bin.js';

const dir = mkdtempSync(join(tmpdir(), 'gongbao-share-'));
const db = join(dir, 'lib.db');

async function gb(now: string, ...args: string[]) {
  const r = await runBin(['share', ...args, '--db', db, '--now', now, '--json']);
  return { status: r.status, stderr: r.stderr, json: r.stdout ? JSON.parse(r.stdout) : null };
}
const ok = async (now: string, ...args: string[]) => {
  const r = await gb(now, ...args);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.json;
};

describe('data sharing through the CLI', () => {
  it('runs catalogue, requests, warnings, corrections, board and export', { timeout: 180_000 }, async () => {
    const day = '2023-01-16T09:00:00+08:00';
    const police = await ok(day, 'catalogue', 'add', '--as', '县公安局', '--resource', '户籍人口信息', '--type', '有条件');
    const welfare = await ok(day, 'catalogue', 'add', '--as', '县民政局', '--resource', '低保对象名单', '--type', '无条件');
    const firms = await ok(day, 'catalogue', 'add', '--as', '县市场监督管理局', '--resource', '企业登记信息', '--type', '有条件', '--exclusive', '县税务局');
    const noReason = await gb(day, 'catalogue', 'add', '--as', '县民政局', '--resource', '婚姻登记信息', '--type', '不予共享');
    expect(noReason.status).not.toBe(0);
    expect(noReason.stderr.trim().split('\n')).toHaveLength(1);
    expect(noReason.stderr).toMatch(/理由/);
    const none = await ok(day, 'catalogue', 'add', '--as', '县民政局', '--resource', '婚姻登记信息', '--type', '不予共享', '--reason', '涉及个人隐私，依据《婚姻登记条例》');
    expect((await ok(day, 'catalogue', 'list')).map((r: { type: string }) => r.type)).toEqual(['conditional', 'unconditional', 'conditional', 'none']);

    // Thursday before 春节: review due Saturday 01-28 (调休 working day).
    const thu = '2023-01-19T10:00:00+08:00';
    const a = await ok(thu, 'request', '--as', '县人力资源和社会保障局', '--resource', String(welfare.id), '--purpose', '核对救助对象', '--scene', '临时救助审批');
    expect(a).toMatchObject({ status: 'submitted', reviewDue: '2023-01-28' });
    const b = await ok(thu, 'request', '--as', '县人力资源和社会保障局', '--resource', String(police.id), '--purpose', '核验参保人员户籍');
    const c = await ok(thu, 'request', '--as', '县税务局', '--resource', String(firms.id), '--purpose', '税源核查');
    expect(c).toMatchObject({ status: 'granted', reviewDue: null });
    expect((await gb(thu, 'request', '--as', '县公安局', '--resource', String(none.id), '--purpose', '核验')).stderr).toMatch(/不予共享类/);

    const fri = '2023-01-20T09:00:00+08:00';
    expect(await ok(fri, 'review', String(a.id), '--approve', '--as', '县政务信息管理局')).toMatchObject({ status: 'granted' });
    const forwarded = await ok(fri, 'review', String(b.id), '--approve', '--as', '县政务信息管理局');
    expect(forwarded).toMatchObject({ status: 'awaiting_provider', responseDue: '2023-02-01' });
    const wrong = await gb(fri, 'review', String(b.id), '--approve', '--as', '县公安局');
    expect(wrong.status).not.toBe(0);

    // The provider lets the limit pass: warned once, the day after.
    expect((await ok('2023-02-01T18:00:00+08:00', 'tick')).raised.map((r: { kind: string }) => r.kind)).toEqual(['reminder']);
    const warned = (await ok('2023-02-02T09:00:00+08:00', 'tick')).raised;
    expect(warned).toEqual([expect.objectContaining({ kind: 'response-overdue', unit: '县公安局', key: '2023-02-01' })]);
    expect((await ok('2023-02-02T09:05:00+08:00', 'tick')).raised).toEqual([]);

    const bare = await gb('2023-02-03T09:00:00+08:00', 'respond', String(b.id), '--reject', '--as', '县公安局');
    expect(bare.status).not.toBe(0);
    expect(bare.stderr).toMatch(/理由/);
    const refused = await ok('2023-02-03T09:00:00+08:00', 'respond', String(b.id), '--reject', '--as', '县公安局', '--reason', '涉及公民个人信息，依据《个人信息保护法》第十三条');
    expect(refused).toMatchObject({ status: 'refused', responseLate: true });
    expect(await ok('2023-02-06T09:00:00+08:00', 'negotiate', String(b.id), '--as', '县人力资源和社会保障局')).toMatchObject({ status: 'negotiating' });
    expect(await ok('2023-02-07T09:00:00+08:00', 'escalate', String(b.id), '--as', '县人力资源和社会保障局')).toMatchObject({ status: 'coordinating' });
    const settled = await ok('2023-02-08T09:00:00+08:00', 'coordinate', String(b.id), '--grant', '--as', '县政务信息管理局', '--reason', '脱敏后提供');
    expect(settled.status).toBe('granted');
    expect(settled.history.map((h: { action: string }) => h.action)).toEqual(['submit', 'approve-review', 'refuse', 'negotiate', 'escalate', 'coordinate-grant']);

    // Corrections: one within 5 working days, one after.
    const r1 = await ok('2023-02-09T09:00:00+08:00', 'correct', '--as', '县人力资源和社会保障局', '--resource', String(welfare.id), '--problem', '张某已退出低保仍在名单');
    const r2 = await ok('2023-02-09T09:00:00+08:00', 'correct', '--as', '县人力资源和社会保障局', '--resource', String(police.id), '--problem', '李某户籍地址有误');
    expect(r1).toMatchObject({ status: 'reported', due: '2023-02-16' });
    expect(await ok('2023-02-15T09:00:00+08:00', 'correct', String(r1.id), '--done', '--as', '县民政局', '--note', '已更正')).toMatchObject({ late: false });
    expect((await ok('2023-02-17T09:00:00+08:00', 'tick')).raised).toEqual([expect.objectContaining({ kind: 'correction-overdue', unit: '县公安局' })]);
    // The correction's number alone marks it corrected (--done may be left out).
    expect(await ok('2023-02-20T09:00:00+08:00', 'correct', String(r2.id), '--as', '县公安局')).toMatchObject({ status: 'corrected', late: true });
    // A resource may be named instead of numbered.
    const named = await ok('2023-02-20T09:30:00+08:00', 'request', '--as', '县统计局', '--resource', '低保对象名单', '--purpose', '统计分析');
    expect(named).toMatchObject({ resourceId: welfare.id, status: 'submitted' });

    // Departments see their own requests only.
    expect((await ok('2023-02-20T10:00:00+08:00', 'list', '--as', '县民政局')).map((q: { id: number }) => q.id)).toEqual([a.id, named.id]);
    expect((await gb('2023-02-20T10:00:00+08:00', 'show', String(c.id), '--as', '县民政局')).stderr).toMatch(/无权/);

    const boardRows = await ok('2023-02-20T10:00:00+08:00', 'board');
    expect(boardRows.find((u: { unit: string }) => u.unit === '县公安局')).toMatchObject({ asProvider: { received: 1, late: 1 }, corrections: { received: 1, late: 1 } });
    const ev = await ok('2023-04-03T09:00:00+08:00', 'evaluate', '--quarter', '2023Q1');
    expect(ev.units.find((u: { unit: string }) => u.unit === '县公安局')).toMatchObject({ lateItems: 2, result: '建议书面通报' });
    const csv = join(dir, 'eval.csv');
    const xlsx = join(dir, 'eval.xlsx');
    await ok('2023-04-03T09:00:00+08:00', 'evaluate', '--quarter', '2023Q1', '--csv', csv);
    await ok('2023-04-03T09:00:00+08:00', 'board', '--xlsx', xlsx);
    expect(readFileSync(csv, 'utf8')).toMatch(/^\ufeff排名,部门,.*\r\n.*县公安局/s);
    const piped = await runBin(['share', 'board', '--format', 'csv', '--db', db, '--now', '2023-04-03T09:00:00+08:00']);
    expect(piped.stdout).toMatch(/^\ufeff部门,目录资源,/);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
  });
});
