// The audit log (append-only by trigger): who did what to which target, allowed or refused, and why.
// One writer for every layer: supervision acts, logins, uploads, and the library's replace and restore.
import type { Db } from './db.js';

export interface AuditActor {
  unit: string;
  role: string;
  user?: string;
}

export function audit(db: Db, at: string, actor: AuditActor | null, action: string, target: string, allowed: boolean, detail: string | null): void {
  db.prepare('INSERT INTO audit_log(at, actor_unit, actor_role, actor_user, action, target, allowed, detail) VALUES (?,?,?,?,?,?,?,?)')
    .run(at, actor?.unit ?? null, actor?.role ?? null, actor?.user ?? null, action, target, allowed ? 1 : 0, detail);
}
