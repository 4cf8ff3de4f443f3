// State-machine properties: random sequences of actions by random actors never
// produce an illegal transition, refused actions change nothing, and the
// history always replays to the current state.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/store/library.js';
import { Supervision } from '../../src/supervise/service.js';
import { replay } from '../../src/supervise/machine.js';
import { TRANSITIONS, type Action } from '../../src/supervise/model.js';
import { isGongbaoError } from '../../src/errors.js';

const ACTIONS = Object.keys(TRANSITIONS) as Exclude<Action, 'register'>[];
const ACTORS = ['县水利局', '县财政局', '县政府办公室', '分管领导', '主要领导'];

function fresh(now = '2022-03-01T02:00:00Z') {
  let t = new Date(now);
  const sv = new Supervision({ db: openLibrary(':memory:'), now: () => t });
  const task = sv.create({ title: '测试任务', lead: '县水利局', assist: ['县财政局'], due: '2022-03-31' });
  return { sv, id: task.id, advance: (h: number) => (t = new Date(t.getTime() + h * 3_600_000)) };
}

describe('task state machine', () => {
  it('never makes an illegal transition; refusals change nothing; history replays to the state', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ action: fc.constantFrom(...ACTIONS), actor: fc.constantFrom(...ACTORS), to: fc.constantFrom('2022-04-15', '2022-03-20', 'bad'), hours: fc.integer({ min: 0, max: 72 }) }), { maxLength: 25 }),
        (steps) => {
          const { sv, id, advance } = fresh();
          for (const s of steps) {
            advance(s.hours);
            const before = sv.show(id);
            try {
              const after = sv.act(id, s.action, sv.actor(s.actor), { to: s.to, comment: '说明', grade: '落实较好', reason: '理由' });
              const rule = TRANSITIONS[s.action];
              expect(rule.from).toContain(before.status);
              expect(after.status).toBe(rule.to === 'same' ? before.status : rule.to);
              expect(after.version).toBe(before.version + 1);
            } catch (e) {
              if (!isGongbaoError(e)) throw e;
              const same = sv.show(id);
              expect({ ...same, warnings: [] }).toEqual({ ...before, warnings: [] });
            }
            const h = sv.show(id).history;
            expect(h.map((x) => x.seq)).toEqual(h.map((_x, i) => i + 1));
            const { warnings: _w, history: _h, ...state } = sv.show(id);
            expect(replay(h)).toEqual(state);
          }
        },
      ),
      { numRuns: 120, seed: 13710 },
    );
  });

  it('lets only the lead unit act on its task, refuses others with 403 and audits them', () => {
    const { sv, id } = fresh();
    expect(() => sv.act(id, 'accept', sv.actor('县财政局'))).toThrow(expect.objectContaining({ code: 'forbidden', status: 403 }));
    const audit = sv.db.prepare('SELECT * FROM audit_log').all() as { actor_unit: string; allowed: number; target: string }[];
    expect(audit).toEqual([expect.objectContaining({ actor_unit: '县财政局', allowed: 0, target: `task:${id}` })]);
    expect(sv.act(id, 'accept', sv.actor('县水利局')).status).toBe('accepted');
    expect(() => sv.act(id, 'approve-extension', sv.actor('县水利局'))).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });

  it('refuses out-of-order actions with 409 and keeps the history append-only', () => {
    const { sv, id } = fresh();
    expect(() => sv.act(id, 'report', sv.actor('县水利局'), { comment: 'x' })).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(() => sv.db.prepare('DELETE FROM task_history').run()).toThrow(/append-only/);
    expect(() => sv.db.prepare("UPDATE task_history SET comment = 'x'").run()).toThrow(/append-only/);
  });

  it('sends a refused completion back to 督办, and key tasks to the 主要领导', () => {
    const { sv, id } = fresh();
    sv.act(id, 'accept', sv.actor('县水利局'));
    sv.act(id, 'request-completion', sv.actor('县水利局'), { comment: '完成' });
    const back = sv.act(id, 'reject-completion', sv.actor('县政府办公室'), { comment: '材料不全' });
    expect(back).toMatchObject({ status: 'accepted', supervised: true });
    const major = sv.create({ title: '重点事项', lead: '县水利局', due: '2022-03-31', major: true });
    sv.act(major.id, 'accept', sv.actor('县水利局'));
    sv.act(major.id, 'request-extension', sv.actor('县水利局'), { to: '2022-04-30' });
    expect(() => sv.act(major.id, 'approve-extension', sv.actor('分管领导'))).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(sv.act(major.id, 'approve-extension', sv.actor('主要领导')).due).toBe('2022-04-30');
  });
});
