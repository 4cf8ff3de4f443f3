// The 督办 pages over HTTP (no browser): redirects by role, the login form's
// double-submit token, form errors shown on the page, audited refusals, the
// safe return address and the dashboard's JSON data block.
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/web/app.js';
import { openLibrary } from '../../src/store/library.js';
import { createUser } from '../../src/supervise/auth.js';
import { Supervision } from '../../src/supervise/service.js';
import { safeNext } from '../../src/web/supervise/pages.js';
import type { Db } from '../../src/store/db.js';

const clock = new Date('2022-04-11T09:00:00+08:00');
let db: Db;
let app: ReturnType<typeof createApp>;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const cookieOf = (res: Response, name: string) => (res.headers.get('set-cookie') ?? '').split(/,(?=\s*\w+=)/).map((c) => c.trim().split(';')[0]!).find((c) => c.startsWith(`${name}=`))!;

/** Sign in through the HTML form, as a browser does. */
async function signIn(username: string): Promise<{ cookie: string; csrf: string }> {
  const page = await app.request('/supervise/login');
  const token = /name="_login" value="([^"]+)"/.exec(await page.text())![1]!;
  const res = await app.request('/supervise/login', {
    method: 'POST', headers: { ...FORM, cookie: cookieOf(page, 'gb_login') }, body: new URLSearchParams({ _login: token, username, password: `${username}-password` }).toString(),
  });
  expect(res.status).toBe(303);
  const cookie = cookieOf(res, 'gb_session');
  const html = await (await app.request(res.headers.get('location')!, { headers: { cookie } })).text();
  return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(html)![1]! };
}

beforeAll(async () => {
  db = openLibrary(':memory:');
  app = createApp({ db, now: () => clock, log: () => {} });
  for (const [username, unit, role] of [['duchashi', '县政府办公室', 'office'], ['shuili', '县水利局', 'unit']] as const) {
    await createUser(db, { username, unit, role, password: `${username}-password` });
  }
  const sv = new Supervision({ db, now: () => new Date('2022-03-01T09:00:00+08:00') });
  sv.create({ title: '河道整治', lead: '县水利局', due: '2022-03-31' });
  // A task stored before units were checked can name anything: here, markup that must come out escaped.
  const legacy = sv.create({ title: '脚本测试', lead: '县财政局', due: '2022-03-20' });
  const evil = '</script><script>alert(1)</script>';
  db.prepare('UPDATE tasks SET lead_unit = ?, state_json = ? WHERE id = ?').run(evil, JSON.stringify({ ...legacy, leadUnit: evil }), legacy.id);
});

