// Editors (office role) keep a document's 主题分类 and 政策解读 links: a page
// under /supervise/documents/:id/edit with its form posts, and the same acts
// as JSON under /api/supervision/library/documents/:id. Every change is
// audited by the store (store/editorial.ts); the CSRF check runs before.
import type { FC } from 'hono/jsx';
import type { Hono } from 'hono';
import { z } from 'zod';
import { GongbaoError } from '../../errors.js';
import { actorOf, type Session } from '../../supervise/auth.js';
import { addInterpretation, removeInterpretation, setSubject } from '../../store/editorial.js';
import { subjectCategories } from '../../extract/subject.js';
import { renderPage } from '../pages/layout.js';
import { idParams, paramsOf, validate } from '../api/schemas.js';
import { getDocument, type DocumentView } from '../services/library.js';
import { requireRole, ROLE_GROUPS, type SvContext, type SvEnv } from './context.js';
import { toLogin } from './pages.js';
import { CsrfField, SvPage, type Flash } from './ui/frame.js';

export const subjectBody = z.object({ subject: z.string().max(80).nullable().describe('“大类”或“大类\\小类”；null 或空串恢复按规则归类') });
export const interpretationBody = z.object({ title: z.string().min(1).max(200), url: z.string().min(1).max(500).describe('http(s) 网址或本站路径') });
const interpretationParams = z.object({ id: z.coerce.number().int().positive(), iid: z.coerce.number().int().positive() });

const EditPage: FC<{ session: Session; view: DocumentView; flash?: Flash | null }> = ({ session, view, flash }) => {
  const s = view.summary;
  const base = `/supervise/documents/${s.id}`;
  const current = view.editorial.subject;
  return (
    <SvPage title="主题分类与政策解读" session={session} flash={flash}
      crumbs={[{ label: s.docNumber ?? s.title, href: `/documents/${s.id}` }, { label: '主题分类与政策解读' }]}>
      <h1 class="page-title">主题分类与政策解读</h1>
      <p class="page-lead"><a href={`/documents/${s.id}`}>{s.title}</a>{s.docNumber ? `（${s.docNumber}）` : ''}</p>
      <section class="panel" aria-labelledby="e-subject">
        <h2 id="e-subject" class="panel-title">主题分类</h2>
        <p>当前显示：{view.subject ? `${view.subject.category}${view.subject.sub ? `\\${view.subject.sub}` : ''}（${view.subject.reason}）` : '未归类'}</p>
        <form method="post" action={`${base}/subject`} class="sv-form">
          <CsrfField session={session} />
          <label for="e-category">大类</label>
          <select id="e-category" name="category">
            <option value="">（恢复按规则归类）</option>
            {subjectCategories().map((c) => <option value={c} selected={current?.category === c}>{c}</option>)}
          </select>
          <label for="e-sub">小类（可选）</label>
          <input id="e-sub" name="sub" type="text" maxlength={30} value={current?.sub ?? ''} />
          <button type="submit">保存主题分类</button>
        </form>
      </section>
      <section class="panel" aria-labelledby="e-interp">
        <h2 id="e-interp" class="panel-title">政策解读</h2>
        {view.editorial.interpretations.length ? (
          <ul>
            {view.editorial.interpretations.map((i) => (
              <li>
                <a href={i.url}>{i.title}</a>
                <form method="post" action={`${base}/interpretations/${i.id}/delete`} class="sv-inline">
                  <CsrfField session={session} />
                  <button type="submit" class="sv-btn sv-btn-quiet" aria-label={`删除解读：${i.title}`}>删除</button>
                </form>
              </li>
            ))}
          </ul>
        ) : <p class="muted">尚未添加政策解读。</p>}
        <form method="post" action={`${base}/interpretations`} class="sv-form">
          <CsrfField session={session} />
          <label for="e-title">解读标题</label>
          <input id="e-title" name="title" type="text" required maxlength={200} />
          <label for="e-url">链接（http(s) 网址，或本站路径如 /documents/12）</label>
          <input id="e-url" name="url" type="text" required maxlength={500} />
          <button type="submit">添加解读</button>
        </form>
      </section>
    </SvPage>
  );
};

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function registerEditorial(app: Hono<SvEnv>): void {
  const act = (c: SvContext) => {
    const s = requireRole(c, ROLE_GROUPS.office, 'edit-document');
    const { db, now } = c.get('deps');
    return { s, db, at: now().toISOString(), actor: actorOf(s.user) };
  };
  const page = (c: SvContext, s: Session, id: number, flash: Flash | null, status: 200 | 400 = 200) =>
    c.html(renderPage(<EditPage session={s} view={getDocument(c.get('deps').db, id, c.get('today'))} flash={flash} />), status);
  /** Run a form's change; a fixable error shows the page again with the message. */
  const formAct = async (c: SvContext, change: (f: Record<string, unknown>, a: ReturnType<typeof act>, id: number) => void) => {
    const a = act(c);
    const { id } = validate(idParams, paramsOf(c));
    try {
      change(await c.req.parseBody(), a, id);
    } catch (e) {
      if (e instanceof GongbaoError && e.code === 'bad-argument') return page(c, a.s, id, { kind: 'error', text: e.message }, 400);
      throw e;
    }
    return c.redirect(`/supervise/documents/${id}/edit`, 303);
  };

  app.get('/supervise/documents/:id/edit', (c) => {
    if (!c.get('session')) return toLogin(c);
    const s = requireRole(c, ROLE_GROUPS.office, 'edit-document');
    return page(c, s, validate(idParams, paramsOf(c)).id, null);
  });
  app.post('/supervise/documents/:id/subject', (c) => formAct(c, (f, a, id) => {
    const category = str(f.category).trim();
    setSubject(a.db, id, category ? `${category}${str(f.sub).trim() ? `\\${str(f.sub).trim()}` : ''}` : null, a.actor, a.at);
  }));
  app.post('/supervise/documents/:id/interpretations', (c) => formAct(c, (f, a, id) => {
    addInterpretation(a.db, id, { title: str(f.title), url: str(f.url) }, a.actor, a.at);
  }));
  app.post('/supervise/documents/:id/interpretations/:iid/delete', (c) => formAct(c, (_f, a, id) => {
    removeInterpretation(a.db, id, validate(interpretationParams, { id, iid: c.req.param('iid') }).iid, a.actor, a.at);
  }));

  const json = async (c: SvContext) => {
    try {
      return await c.req.json();
    } catch {
      throw new GongbaoError('bad-argument', '请求体不是有效的 JSON');
    }
  };
  app.post('/api/supervision/library/documents/:id/subject', async (c) => {
    const a = act(c);
    const { id } = validate(idParams, paramsOf(c));
    const body = validate(subjectBody, await json(c));
    return c.json({ subject: setSubject(a.db, id, body.subject, a.actor, a.at) });
  });
  app.post('/api/supervision/library/documents/:id/interpretations', async (c) => {
    const a = act(c);
    const { id } = validate(idParams, paramsOf(c));
    return c.json(addInterpretation(a.db, id, validate(interpretationBody, await json(c)), a.actor, a.at), 201);
  });
  app.post('/api/supervision/library/documents/:id/interpretations/:iid/delete', (c) => {
    const a = act(c);
    const { id, iid } = validate(interpretationParams, paramsOf(c));
    removeInterpretation(a.db, id, iid, a.actor, a.at);
    return c.json({ interpretations: getDocument(a.db, id, c.get('today')).editorial.interpretations });
  });
}
