// The supervision API over HTTP (app.request, no server): login and its rate
// limit, CSRF on every POST, units kept to their own tasks (403 + audit
// entry, for acting and for viewing), the whole 13710 flow, exports and the
// OpenAPI description.
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/web/app.js';
import { createUser } from '../../src/supervise/auth.js';
import type { Db } from '../../src/store/db.js';
import { CITING_NUMBER, openTestLibrary } from './fixture.js';
import { JSON_TYPE, svClient, type Login } from './sv-client.js';

let clock = new Date('2022-04-06T09:00:00+08:00');
const advance = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));
let db: Db;
let app: ReturnType<typeof createApp>;

const { login, get, post } = svClient(() => app);
async function ok(res: Response | Promise<Response>, status = 200): Promise<any> {
  const r = await res;
  const text = await r.text();
  expect(r.status, text).toBe(status);
  return text.startsWith('{') ? JSON.parse(text) : text;
}
const audits = (action: string) =>
  db.prepare('SELECT actor_unit, actor_user, action, target, allowed, detail FROM audit_log WHERE action = ? ORDER BY id').all(action) as
    { actor_unit: string; actor_user: string; action: string; target: string; allowed: number; detail: string }[];

let office: Login;
let water: Login;
let transport: Login;

beforeAll(async () => {
  db = openTestLibrary();
  app = createApp({ db, now: () => clock, log: () => {} });
  for (const [username, unit, role] of [
    ['duchashi', '县政府办公室', 'office'], ['fenguan', '县人民政府', 'leader'], ['shuili', '县水利局', 'unit'], ['jiaotong', '县交通运输局', 'unit'], ['locked', '县财政局', 'unit'],
  ] as const) await createUser(db, { username, unit, role, password: `${username}-password` });
  office = await login('duchashi');
  water = await login('shuili');
  transport = await login('jiaotong');
}, 60_000);