describe('督办 pages', () => {
  it('sends visitors to the login page and each role to its home', async () => {
    const anon = await app.request('/supervise/dashboard');
    expect(anon.status).toBe(302);
    expect(anon.headers.get('location')).toBe('/supervise/login?next=%2Fsupervise%2Fdashboard');
    const unit = await signIn('shuili');
    expect((await app.request('/supervise', { headers: { cookie: unit.cookie } })).headers.get('location')).toBe('/supervise/inbox');
    const office = await signIn('duchashi');
    expect((await app.request('/supervise/inbox', { headers: { cookie: office.cookie } })).headers.get('location')).toBe('/supervise');
  });

  it('needs the login form token, and shows a wrong password on the form (401)', async () => {
    const noToken = await app.request('/supervise/login', { method: 'POST', headers: FORM, body: 'username=shuili&password=shuili-password' });
    expect(noToken.status).toBe(403);
    expect(noToken.headers.get('set-cookie')).not.toMatch(/gb_session=/);
    const page = await app.request('/supervise/login');
    const token = /name="_login" value="([^"]+)"/.exec(await page.text())![1]!;
    const wrong = await app.request('/supervise/login', { method: 'POST', headers: { ...FORM, cookie: cookieOf(page, 'gb_login') }, body: `_login=${token}&username=shuili&password=nope` });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('用户名或密码错误');
  });

  it('shows form errors on the task page and refuses stale forms', async () => {
    const unit = await signIn('shuili');
    const post = (path: string, fields: Record<string, string>) =>
      app.request(path, { method: 'POST', headers: { ...FORM, cookie: unit.cookie }, body: new URLSearchParams({ _csrf: unit.csrf, ...fields }).toString() });
    expect((await post('/supervise/tasks/1/accept', { comment: '已部署', version: '1' })).status).toBe(303);
    const empty = await post('/supervise/tasks/1/report', { comment: '' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('请填写落实情况');
    const stale = await post('/supervise/tasks/1/report', { comment: '进展', version: '1' });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('任务已被他人处理');
    const other = await post('/supervise/tasks/2/accept', {});
    expect(other.status).toBe(403);
    expect((await app.request('/supervise/propose', { headers: { cookie: unit.cookie } })).status).toBe(403);
    const refused = db.prepare('SELECT action, target FROM audit_log WHERE allowed = 0 AND actor_user = ? ORDER BY id').all('shuili');
    expect(refused).toEqual([{ action: 'accept', target: 'task:2' }, { action: 'propose', target: '/supervise/propose' }]);
  });

  it('returns only to /supervise pages after login', () => {
    expect(safeNext('/supervise/tasks/3?done=1')).toBe('/supervise/tasks/3?done=1');
    for (const bad of ['//evil.example', 'https://evil.example/supervise', '/supervise/../api/x', '/supervisex', '/\\evil', '/supervise/login']) expect(safeNext(bad), bad).toBeNull();
  });

  it('keeps the dashboard data block inert', async () => {
    const office = await signIn('duchashi');
    const html = await (await app.request('/supervise/dashboard', { headers: { cookie: office.cookie } })).text();
    const block = /<script type="application\/json" id="sv-dashboard-data">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(block).not.toContain('<');
    expect(JSON.parse(block).overdue.units).toContain('</script><script>alert(1)</script>');
    expect(html).not.toContain('<script>alert(1)');
  });

  it('tells the office which coming years have no holiday notice, marks tasks computed on them, and offers the edit and 初审 forms', async () => {
    const sv = new Supervision({ db, now: () => clock });
    const far = sv.create({ title: '远期任务', lead: '县水利局', due: '2027-03-01' });
    const office = await signIn('duchashi');
    const board = await (await app.request('/supervise', { headers: { cookie: office.cookie } })).text();
    expect(board).toMatch(/2027 年的节假日安排通知尚未导入/);
    db.prepare('UPDATE tasks SET state_json = json_set(state_json, \'$.calendarConfirmed\', json(\'false\')) WHERE id = ?').run(far.id);
    const page = await (await app.request(`/supervise/tasks/${far.id}`, { headers: { cookie: office.cookie } })).text();
    expect(page).toContain('期限按周末推算');
    expect(page).toContain(`action="/supervise/tasks/${far.id}/edit"`);
    const edited = await app.request(`/supervise/tasks/${far.id}/edit`, {
      method: 'POST', headers: { ...FORM, cookie: office.cookie }, body: new URLSearchParams({ _csrf: office.csrf, title: '远期任务', due: '2027-02-26', lead: '县水利局', assist: '' }).toString(),
    });
    expect(edited.status).toBe(303);
    expect(sv.show(far.id)).toMatchObject({ due: '2027-02-26', history: expect.arrayContaining([expect.objectContaining({ action: 'edit' })]) });
    sv.act(far.id, 'accept', sv.actor('县水利局'));
    sv.act(far.id, 'request-extension', sv.actor('县水利局'), { to: '2027-04-30' });
    const decide = await (await app.request(`/supervise/tasks/${far.id}`, { headers: { cookie: office.cookie } })).text();
    expect(decide).toContain('name="leader"');
    expect(decide).toContain('督查室初审，报分管领导审定');
  });
});
