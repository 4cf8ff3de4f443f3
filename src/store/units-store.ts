// The unit registry persisted in the library: learned units and aliases, and
// editors' review decisions, on top of the curated data file.
import { readFileSync } from 'node:fs';
import { UnitRegistry, type CuratedFile } from '../extract/units.js';
import { curatedUnitsFile } from '../paths.js';
import type { Db } from './db.js';

export function loadRegistry(db: Db): UnitRegistry {
  const curated = JSON.parse(readFileSync(curatedUnitsFile(), 'utf8')) as CuratedFile;
  const reviewed: Record<string, string> = { ...(curated.reviewed ?? {}) };
  for (const r of db.prepare('SELECT printed, decision FROM unit_reviews').all() as { printed: string; decision: string }[]) reviewed[r.printed] = r.decision;
  const registry = new UnitRegistry({ ...curated, reviewed });
  // Learned units come back so their ids stay stable across ingests.
  for (const u of db.prepare('SELECT id FROM units WHERE curated = 0').all() as { id: string }[]) registry.resolve(u.id);
  registry.counts.clear();
  registry.unknown.clear();
  return registry;
}

export function saveRegistry(db: Db, registry: UnitRegistry): void {
  const unit = db.prepare('INSERT INTO units(id, name, kind, curated) VALUES (?,?,?,?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind, curated = excluded.curated');
  const alias = db.prepare('INSERT OR REPLACE INTO unit_aliases(alias, unit_id) VALUES (?, ?)');
  for (const u of registry.list()) {
    unit.run(u.id, u.name, u.kind, u.curated ? 1 : 0);
    for (const a of u.aliases) alias.run(a, u.id);
  }
}

/** An editor's decision on an unknown unit: map it to a known unit, or confirm it as new. */
export function reviewUnit(db: Db, printed: string, decision: string, now: string): void {
  db.transaction(() => {
    db.prepare('INSERT OR REPLACE INTO unit_reviews(printed, decision, decided_at) VALUES (?,?,?)').run(printed, decision, now);
    if (decision === 'new') db.prepare('UPDATE units SET curated = 1 WHERE id = ?').run(printed);
    else if (decision !== printed) {
      db.prepare('UPDATE responsibility_units SET unit_id = ? WHERE unit_id = ?').run(decision, printed);
      // The documents that named the unit now name the one it maps to (some already did).
      db.prepare('INSERT OR IGNORE INTO document_units(doc_id, unit_id) SELECT doc_id, ? FROM document_units WHERE unit_id = ?').run(decision, printed);
      db.prepare('DELETE FROM document_units WHERE unit_id = ?').run(printed);
    }
  })();
}
