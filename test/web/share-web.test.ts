// 政务数据共享 on the web: the JSON API (session, CSRF, RBAC with audited
// 403s), the pages and their forms, the exports, and the OpenAPI document.
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/web/app.js';
import { createUser } from '../../src/supervise/auth.js';
import { openLibrary } from '../../src/store/library.js';
import type { Db } from '../../src/store/db.js';
import { svClient, type Login } from './sv-client.js';

let db: Db;
let app: ReturnType<typeof createApp>;
let now = new Date('2023-01-19T10:00:00+08:00');
const { login, get, post } = svClient(() => app);
let manager: Login;
let police: Login;
let hr: Login;
let civil: Login;

const form = (who: Login, path: string, fields: Record<string, string>) =>
  app.request(path, { method: 'POST', headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...fields, _csrf: who.csrf }).toString() });
const json = async (r: Response) => (await r.json()) as Record<string, any>;
const refusals = () => db.prepare("SELECT action FROM audit_log WHERE allowed = 0 AND action LIKE 'share:%' ORDER BY id").all().map((r) => (r as { action: string }).action);

/** Move the clock (sessions expire with it): everyone signs in again. */
async function at(iso: string) {
  now = new Date(iso);
  [manager, police, hr, civil] = [await login('zwxx'), await login('gongan'), await login('renshe'), await login('minzheng')];
}

beforeAll(async () => {
  db = openLibrary(':memory:');
  app = createApp({ db, now: () => now, log: () => {} });
  for (const [username, unit] of [['zwxx', '县政务信息管理局'], ['gongan', '县公安局'], ['renshe', '县人力资源和社会保障局'], ['minzheng', '县民政局']] as const) {
    await createUser(db, { username, unit, role: 'unit', password: `${username}-password` });
  }
  await at('2023-01-19T10:00:00+08:00');
});

describe('sharing API and pages', () => {
  let resourceId: number;
  let requestId: number;

  it('lists a resource in the catalogue and refuses a 不予共享 without its reason', async () => {
    const bad = await post(civil, '/api/supervision/share/catalogue', { resource: '婚姻登记信息', type: '不予共享' });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.message).toMatch(/理由/);
    const r = await post(police, '/api/supervision/share/catalogue', { resource: '户籍人口信息', type: '有条件' });
    expect(r.status).toBe(201);
    resourceId = (await json(r)).id;
    expect((await json(await get(hr, '/api/supervision/share/catalogue'))).items).toEqual([expect.objectContaining({ name: '户籍人口信息', providerUnit: '县公安局', type: 'conditional' })]);
  });

  it('needs the CSRF token on every POST', async () => {
    const r = await post(hr, '/api/supervision/share/requests', { resourceId, purpose: '核验' }, null);
    expect(r.status).toBe(403);
  });

  it('runs a request through review and the provider, over 春节', async () => {
    const r = await post(hr, '/api/supervision/share/requests', { resourceId, purpose: '核验参保人员户籍', scene: '社保办理' });
    expect(r.status).toBe(201);
    const q = await json(r);
    requestId = q.id;
    expect(q).toMatchObject({ status: 'submitted', reviewDue: '2023-01-28', statusLabel: '待符合性审查' });
    expect((await post(police, `/api/supervision/share/requests/${requestId}/approve-review`)).status).toBe(403);
    expect((await get(civil, `/api/supervision/share/requests/${requestId}`)).status).toBe(403);
    await at('2023-01-20T09:00:00+08:00');
    expect(await json(await post(manager, `/api/supervision/share/requests/${requestId}/approve-review`))).toMatchObject({ status: 'awaiting_provider', responseDue: '2023-02-01' });
    await at('2023-02-02T09:00:00+08:00');
    const raised = (await json(await post(manager, '/api/supervision/share/tick'))).raised;
    expect(raised).toEqual([expect.objectContaining({ kind: 'response-overdue', unit: '县公安局' })]);
    expect((await post(hr, '/api/supervision/share/tick')).status).toBe(403);
    expect(refusals()).toEqual(['share:catalogue-add', 'share:approve-review', 'share:show', 'share:tick']);
  });

  it('shows the request page with the actions open to the viewer, and refuses a refusal without basis on the form', async () => {
    const page = await (await get(police, `/supervise/share/requests/${requestId}`)).text();
    expect(page).toContain('户籍人口信息');
    expect(page).toContain(`/supervise/share/requests/${requestId}/refuse`);
    expect(page).not.toContain(`/supervise/share/requests/${requestId}/approve-review`);
    const again = await form(police, `/supervise/share/requests/${requestId}/refuse`, { reason: '' });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('说明理由');
    const done = await form(police, `/supervise/share/requests/${requestId}/refuse`, { reason: '涉及公民个人信息，依据《个人信息保护法》' });
    expect(done.status).toBe(303);
    expect(await json(await get(hr, `/api/supervision/share/requests/${requestId}`))).toMatchObject({ status: 'refused', responseLate: true });
  });

  it('takes a request and a correction through the forms, and escapes what users typed', async () => {
    const r = await form(hr, '/supervise/share/requests', { resourceId: String(resourceId), purpose: '<script>alert(1)</script>', scene: '' });
    expect(r.status).toBe(303);
    const page = await (await get(hr, r.headers.get('location')!)).text();
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&lt;script&gt;');
    const c = await form(hr, '/supervise/share/corrections', { resourceId: String(resourceId), problem: '地址有误' });
    expect(c.status).toBe(303);
    expect(await (await get(police, c.headers.get('location')!)).text()).toContain('已校核更正');
  });

  it('serves the overview, the catalogue and the evaluation with its exports', async () => {
    const overview = await (await get(police, '/supervise/share')).text();
    expect(overview).toContain('待本部门办理');
    expect(overview).toContain('县公安局');
    expect(await (await get(police, '/supervise/share/catalogue')).text()).toContain('登记本部门资源');
    expect((await get(police, '/supervise/share/evaluation')).status).toBe(403);
    const e = await json(await get(manager, '/api/supervision/share/evaluation?quarter=2023Q1'));
    expect(e.units.find((u: { unit: string }) => u.unit === '县公安局')).toMatchObject({ lateResponses: 1 });
    const csv = await get(manager, '/api/supervision/share/evaluation.csv?quarter=2023Q1');
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(await csv.text()).toMatch(/县公安局/);
    const xlsx = await get(manager, '/api/supervision/share/board.xlsx');
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    expect((await get(null, '/supervise/share')).status).toBe(302);
  });

  it('describes its endpoints in the OpenAPI document', async () => {
    const doc = await json(await app.request('/api/openapi.json'));
    for (const p of ['/api/supervision/share/catalogue', '/api/supervision/share/requests', '/api/supervision/share/requests/{id}/refuse', '/api/supervision/share/evaluation.xlsx']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });
});
