// The configurable "13710" profile: time rules, who is the office, grading
// and scoring. Loaded from data/supervision-profile.json; see docs/SUPERVISION.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';
import type { Actor, Grade } from './model.js';

export interface Period {
  amount: number;
  unit: 'day' | 'workday' | 'month';
}

export interface Profile {
  name: string;
  acceptWithinWorkdays: number;
  reportWithin: Period;
  ordinaryDueWithin: Period;
  majorDueWithin: Period;
  remindWorkdaysBefore: number;
  noticeAfterWorkdaysOverdue: number;
  escalateAfterWorkdaysOverdue: number;
  redCardAfterWorkdaysOverdue: number;
  officeUnits: string[];
  leaderActors: string[];
  principalActors: string[];
  notExcellent: { summonsPerYear: number; redCardsPerYear: number };
  gradePoints: Record<Grade, number>;
  ratingThresholds: { 优秀: number; 良好: number; 一般: number };
  volumeBonusPerTask: number;
  volumeBonusMax: number;
  summonPenalty: number;
  redCardPenalty: number;
  /** Setting → the rule of 五政办发〔2022〕8号 it follows, or "本地规定" where the text sets no number. */
  sources?: Record<string, string>;
}

export function loadProfile(path = join(packageRoot(), 'data', 'supervision-profile.json')): Profile {
  return JSON.parse(readFileSync(path, 'utf8')) as Profile;
}

/** `--as 县水利局` → a unit; `--as 督查室` → the office; `--as 分管领导` → a leader. */
export function actorFor(profile: Profile, name: string, user?: string): Actor {
  const n = name.trim();
  const role = profile.officeUnits.includes(n) ? 'office' : profile.principalActors.includes(n) ? 'principal' : profile.leaderActors.includes(n) ? 'leader' : 'unit';
  return user ? { unit: n, role, user } : { unit: n, role };
}