describe('login', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and returns the CSRF token', async () => {
    const res = await app.request('/api/supervision/login', { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ username: 'shuili', password: 'shuili-password' }) });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^gb_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    const body = (await res.json()) as any;
    expect(body).toMatchObject({ user: { username: 'shuili', unit: '县水利局', role: 'unit' } });
    expect(body.csrfToken.length).toBeGreaterThan(20);
    // The token is stored hashed: the database never holds the cookie's value.
    const token = cookie.split(';')[0]!.split('=')[1]!;
    expect(JSON.stringify(db.prepare('SELECT * FROM sessions').all())).not.toContain(token);
    expect(JSON.stringify(db.prepare('SELECT password_hash FROM users').all())).not.toContain('shuili-password');
    const me = await ok(get({ cookie: cookie.split(';')[0]!, csrf: '' }, '/api/supervision/me'));
    expect(me.user.unit).toBe('县水利局');
  });

  it('marks the cookie Secure over https', async () => {
    const res = await app.request('https://gov.example/api/supervision/login', { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ username: 'shuili', password: 'shuili-password' }) });
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('refuses a wrong password or unknown user with 401, and no session with 401', async () => {
    const bad = await app.request('/api/supervision/login', { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ username: 'shuili', password: 'wrong-password' }) });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as any).error).toEqual({ code: 'unauthorized', message: '用户名或密码错误' });
    expect(bad.headers.get('set-cookie')).toBeNull();
    const nobody = await app.request('/api/supervision/login', { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ username: 'nobody', password: 'x' }) });
    expect(nobody.status).toBe(401);
    expect((await get(null, '/api/supervision/tasks')).status).toBe(401);
    expect((await get({ cookie: 'gb_session=forged', csrf: '' }, '/api/supervision/tasks')).status).toBe(401);
  });

  it('locks a username + address out after 5 failures in 15 minutes (429), then lets it in again', async () => {
    const attempt = (password: string) => app.request('/api/supervision/login', { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ username: 'locked', password }) });
    for (let i = 0; i < 5; i++) expect((await attempt(`guess-${i}`)).status).toBe(401);
    const refused = await attempt('locked-password');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('900');
    const body = (await refused.json()) as any;
    expect(body.error.code).toBe('too-many-requests');
    expect(body.error.message).toMatch(/登录失败次数过多，请 \d+ 分钟后再试/);
    advance(16);
    expect((await attempt('locked-password')).status).toBe(200);
    expect(audits('login').some((a) => a.allowed === 0 && /锁定/.test(a.detail))).toBe(true);
  });

  it('ends the session on logout', async () => {
    const s = await login('shuili');
    await ok(post(s, '/api/supervision/logout'));
    expect((await get(s, '/api/supervision/me')).status).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a POST without the token (or with a wrong one) with 403 and records it', async () => {
    const before = audits('csrf').length;
    const missing = await post(office, '/api/supervision/tasks', { title: '无令牌', lead: '县水利局' }, null);
    expect(missing.status).toBe(403);
    expect(((await missing.json()) as any).error.message).toMatch(/CSRF/);
    expect((await post(office, '/api/supervision/tasks', { title: '错令牌', lead: '县水利局' }, 'not-the-token')).status).toBe(403);
    const form = await app.request('/supervise/tick', { method: 'POST', headers: { cookie: office.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    expect(form.status).toBe(403);
    const crossSite = await app.request('/supervise/tick', {
      method: 'POST', headers: { cookie: office.cookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, body: `_csrf=${office.csrf}`,
    });
    expect(crossSite.status).toBe(403);
    expect(audits('csrf').length).toBe(before + 4);
    expect(db.prepare("SELECT count(*) AS n FROM tasks WHERE title IN ('无令牌', '错令牌')").get()).toEqual({ n: 0 });
    const viaForm = await app.request('/supervise/tick', { method: 'POST', headers: { cookie: office.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: `_csrf=${office.csrf}` });
    expect(viaForm.status).toBe(303);
  });
});

describe('units see and act on their own tasks only', () => {
  it('gives unit A a 403 and an audit entry when it views or acts on unit B\'s task', async () => {
    const task = await ok(post(office, '/api/supervision/tasks', { title: '农村公路安全隐患排查', lead: '县交通运输局', due: '2022-05-20' }), 201);
    const listed = await ok(get(water, '/api/supervision/tasks'));
    expect(listed.items.map((t: any) => t.id)).not.toContain(task.id);

    const view = await get(water, `/api/supervision/tasks/${task.id}`);
    expect(view.status).toBe(403);
    expect(((await view.json()) as any).error.code).toBe('forbidden');
    expect(audits('view').at(-1)).toMatchObject({ actor_unit: '县水利局', actor_user: 'shuili', target: `task:${task.id}`, allowed: 0 });

    const page = await get(water, `/supervise/tasks/${task.id}`);
    expect(page.status).toBe(403);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(audits('view').length).toBe(2);

    const act = await post(water, `/api/supervision/tasks/${task.id}/accept`, { comment: '抢着办' });
    expect(act.status).toBe(403);
    expect(audits('accept').at(-1)).toMatchObject({ actor_unit: '县水利局', target: `task:${task.id}`, allowed: 0 });
    expect((await ok(get(office, `/api/supervision/tasks/${task.id}`))).status).toBe('registered');
  });

  it('lets an assisting unit view but not act (the service refuses and audits)', async () => {
    const task = await ok(post(office, '/api/supervision/tasks', { title: '河道清淤', lead: '县交通运输局', assist: ['县水利局'], due: '2022-05-20' }), 201);
    const shown = await ok(get(water, `/api/supervision/tasks/${task.id}`));
    expect(shown.actions).toEqual([]);
    const act = await post(water, `/api/supervision/tasks/${task.id}/accept`, {});
    expect(act.status).toBe(403);
    expect(((await act.json()) as any).error.message).toMatch(/不是本任务的牵头单位/);
    expect(audits('accept').at(-1)).toMatchObject({ actor_unit: '县水利局', allowed: 0 });
  });

  it('keeps office-only functions from units and leaders', async () => {
    expect((await post(water, '/api/supervision/tick')).status).toBe(403);
    expect((await post(water, '/api/supervision/tasks', { title: '自己立项', lead: '县水利局' })).status).toBe(403);
    expect((await get(water, '/api/supervision/evaluation?quarter=2022Q2')).status).toBe(403);
    const leader = await login('fenguan');
    expect((await get(leader, `/api/supervision/proposals?from=${encodeURIComponent(CITING_NUMBER)}`)).status).toBe(403);
    expect(audits('propose').at(-1)).toMatchObject({ actor_user: 'fenguan', allowed: 0 });
  });
});

describe('the 13710 flow over HTTP', () => {
  it('office creates → unit accepts → reports → asks for extension → approved → completes → approved', async () => {
    office = await login('duchashi');
    water = await login('shuili');
    const t = await ok(post(office, '/api/supervision/tasks', {
      title: '汛前完成病险水库除险加固', lead: '县水利局', assist: ['县应急管理局'], due: '2022-05-31', source: '五政办发〔2022〕8号',
      requirements: '汛前完成主体工程', criteria: '通过竣工验收',
    }), 201);
    expect(t).toMatchObject({ status: 'registered', acceptDue: '2022-04-07', due: '2022-05-31', url: `/supervise/tasks/${t.id}` });
    const inbox = await ok(get(water, '/api/supervision/tasks?status=registered'));
    expect(inbox.items.map((i: any) => i.id)).toContain(t.id);
    expect((await ok(get(water, `/api/supervision/tasks/${t.id}`))).actions).toEqual(['accept']);

    advance(60);
    expect((await ok(post(water, `/api/supervision/tasks/${t.id}/accept`, { comment: '已召开专题会部署' }))).status).toBe('accepted');
    expect((await post(water, `/api/supervision/tasks/${t.id}/accept`, {})).status).toBe(409);
    expect((await post(water, `/api/supervision/tasks/${t.id}/report`, {})).status).toBe(400);
    advance(60 * 24);
    // Sessions last 8 hours: the next working day starts with a new login.
    expect((await get(water, '/api/supervision/me')).status).toBe(401);
    office = await login('duchashi');
    water = await login('shuili');
    expect((await ok(post(water, `/api/supervision/tasks/${t.id}/report`, { comment: '完成主体工程 60%' }))).lastReportAt).toBeTruthy();
    expect((await post(water, `/api/supervision/tasks/${t.id}/extend`, { to: '2022-05-01', reason: '早于期限' })).status).toBe(400);
    expect((await ok(post(water, `/api/supervision/tasks/${t.id}/extend`, { to: '2022-06-15', reason: '连续降雨影响施工' }))).status).toBe('extension_requested');
    expect((await post(water, `/api/supervision/tasks/${t.id}/decide-extension`, { decision: 'approve' })).status).toBe(403);
    // The office's word is its 初审 (报批); the decision it records is the 分管领导's.
    expect(await ok(post(office, `/api/supervision/tasks/${t.id}/decide-extension`, { decision: 'approve', comment: '同意' }))).toMatchObject({ status: 'extension_requested', recommendation: { decision: 'approve' } });
    expect(await ok(post(office, `/api/supervision/tasks/${t.id}/decide-extension`, { decision: 'approve', comment: '同意', leader: '分管领导' }))).toMatchObject({ status: 'accepted', due: '2022-06-15', extensions: 1 });
    expect((await ok(post(water, `/api/supervision/tasks/${t.id}/complete`, { comment: '已通过竣工验收' }))).status).toBe('completion_requested');
    expect((await ok(post(office, `/api/supervision/tasks/${t.id}/decide-completion`, { decision: 'approve', leader: '分管领导' }))).status).toBe('closed');

    const shown = await ok(get(office, `/api/supervision/tasks/${t.id}`));
    expect(shown.history.map((h: any) => h.action)).toEqual([
      'register', 'accept', 'report', 'request-extension', 'review-extension', 'approve-extension', 'request-completion', 'pre-review', 'approve-completion',
    ]);
    expect(shown.history[1].actor).toEqual({ unit: '县水利局', role: 'unit', user: 'shuili' });
    expect(shown.actions).toEqual(['summon']);

    const ev = await ok(get(office, '/api/supervision/evaluation?quarter=2022Q2'));
    expect(ev.units.find((u: any) => u.unit === '县水利局')).toMatchObject({ tasks: 1, onTime: 1, extended: 1 });
    const csv = await get(office, '/api/supervision/evaluation.csv?quarter=2022Q2');
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="evaluation-2022-04-01-2022-06-30.csv"; filename\*=UTF-8''/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('排名,单位,任务数');
    expect(text).toContain('县水利局');
    const xlsx = await get(office, '/api/supervision/evaluation.xlsx?quarter=2022Q2');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const dash = await ok(get(office, '/api/supervision/dashboard'));
    expect(dash.quarters.find((q: any) => q.quarter === '2022Q2')).toMatchObject({ closed: 1 });
  });

  it('runs the sweep and registers proposals from a document (office)', async () => {
    advance(60 * 24 * 30);
    office = await login('duchashi');
    const swept = await ok(post(office, '/api/supervision/tick'));
    expect(swept.raised.some((r: any) => r.kind === 'accept-overdue')).toBe(true);
    const from = encodeURIComponent(CITING_NUMBER);
    const proposals = await ok(get(office, `/api/supervision/proposals?from=${from}`));
    expect(proposals.items.length).toBeGreaterThan(0);
    const created = await ok(post(office, '/api/supervision/proposals', { from: CITING_NUMBER, only: [1] }), 201);
    expect(created.total).toBe(1);
    expect((await ok(get(office, `/api/supervision/proposals?from=${from}`))).items[0].taskId).toBe(created.items[0].id);
  });

  it('answers privately: no-store, no ETag', async () => {
    const res = await get(office, '/api/supervision/tasks');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('etag')).toBeNull();
  });
});

describe('OpenAPI', () => {
  it('describes every supervision endpoint and action', async () => {
    const doc = await ok(app.request('/api/openapi.json'));
    for (const path of ['/api/supervision/login', '/api/supervision/tasks', '/api/supervision/tasks/{id}', '/api/supervision/tasks/{id}/edit', '/api/supervision/units', '/api/supervision/tick', '/api/supervision/proposals', '/api/supervision/evaluation', '/api/supervision/evaluation.xlsx', '/api/supervision/dashboard']) {
      expect(doc.paths[path], path).toBeTruthy();
    }
    for (const action of ['accept', 'report', 'extend', 'decide-extension', 'complete', 'decide-completion', 'supervise', 'summon', 'cancel', 'grade']) {
      const op = doc.paths[`/api/supervision/tasks/{id}/${action}`]?.post;
      expect(op, action).toBeTruthy();
      expect(op.requestBody.content['application/json'].schema.type).toBe('object');
      expect(op.responses['403']).toBeTruthy();
    }
    expect(doc.paths['/api/supervision/tasks'].post.requestBody.content['application/json'].schema.required).toEqual(['title', 'lead']);
    expect(doc.paths['/api/supervision/tasks/{id}/extend'].post.requestBody.content['application/json'].schema.required).toEqual(['to', 'reason']);
  });
});

describe('the rules of 8号 over HTTP', () => {
  it('the office edits a task (audited in its history); a unit may not', async () => {
    office = await login('duchashi');
    water = await login('shuili');
    const t = await ok(post(office, '/api/supervision/tasks', { title: '待修改', lead: '县水利局', due: '2022-06-30' }), 201);
    expect((await post(water, `/api/supervision/tasks/${t.id}/edit`, { due: '2022-07-15' })).status).toBe(403);
    const edited = await ok(post(office, `/api/supervision/tasks/${t.id}/edit`, { due: '2022-07-15', lead: '交通运输局', comment: '调整' }));
    expect(edited).toMatchObject({ due: '2022-07-15', leadUnit: '县交通运输局', dueSource: 'given' });
    const shown = await ok(get(office, `/api/supervision/tasks/${t.id}`));
    expect(shown.history.at(-1)).toMatchObject({ action: 'edit', refs: { before: { due: '2022-06-30', leadUnit: '县水利局' } } });
    expect((await post(office, `/api/supervision/tasks/${t.id}/edit`, { lead: '县水力局' })).status).toBe(400);
  });

  it('checks units with suggestions, and refuses an unknown lead on 立项 with the nearest names', async () => {
    expect(await ok(get(office, `/api/supervision/units?q=${encodeURIComponent('县水力局')}`))).toMatchObject({ unit: null, suggestions: ['县水利局'] });
    expect(await ok(get(office, `/api/supervision/units?q=${encodeURIComponent('水利局')}`))).toMatchObject({ unit: '县水利局' });
    const refused = await post(office, '/api/supervision/tasks', { title: 'x', lead: '火星局' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/未知的牵头单位/);
  });

  it('key tasks need the 主要领导’s approval; the office’s decision alone is its 初审', async () => {
    expect((await post(office, '/api/supervision/tasks', { title: '重点', lead: '县水利局', major: true })).status).toBe(403);
    const t = await ok(post(office, '/api/supervision/tasks', { title: '重点', lead: '县水利局', major: true, approvedBy: '主要领导' }), 201);
    expect(t.majorApproval).toMatchObject({ by: '主要领导', recordedBy: '县政府办公室（duchashi）' });
    expect(audits('register').at(-1)).toMatchObject({ allowed: 0, actor_user: 'duchashi' });
  });
});
