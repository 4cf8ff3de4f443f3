// What editors add to a document beyond its text: a 主题分类 of their own
// choosing over the rules' (subject.ts), and links to its 政策解读. Both hang
// on the document's doc_key, so a new version of its issue keeps them. Every
// change is one transaction and one audit entry.
import { GongbaoError } from '../errors.js';
import { subjectCategories } from '../extract/subject.js';
import { audit, type AuditActor } from './audit.js';
import type { Db } from './db.js';

export interface SubjectOverride {
  category: string;
  sub: string | null;
  setAt: string;
  setBy: string | null;
}

export interface Interpretation {
  id: number;
  title: string;
  url: string;
  addedAt: string;
}

export interface Editorial {
  subject: SubjectOverride | null;
  interpretations: Interpretation[];
}

function docKeyOf(db: Db, id: number): string {
  const row = db.prepare('SELECT doc_key FROM documents WHERE id = ?').get(id) as { doc_key: string } | undefined;
  if (!row) throw new GongbaoError('not-found', '没有这件公文');
  return row.doc_key;
}

/** What editors added to the document with this id (kept under its doc_key). */
export const editorialOfDocument = (db: Db, id: number): Editorial => editorialOf(db, docKeyOf(db, id));

export function editorialOf(db: Db, docKey: string): Editorial {
  const subject = db.prepare('SELECT category, sub, set_at AS setAt, set_by AS setBy FROM subject_overrides WHERE doc_key = ?').get(docKey) as SubjectOverride | undefined;
  const interpretations = db.prepare('SELECT id, title, url, added_at AS addedAt FROM interpretations WHERE doc_key = ? ORDER BY id').all(docKey) as Interpretation[];
  return { subject: subject ?? null, interpretations };
}

/** `大类` or `大类\小类` (a full-width or forward slash also separates); the 大类 must be one of the scheme's. */
export function parseSubject(raw: string): { category: string; sub: string | null } {
  const [category = '', sub = '', ...rest] = raw.trim().split(/[\\/＼／]/).map((s) => s.trim());
  const known = subjectCategories();
  if (rest.length || !known.includes(category)) {
    throw new GongbaoError('bad-argument', `主题分类应为“大类”或“大类\\小类”，大类为：${known.join('，')}`);
  }
  if (sub.length > 30) throw new GongbaoError('bad-argument', '小类名称过长（最多 30 字）');
  return { category, sub: sub || null };
}

/** An editor's 主题分类 for a document; null clears it (the rules' class shows again). */
export function setSubject(db: Db, id: number, raw: string | null, actor: AuditActor | null, now: string): SubjectOverride | null {
  const parsed = raw === null || raw.trim() === '' ? null : parseSubject(raw);
  return db.transaction(() => {
    const key = docKeyOf(db, id);
    if (parsed) {
      db.prepare(`INSERT INTO subject_overrides(doc_key, category, sub, set_at, set_by) VALUES (?,?,?,?,?)
        ON CONFLICT(doc_key) DO UPDATE SET category = excluded.category, sub = excluded.sub, set_at = excluded.set_at, set_by = excluded.set_by`)
        .run(key, parsed.category, parsed.sub, now, actor?.user ?? actor?.unit ?? null);
    } else db.prepare('DELETE FROM subject_overrides WHERE doc_key = ?').run(key);
    audit(db, now, actor, 'set-subject', `document:${id}`, true, parsed ? `${parsed.category}${parsed.sub ? `\\${parsed.sub}` : ''}` : '恢复按规则归类');
    return editorialOf(db, key).subject;
  })();
}

/** A link is a page of this site (`/documents/12`) or an http(s) address; nothing else (no `javascript:`). */
export function checkLink(raw: string): string {
  const url = raw.trim();
  // No `//` or `/\` at the start: browsers read both as another host.
  if (/^\/(?![/\\])[\x21-\x5b\x5d-\x7e]*$/.test(url) && url.length <= 500) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new GongbaoError('bad-argument', `链接应为 http(s) 网址或本站路径：${url.slice(0, 80)}`);
  }
  if (!/^https?:$/.test(parsed.protocol) || url.length > 500) throw new GongbaoError('bad-argument', `链接应为 http(s) 网址或本站路径：${url.slice(0, 80)}`);
  return parsed.href;
}

export function addInterpretation(db: Db, id: number, input: { title: string; url: string }, actor: AuditActor | null, now: string): Interpretation {
  const title = input.title.trim().replace(/\s+/g, ' ');
  if (!title || title.length > 200) throw new GongbaoError('bad-argument', '解读标题不能为空，最多 200 字');
  const url = checkLink(input.url);
  return db.transaction(() => {
    const key = docKeyOf(db, id);
    const info = db.prepare('INSERT INTO interpretations(doc_key, title, url, added_at, added_by) VALUES (?,?,?,?,?)')
      .run(key, title, url, now, actor?.user ?? actor?.unit ?? null);
    audit(db, now, actor, 'add-interpretation', `document:${id}`, true, `${title} ${url}`);
    return { id: Number(info.lastInsertRowid), title, url, addedAt: now };
  })();
}

export function removeInterpretation(db: Db, id: number, interpretationId: number, actor: AuditActor | null, now: string): void {
  db.transaction(() => {
    const key = docKeyOf(db, id);
    const row = db.prepare('SELECT title FROM interpretations WHERE id = ? AND doc_key = ?').get(interpretationId, key) as { title: string } | undefined;
    if (!row) throw new GongbaoError('not-found', '这件公文没有该解读链接');
    db.prepare('DELETE FROM interpretations WHERE id = ?').run(interpretationId);
    audit(db, now, actor, 'remove-interpretation', `document:${id}`, true, row.title);
  })();
}

/** A document by its id or its 文号 (the current one). */
export function findDocumentId(db: Db, ref: string): number {
  const r = ref.trim();
  const row = (/^\d+$/.test(r)
    ? db.prepare('SELECT id FROM documents WHERE id = ?').get(Number(r))
    : db.prepare('SELECT id FROM documents WHERE doc_number = ? AND is_current = 1').get(r)) as { id: number } | undefined;
  if (!row) throw new GongbaoError('not-found', `文库中没有这件公文：${r}`);
  return row.id;
}
