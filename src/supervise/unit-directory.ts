// The units a task or a user may name: the library's unit registry (curated
// units, their aliases and former names, units learned from the documents)
// plus the office and leader names of the supervision profile. A name is
// resolved to its canonical unit (`水利局`, `县水利部门` → 县水利局); an unknown
// name is refused with the nearest known names.
import { GongbaoError } from '../errors.js';
import type { Db } from '../store/db.js';
import { loadRegistry } from '../store/units-store.js';
import { cleanUnitName, inferKind } from '../extract/units.js';
import type { Profile } from './profile.js';

export interface UnitDirectory {
  /** The canonical name, or null for a name nobody knows. */
  resolve(name: string): string | null;
  /** Known canonical names nearest to `name`, best first. */
  suggest(name: string, k?: number): string[];
  /** Every canonical name (for pick lists). */
  names(): string[];
  /** A collective phrase (`县直有关部门`, `各成员单位`): not one unit, but a fair 协办 entry; its cleaned form, or null. */
  collective(name: string): string | null;
}

/** Edit distance between two strings, by code point (small strings only). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length]!;
}

export function unitDirectory(db: Db, profile: Profile): UnitDirectory {
  const registry = loadRegistry(db);
  // Curated units (and editors' confirmations) first; units only learned from the documents after them.
  const curated = new Map<string, string>();
  const learned = new Map<string, string>();
  const add = (map: Map<string, string>, alias: string, name: string) => {
    for (const v of registry.variants(cleanUnitName(alias))) if (!map.has(v)) map.set(v, name);
  };
  const records = registry.list().filter((u) => u.kind !== 'collective');
  for (const u of records.filter((r) => r.curated)) for (const n of [u.name, ...u.aliases, ...u.history.map((h) => h.name)]) add(curated, n, u.name);
  for (const n of [...profile.officeUnits, ...profile.leaderActors, ...profile.principalActors]) add(curated, n, n);
  const known = (n: string): string | null => curated.get(n) ?? (/^[县市省]/.test(n) ? null : curated.get(`县${n}`) ?? null);
  for (const u of records.filter((r) => !r.curated)) {
    // A learned bare name (`水利局`) of a curated county unit is that unit.
    const target = known(cleanUnitName(u.name)) ?? u.name;
    for (const n of [u.name, ...u.aliases]) add(learned, n, target);
  }
  for (const r of db.prepare("SELECT a.alias, u.name FROM unit_aliases a JOIN units u ON u.id = a.unit_id WHERE u.kind <> 'collective'").all() as { alias: string; name: string }[]) {
    add(learned, r.alias, known(cleanUnitName(r.name)) ?? r.name);
  }
  const byName = new Map([...learned, ...curated]);
  const resolve = (name: string): string | null => {
    const n = cleanUnitName(name);
    if (!n) return null;
    // In a county's registry a bare department name (`水利局`) is the county's (`县水利局`).
    return known(n) ?? learned.get(n) ?? null;
  };
  const all = [...new Set(byName.values())].sort((a, b) => a.localeCompare(b, 'zh'));
  return {
    resolve,
    names: () => all,
    collective: (name: string) => {
      const n = cleanUnitName(name);
      return n.length >= 2 && n.length <= 40 && inferKind(n) === 'collective' ? n : null;
    },
    suggest(name: string, k = 3): string[] {
      const n = cleanUnitName(name);
      const scored = [...byName].map(([alias, unit]) => {
        const d = editDistance(n, alias);
        return { unit, score: alias.includes(n) || n.includes(alias) ? Math.min(d, 1) : d };
      });
      const best = new Map<string, number>();
      for (const s of scored) best.set(s.unit, Math.min(best.get(s.unit) ?? Infinity, s.score));
      const limit = Math.max(2, Math.ceil([...n].length / 2));
      const nearest = Math.min(...best.values());
      // The nearest names, and anything one edit away.
      return [...best].filter(([, d]) => d <= limit && (d === nearest || d <= 1)).sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0], 'zh')).slice(0, k).map(([u]) => u);
    },
  };
}

/** 协办 units: known units, or collective phrases kept as printed (cleaned). */
export function requireAssist(dir: UnitDirectory, name: string): string {
  return dir.resolve(name) ?? dir.collective(name) ?? requireUnit(dir, name, '协办单位');
}

/** Resolve or refuse with one line that suggests the nearest known names. */
export function requireUnit(dir: UnitDirectory, name: string, what: string): string {
  const found = dir.resolve(name);
  if (found) return found;
  if (dir.collective(name)) throw new GongbaoError('bad-argument', `“${name.trim().slice(0, 40)}”是泛指，不是具体的${what}，请指定一个单位`);
  const near = dir.suggest(name);
  const hint = near.length ? `，您是否要找：${near.join('、')}？` : '，请核对单位名称（gongbao units 可查看单位名录）';
  throw new GongbaoError('bad-argument', `未知的${what}“${name.trim().slice(0, 40)}”${hint}`);
}
