// State-machine properties against an oracle written from the rules
// (docs/SUPERVISION.md, the table "who decides what"), not from the
// implementation's own TRANSITIONS table: random sequences of actions by
// random actors are allowed exactly when the rules allow them, land in the
// status the rules say, refusals change nothing, and the history always
// replays to the current state.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/store/library.js';
import { Supervision } from '../../src/supervise/service.js';
import { replay } from '../../src/supervise/machine.js';
import type { Action, Task, TaskStatus } from '../../src/supervise/model.js';
import { isGongbaoError } from '../../src/errors.js';

type Who = 'lead' | 'other-unit' | 'office' | 'leader' | 'principal';
const ACTORS: Record<Who, string> = { lead: '县水利局', 'other-unit': '县财政局', office: '县政府办公室', leader: '分管领导', principal: '主要领导' };
const OPEN = ['registered', 'accepted', 'extension_requested', 'completion_requested'];

/**
 * The rules, as docs/SUPERVISION.md states them (五政办发〔2022〕8号 §三):
 * status the action may start from, who may take it, and where it leads.
 * `office-review`: the office's word on a leader's decision is only its
 * 初审 (the status stays); `leader-decides`: the 分管领导 decides ordinary
 * tasks, the 主要领导 every task.
 */
const RULES: Record<string, { from: string[]; who: Who[] | 'leader-decides'; to: TaskStatus | 'same'; officeReview?: boolean }> = {
  accept: { from: ['registered'], who: ['lead'], to: 'accepted' },
  report: { from: ['accepted', 'extension_requested'], who: ['lead'], to: 'same' },
  'request-extension': { from: ['accepted'], who: ['lead'], to: 'extension_requested' },
  'review-extension': { from: ['extension_requested'], who: ['office'], to: 'same' },
  'approve-extension': { from: ['extension_requested'], who: 'leader-decides', to: 'accepted', officeReview: true },
  'reject-extension': { from: ['extension_requested'], who: 'leader-decides', to: 'accepted', officeReview: true },
  'request-completion': { from: ['accepted'], who: ['lead'], to: 'completion_requested' },
  'pre-review': { from: ['completion_requested'], who: ['office'], to: 'same' },
  'approve-completion': { from: ['completion_requested'], who: 'leader-decides', to: 'closed', officeReview: true },
  'reject-completion': { from: ['completion_requested'], who: 'leader-decides', to: 'accepted', officeReview: true },
  cancel: { from: OPEN, who: ['office', 'principal'], to: 'cancelled' },
  supervise: { from: OPEN, who: ['office', 'leader', 'principal'], to: 'same' },
  summon: { from: [...OPEN, 'closed'], who: ['office', 'principal'], to: 'same' },
  grade: { from: [...OPEN, 'closed', 'cancelled'], who: ['leader', 'principal'], to: 'same' },
};

/** The status the rules expect, or null for a refusal. */
function expected(task: Task, action: string, who: Who, today: string, to: string): TaskStatus | null {
  const rule = RULES[action]!;
  if (!rule.from.includes(task.status)) return null;
  if (action === 'request-extension' && (today > task.due || !/^\d{4}-\d{2}-\d{2}$/.test(to) || to <= task.due)) return null;
  if (rule.who === 'leader-decides') {
    if (who === 'office' && rule.officeReview) return task.status;
    if (who === 'principal' || (who === 'leader' && !task.major)) return rule.to === 'same' ? task.status : rule.to;
    return null;
  }
  if (!rule.who.includes(who)) return null;
  return rule.to === 'same' ? task.status : rule.to;
}

function fresh(now = '2022-03-01T02:00:00Z', major = false) {
  let t = new Date(now);
  const sv = new Supervision({ db: openLibrary(':memory:'), now: () => t });
  const task = sv.create({ title: '测试任务', lead: '县水利局', assist: ['县财政局'], due: '2022-03-31', major, ...(major ? { approvedBy: '主要领导' } : {}) });
  return { sv, id: task.id, advance: (h: number) => (t = new Date(t.getTime() + h * 3_600_000)) };
}

