// What every 政务数据共享 operation shares with the 督办 engine: the library,
// the clock, the working-day calendar with 调休, the unit directory and the
// audit log (through a Supervision), plus the roles of 10号: the 管理部门
// (县政务信息管理局), the departments, and the government's office and
// leaders, who may look but not act.
import { GongbaoError, isGongbaoError, type ErrorCode } from '../errors.js';
import type { Db } from '../store/db.js';
import { audit } from '../store/audit.js';
import type { Supervision } from '../supervise/service.js';
import type { Actor } from '../supervise/model.js';
import { chinaTime, type WorkCalendar } from '../supervise/calendar.js';
import { requireUnit } from '../supervise/unit-directory.js';
import { cleanUnitName, inferKind } from '../extract/units.js';
import { loadSharingProfile, type SharingProfile } from './model.js';
import { lastEventAt } from './store.js';

/** How a unit's name ends: 局, 委员会, 办公室, 中心, 院… */
const UNIT_NAME_END = /(?:局|委员会|委|办公室|办|中心|院|所|站|队|厅|部|处|人民政府|政府|公司|馆|会|署|室|社)$/u;

export type ShareRole = 'manager' | 'department' | 'viewer';

export class ShareContext {
  readonly profile: SharingProfile;

  constructor(readonly sv: Supervision, profile?: SharingProfile) {
    this.profile = profile ?? loadSharingProfile();
  }

  get db(): Db {
    return this.sv.db;
  }

  get calendar(): WorkCalendar {
    return this.sv.calendar;
  }

  now(): string {
    return this.sv.now();
  }

  today(): string {
    return this.sv.today();
  }

  /** The 管理部门's canonical name (the first of the profile's manager units). */
  get manager(): string {
    return this.sv.actor(this.profile.managerUnits[0] ?? '县政务信息管理局').unit;
  }

  /** `--as 县公安局` → that department; `--as 县政务信息管理局` → the 管理部门. */
  actor(name: string, user?: string): Actor {
    return this.sv.actor(name, user);
  }

  roleOf(actor: Actor): ShareRole {
    if (actor.role !== 'unit') return 'viewer';
    const managers = new Set(this.profile.managerUnits.map((u) => this.sv.actor(u).unit));
    return managers.has(this.sv.canonical(actor).unit) ? 'manager' : 'department';
  }

  /**
   * A department named in an input: its canonical name when the directory
   * knows it; a name the directory does not know but that is named like a
   * unit (县大数据中心) as written, since 10号's 政务部门 include bodies the
   * gazette may never have named; anything else refused with the nearest names.
   */
  unit(name: string, what: string): string {
    const known = this.sv.units.resolve(name);
    if (known) return known;
    const n = cleanUnitName(name.trim());
    if ([...n].length >= 3 && [...n].length <= 40 && UNIT_NAME_END.test(n) && inferKind(n) !== 'collective') return n;
    return requireUnit(this.sv.units, name, what);
  }

  /** The day `n` working days after `day`, and whether the calendar of the years walked is confirmed. */
  due(day: string, n: number): { due: string; confirmed: boolean } {
    const due = this.calendar.addWorkdays(day, n);
    return { due, confirmed: this.calendar.confirmedBetween(day, due) };
  }

  /** Audit a refusal and throw it. */
  refuse(actor: Actor | null, action: string, target: string, message: string, code: ErrorCode = 'forbidden'): never {
    audit(this.db, this.now(), actor, `share:${action}`, target, false, message);
    throw new GongbaoError(code, message);
  }

  /**
   * Run one action in an IMMEDIATE transaction; any refusal (a rule, a right,
   * a conflict) is written to the audit log before it is thrown.
   */
  run<T>(actor: Actor, action: string, target: string, body: (at: string) => T): T {
    try {
      return this.db.transaction(() => body(this.now())).immediate();
    } catch (e) {
      if (isGongbaoError(e)) this.refuse(actor, action, target, e.message, e.code);
      throw e;
    }
  }

  /** Time never runs backwards within one subject. */
  checkTime(subject: string, at: string): void {
    const last = lastEventAt(this.db, subject);
    if (last && at < last) throw new GongbaoError('conflict', `办理时间 ${chinaTime(at)} 早于上一次办理的时间 ${chinaTime(last)}，时间不能倒流`);
  }

  text(value: string | undefined | null, what: string, max = 2000): string {
    const t = (value ?? '').trim();
    if (!t) throw new GongbaoError('bad-argument', `请填写${what}`);
    if (t.length > max) throw new GongbaoError('bad-argument', `${what}过长（最多 ${max} 字）`);
    return t;
  }
}
