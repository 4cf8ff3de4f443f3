// Scoring responsibilities against the hand-checked gold in
// test/fixtures/responsibilities (units, title, taskStartLine, deadline).
// Shared by the fixture test and bench/extract-overhead's report.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanUnitName } from '../../src/extract/units.js';
import type { Responsibility, UnitRef } from '../../src/extract/types.js';

export interface GoldDeadline { kind: string; text: string; date?: string; flag?: string }
export interface GoldClause {
  line: number; startLine?: number; clause: string;
  lead: string[]; responsible: string[]; cooperating: string[]; inherited: string[];
  printed?: Partial<Record<'lead' | 'responsible' | 'cooperating', string[]>>;
  title: string | null; taskStartLine: number | null; deadline: GoldDeadline | null; notes?: string;
}
export interface GoldDoc { docNumber: string; file: string; clauses: GoldClause[] }

export const goldDir = join(import.meta.dirname, '../fixtures/responsibilities');
export const loadGold = (): GoldDoc[] =>
  readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(join(goldDir, f), 'utf8')) as GoldDoc);

type Role = 'lead' | 'responsible' | 'cooperating';
const ROLES: [Role, keyof Responsibility][] = [['lead', 'leadUnits'], ['responsible', 'responsibleUnits'], ['cooperating', 'cooperatingUnits']];
const strip = (s: string) => cleanUnitName(s).replace(/等部门$/u, '');

/** Same units in every role: a printed unit matches the gold name or its printed form. */
export function sameUnits(r: Responsibility, g: GoldClause): boolean {
  const roles: [UnitRef[], string[], string[]][] = ROLES.map(([role, key]) => [r[key] as UnitRef[], g[role], g.printed?.[role] ?? g[role]]);
  roles.push([r.inherited ?? [], g.inherited, g.inherited]);
  return roles.every(([got, want, printed]) => {
    const keys = new Set(got.map((u) => strip(u.printed)));
    const names = new Set(got.map((u) => u.name));
    if (keys.size !== new Set(want).size) return false;
    return want.every((w, i) => keys.has(strip(w)) || keys.has(strip(printed[i] ?? w)) || names.has(w));
  });
}

export const covers = (r: Responsibility, g: GoldClause) => r.lines[0] <= g.line && r.lines[1] >= (g.startLine ?? g.line);

export function sameDeadline(r: Responsibility, g: GoldClause): boolean {
  const d = r.deadline;
  const want = g.deadline;
  if (!want || !d) return !want && !d;
  if (d.kind !== want.kind) return false;
  if (want.kind === 'absolute' && d.date !== want.date) return false;
  return (d.flag ?? null) === (want.flag ?? null);
}

const squash = (s: string) => s.replace(/\s+/g, '');
/** The title starts where its item starts: same start line and the same opening characters. */
export function titleAtItem(r: Responsibility, g: GoldClause): boolean {
  if (!r.title || g.title === null || g.taskStartLine === null) return false;
  if ([...r.title].length > 40) return false;
  const a = squash(r.title), b = squash(g.title);
  return r.taskLines?.[0] === g.taskStartLine && a.slice(0, 4) === b.slice(0, 4);
}

export interface Score {
  gold: number; found: number; extracted: number; matched: number;
  deadlines: number; deadlinesRight: number; stated: number; statedRight: number;
  titled: number; titlesAtItem: number; titlesExact: number;
  misses: string[]; extras: string[]; wrongDeadlines: string[]; wrongTitles: string[];
}

export function score(docs: { gold: GoldDoc; got: Responsibility[] }[]): Score {
  const s: Score = { gold: 0, found: 0, extracted: 0, matched: 0, deadlines: 0, deadlinesRight: 0, stated: 0, statedRight: 0, titled: 0, titlesAtItem: 0, titlesExact: 0, misses: [], extras: [], wrongDeadlines: [], wrongTitles: [] };
  for (const { gold, got } of docs) {
    const used = new Set<Responsibility>();
    s.extracted += got.length;
    for (const g of gold.clauses) {
      s.gold++;
      const hit = got.find((r) => !used.has(r) && covers(r, g) && sameUnits(r, g));
      if (!hit) {
        s.misses.push(`${gold.docNumber} ${g.line} ${g.clause}`);
        continue;
      }
      used.add(hit);
      s.found++;
      s.deadlines++;
      const dOk = sameDeadline(hit, g);
      if (dOk) s.deadlinesRight++;
      if (g.deadline || hit.deadline) {
        s.stated++;
        if (dOk) s.statedRight++;
        else s.wrongDeadlines.push(`${gold.docNumber} ${g.line}: want ${JSON.stringify(g.deadline)} got ${JSON.stringify(hit.deadline && { kind: hit.deadline.kind, text: hit.deadline.text, date: hit.deadline.date, flag: hit.deadline.flag })}`);
      }
      if (g.title !== null) {
        s.titled++;
        if (titleAtItem(hit, g)) s.titlesAtItem++;
        else s.wrongTitles.push(`${gold.docNumber} ${g.line}: want ${g.taskStartLine} ${g.title} got ${hit.taskLines?.[0]} ${hit.title}`);
        if (hit.title && squash(hit.title) === squash(g.title)) s.titlesExact++;
      }
    }
    s.matched += used.size;
    for (const r of got) if (!used.has(r)) s.extras.push(`${gold.docNumber} ${r.lines.join('-')} ${r.clause}`);
  }
  return s;
}