describe('task state machine', () => {
  it('allows exactly what the rules allow; refusals change nothing; history replays to the state', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.record({
          action: fc.constantFrom(...Object.keys(RULES)), who: fc.constantFrom(...(Object.keys(ACTORS) as Who[])),
          to: fc.constantFrom('2022-04-15', '2022-03-20', 'bad'), hours: fc.integer({ min: 0, max: 72 }),
        }), { maxLength: 25 }),
        (major, steps) => {
          const { sv, id, advance } = fresh('2022-03-01T02:00:00Z', major);
          for (const s of steps) {
            advance(s.hours);
            const before = sv.show(id);
            const want = expected(before, s.action, s.who, sv.today(), s.to);
            let got: Task | null = null;
            try {
              got = sv.act(id, s.action as Exclude<Action, 'register'>, sv.actor(ACTORS[s.who]), { to: s.to, comment: '说明', grade: '落实较好', reason: '理由' });
            } catch (e) {
              if (!isGongbaoError(e)) throw e;
              const same = sv.show(id);
              expect({ ...same, warnings: [] }).toEqual({ ...before, warnings: [] });
            }
            expect(got?.status ?? null, `${s.who} ${s.action} from ${before.status}`).toBe(want);
            if (got && s.action === 'approve-extension' && want === 'accepted') expect(got.due).toBe(s.to);
            const h = sv.show(id).history;
            expect(h.map((x) => x.seq)).toEqual(h.map((_x, i) => i + 1));
            const { warnings: _w, history: _h, ...state } = sv.show(id);
            expect(replay(h)).toEqual(state);
          }
        },
      ),
      { numRuns: 150, seed: 13710 },
    );
  });

  it('every action by every actor from every status does exactly what the rules say (exhaustive table)', () => {
    const paths: Record<TaskStatus, [string, Who][]> = {
      registered: [],
      accepted: [['accept', 'lead']],
      extension_requested: [['accept', 'lead'], ['request-extension', 'lead']],
      completion_requested: [['accept', 'lead'], ['request-completion', 'lead']],
      closed: [['accept', 'lead'], ['request-completion', 'lead'], ['approve-completion', 'principal']],
      cancelled: [['cancel', 'office']],
    };
    let t = new Date('2022-03-01T02:00:00Z');
    const sv = new Supervision({ db: openLibrary(':memory:'), now: () => t });
    let checked = 0;
    for (const major of [false, true]) {
      for (const [status, path] of Object.entries(paths) as [TaskStatus, [string, Who][]][]) {
        for (const action of Object.keys(RULES)) {
          for (const who of Object.keys(ACTORS) as Who[]) {
            t = new Date(t.getTime() + 60_000);
            const task = sv.create({ title: '穷举', lead: '县水利局', due: '2022-12-31', major, ...(major ? { approvedBy: '主要领导' } : {}) });
            for (const [a, w] of path) sv.act(task.id, a as Exclude<Action, 'register'>, sv.actor(ACTORS[w]), { to: '2023-01-31', comment: '说明' });
            const before = sv.show(task.id);
            expect(before.status).toBe(status);
            const want = expected(before, action, who, sv.today(), '2023-03-31');
            let got: TaskStatus | null = null;
            try {
              got = sv.act(task.id, action as Exclude<Action, 'register'>, sv.actor(ACTORS[who]), { to: '2023-03-31', comment: '说明', grade: '落实较好', reason: '理由' }).status;
            } catch (e) {
              if (!isGongbaoError(e)) throw e;
            }
            expect(got, `${major ? '重点 ' : ''}${who} ${action} from ${status}`).toBe(want);
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(2 * 6 * Object.keys(RULES).length * 5);
  });

  it('lets only the lead unit act on its task, refuses others with 403 and audits them', () => {
    const { sv, id } = fresh();
    expect(() => sv.act(id, 'accept', sv.actor('县财政局'))).toThrow(expect.objectContaining({ code: 'forbidden', status: 403 }));
    const audit = sv.db.prepare('SELECT * FROM audit_log').all() as { actor_unit: string; allowed: number; target: string }[];
    expect(audit).toEqual([expect.objectContaining({ actor_unit: '县财政局', allowed: 0, target: `task:${id}` })]);
    expect(sv.act(id, 'accept', sv.actor('县水利局')).status).toBe('accepted');
    expect(() => sv.act(id, 'approve-extension', sv.actor('县水利局'))).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });

  it('refuses out-of-order actions with 409, audits them, and keeps history and audit log append-only', () => {
    const { sv, id } = fresh();
    expect(() => sv.act(id, 'report', sv.actor('县水利局'), { comment: 'x' })).toThrow(expect.objectContaining({ code: 'conflict' }));
    sv.act(id, 'accept', sv.actor('县水利局'));
    expect(() => sv.act(id, 'accept', sv.actor('县水利局'))).toThrow(expect.objectContaining({ code: 'conflict' }));
    const audit = sv.db.prepare('SELECT action, allowed FROM audit_log').all();
    expect(audit).toEqual([{ action: 'report', allowed: 0 }, { action: 'accept', allowed: 0 }]);
    expect(() => sv.db.prepare('DELETE FROM task_history').run()).toThrow(/append-only/);
    expect(() => sv.db.prepare("UPDATE task_history SET comment = 'x'").run()).toThrow(/append-only/);
    expect(() => sv.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => sv.db.prepare("UPDATE audit_log SET detail = 'x'").run()).toThrow(/append-only/);
  });

  it('the office reviews (初审) and recommends; the 分管领导 decides; a refused completion goes back to 督办', () => {
    const { sv, id } = fresh();
    sv.act(id, 'accept', sv.actor('县水利局'));
    sv.act(id, 'request-completion', sv.actor('县水利局'), { comment: '完成' });
    const reviewed = sv.act(id, 'approve-completion', sv.actor('县政府办公室'), { comment: '建议办结' });
    expect(reviewed).toMatchObject({ status: 'completion_requested', preReviewed: true, recommendation: { on: 'completion', decision: 'approve' } });
    const back = sv.act(id, 'reject-completion', sv.actor('分管领导'), { comment: '材料不全' });
    expect(back).toMatchObject({ status: 'accepted', supervised: true, recommendation: null });
  });

  it('records a leader decision the office obtained as the leader’s, with the office as recorder', () => {
    const { sv, id } = fresh();
    sv.act(id, 'accept', sv.actor('县水利局'));
    sv.act(id, 'request-extension', sv.actor('县水利局'), { to: '2022-04-15' });
    const t = sv.act(id, 'approve-extension', { ...sv.actor('县政府办公室'), user: 'dc1' }, { leader: '分管领导', comment: '同意' });
    expect(t).toMatchObject({ status: 'accepted', due: '2022-04-15', extensions: 1 });
    const h = sv.show(id).history.slice(-2);
    expect(h.map((x) => [x.action, x.actor.unit, x.actor.role, x.actor.recordedBy])).toEqual([
      ['review-extension', '县政府办公室', 'office', undefined],
      ['approve-extension', '分管领导', 'leader', '县政府办公室（dc1）'],
    ]);
    expect(() => sv.act(id, 'supervise', sv.actor('县政府办公室'), { leader: '分管领导' })).toThrow(/--leader/);
  });

  it('key tasks: created only with the 主要领导’s approval, decided only by the 主要领导', () => {
    const { sv } = fresh();
    expect(() => sv.create({ title: '重点事项', lead: '县水利局', due: '2022-03-31', major: true })).toThrow(/主要领导批准/);
    expect(sv.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'register' AND allowed = 0").get()).toEqual({ n: 1 });
    expect(() => sv.create({ title: '重点事项', lead: '县水利局', due: '2022-03-31', major: true, approvedBy: '分管领导' })).toThrow(/主要领导批准/);
    const major = sv.create({ title: '重点事项', lead: '县水利局', due: '2022-03-31', major: true, approvedBy: '主要领导' });
    expect(major.majorApproval).toMatchObject({ by: '主要领导', recordedBy: '县政府办公室' });
    expect(sv.create({ title: '重点事项2', lead: '县水利局', major: true }, sv.actor('主要领导')).majorApproval).toMatchObject({ by: '主要领导', recordedBy: null });
    sv.act(major.id, 'accept', sv.actor('县水利局'));
    sv.act(major.id, 'request-extension', sv.actor('县水利局'), { to: '2022-04-30' });
    expect(() => sv.act(major.id, 'approve-extension', sv.actor('分管领导'))).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => sv.act(major.id, 'approve-extension', sv.actor('县政府办公室'), { leader: '分管领导' })).toThrow(/主要领导审定/);
    expect(sv.act(major.id, 'approve-extension', sv.actor('主要领导')).due).toBe('2022-04-30');
  });
});
