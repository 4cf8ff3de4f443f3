// The 督办 pages in a real browser (Debian's Chromium via playwright-core):
// the office signs in and filters its board by unit; a unit signs in on a
// phone, sees its inbox and accepts a task through the form. Screenshots go
// to test-results/screenshots/ (supervise-*.png). Skipped without Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { DESKTOP, PHONE, SHOTS, hasChromium, startHarness, warnIfNoChromium, type Harness } from './harness.js';
import { createApp } from '../../src/web/app.js';
import { createUser } from '../../src/supervise/auth.js';
import { Supervision } from '../../src/supervise/service.js';
import { tick } from '../../src/supervise/sweep.js';
import type { Db } from '../../src/store/db.js';
import { CITING_NUMBER, openTestLibrary } from './fixture.js';

warnIfNoChromium('supervise-browser.test');


let clock = new Date('2022-04-11T09:00:00+08:00');

/** Users and a county's worth of tasks in every state, registered over three weeks. */
async function seed(db: Db): Promise<void> {
  for (const [username, unit, role, name] of [
    ['duchashi', '县政府办公室', 'office', '王督查'], ['shuili', '县水利局', 'unit', '李明'], ['jiaotong', '县交通运输局', 'unit', '赵强'],
  ] as const) await createUser(db, { username, unit, role, password: `${username}-password`, displayName: name });
  const sv = new Supervision({ db, now: () => clock });
  const unit = (u: string) => sv.actor(u, 'seed');
  const at = (iso: string) => (clock = new Date(iso));
  const office = sv.actor('县政府办公室', 'seed');
  // First quarter: three units, one closes late, one is summoned twice (no 优秀 this year).
  at('2022-01-10T09:00:00+08:00');
  const q1 = [
    sv.create({ title: '完成2022年县级财政预算公开工作', lead: '县财政局', due: '2022-02-28' }),
    sv.create({ title: '推进老旧小区改造项目开工', lead: '县住建局', due: '2022-03-15' }),
    sv.create({ title: '做好春季学期开学疫情防控工作', lead: '县教育局', due: '2022-03-31' }),
  ];
  at('2022-01-11T09:00:00+08:00');
  for (const t of q1) sv.act(t.id, 'accept', unit(t.leadUnit));
  const close = (id: number, lead: string, iso: string) => {
    at(iso);
    sv.act(id, 'request-completion', unit(lead), { comment: '已按要求完成' });
    sv.act(id, 'approve-completion', office, { comment: '同意办结', leader: '分管领导' });
  };
  close(q1[0]!.id, '县财政局', '2022-02-20T10:00:00+08:00');
  close(q1[1]!.id, '县住建局', '2022-03-25T10:00:00+08:00');
  close(q1[2]!.id, '县教育局', '2022-03-30T10:00:00+08:00');
  sv.act(q1[1]!.id, 'summon', office, { comment: '老旧小区改造进度滞后' });
  sv.act(q1[1]!.id, 'summon', office, { comment: '整改不到位，再次约谈' });
  at('2022-03-21T09:00:00+08:00');
  const late = sv.create({ title: '完成城区雨污分流管网改造一期工程', lead: '县住建局', due: '2022-04-01' });
  sv.create({ title: '开展校园周边安全隐患排查整治', lead: '县教育局', due: '2022-04-06' });
  const a = sv.create({ title: '开展汛前河道“清四乱”专项整治，完成县域内主要河道问题排查与整改', lead: '县水利局', assist: ['县自然资源局'], due: '2022-04-08', source: '五政办发〔2022〕8号', requirements: '建立问题清单，逐项销号' });
  const b = sv.create({ title: '完成农村公路安全生命防护工程建设', lead: '县交通运输局', due: '2022-05-31', major: true, approvedBy: '主要领导', criteria: '通过市级验收' });
  const c = sv.create({ title: '推进城乡供水一体化工程前期工作', lead: '县水利局', due: '2022-06-30' });
  sv.create({ title: '整治国省干道沿线环境卫生', lead: '县交通运输局', assist: ['县水利局'], due: '2022-04-30' });
  at('2022-03-22T10:00:00+08:00');
  sv.act(a.id, 'accept', unit('县水利局'), { comment: '已召开专题会议部署' });
  sv.act(b.id, 'accept', unit('县交通运输局'), { comment: '成立工作专班' });
  sv.act(late.id, 'accept', unit('县住建局'));
  at('2022-03-25T10:00:00+08:00');
  sv.act(b.id, 'report', unit('县交通运输局'), { comment: '已完成 12 公里护栏安装' });
  sv.act(c.id, 'accept', unit('县水利局'));
  sv.act(c.id, 'request-completion', unit('县水利局'), { comment: '可研报告已批复' });
  sv.act(c.id, 'approve-completion', office, { comment: '同意办结', leader: '分管领导' });
  at('2022-04-11T08:30:00+08:00');
  sv.create({ title: '做好春季森林防火和地质灾害隐患点巡查工作', lead: '县水利局', assist: ['县应急管理局'], due: '2022-04-29', requirements: '每周报送巡查情况' });
  sv.create({ title: '落实河湖长制工作要点，制定年度“一河一策”方案', lead: '县水利局', due: '2022-05-15', source: '五政办发〔2021〕60号' });
  tick(sv);
  clock = new Date('2022-04-11T09:00:00+08:00');
}

describe.skipIf(!hasChromium)('督办 pages in a browser', { timeout: 90_000 }, () => {
  let db: Db;
  let harness: Harness;
  let base = '';
  let browser: Browser;

  beforeAll(async () => {
    db = openTestLibrary();
    await seed(db);
    const app = createApp({ db, now: () => clock, log: () => {} });
    harness = await startHarness(app);
    base = harness.base;
    browser = harness.browser;
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
    db?.close();
  });

  async function open(viewport = DESKTOP): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN', reducedMotion: 'reduce' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`); });
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
    return { page, errors };
  }

  const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: join(SHOTS, `supervise-${name}.png`), fullPage });

  async function step(page: Page, name: string, body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (e) {
      await shot(page, `FAILED-${name}`).catch(() => {});
      throw e;
    }
  }

  async function signIn(page: Page, username: string): Promise<void> {
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(`${username}-password`);
    await page.getByRole('button', { name: '登 录' }).click();
  }

  it('office: sign in, see the board, filter it by unit; dashboard and evaluation render', async () => {
    const { page, errors } = await open();
    await step(page, 'office', async () => {
      await page.goto(`${base}/supervise`);
      await page.waitForURL(/\/supervise\/login\?next=/);
      await shot(page, 'login-desktop');
      await signIn(page, 'duchashi');
      await page.waitForURL(`${base}/supervise`);
      expect(await page.locator('h1').innerText()).toBe('督办任务总览');
      expect(await page.locator('.sv-table tbody tr').count()).toBe(11);
      expect(await page.locator('.sv-count-late strong').innerText()).toBe('3');
      await shot(page, 'board-desktop');

      await page.getByLabel('单位').selectOption('县交通运输局');
      await page.getByRole('button', { name: '筛选' }).click();
      await page.waitForURL(/unit=/);
      const rows = page.locator('.sv-table tbody tr');
      expect(await rows.count()).toBe(2);
      for (const lead of await page.locator('.sv-table td[data-label="牵头单位"]').allInnerTexts()) expect(lead).toContain('县交通运输局');
      await shot(page, 'board-filtered-desktop');

      await page.getByRole('link', { name: '数据看板' }).click();
      await page.waitForSelector('[data-sv-chart="overdue"] svg');
      await shot(page, 'dashboard-desktop');
      await page.getByRole('link', { name: '考核评价' }).click();
      await page.waitForURL(/\/supervise\/evaluation/);
      await page.goto(`${base}/supervise/evaluation?quarter=2022Q2`);
      expect(await page.locator('.sv-rank tbody th').allInnerTexts()).toContain('县水利局');
      await page.goto(`${base}/supervise/evaluation?quarter=2022Q1`);
      expect(await page.locator('.sv-capped-note').innerText()).toContain('不得评为优秀');
      expect(await page.locator('.sv-print').isVisible()).toBe(true);
      await shot(page, 'evaluation-desktop');
      await page.emulateMedia({ media: 'print' });
      await shot(page, 'evaluation-print');
      await page.emulateMedia({ media: 'screen' });
      await page.goto(`${base}/supervise/tasks/6`);
      expect(await page.locator('.sv-tl-warning').count()).toBeGreaterThan(0);
      await shot(page, 'task-office-desktop');
      await page.getByRole('link', { name: '立项', exact: true }).click();
      await page.waitForURL(/\/supervise\/tasks\/new/);
      await shot(page, 'new-task-desktop');

      await page.goto(`${base}/supervise/propose?from=${encodeURIComponent(CITING_NUMBER)}`);
      const boxes = page.locator('input[name="only"]');
      expect(await boxes.count()).toBeGreaterThan(0);
      await shot(page, 'propose-desktop');
      await page.getByRole('button', { name: '批量立项所选任务' }).click();
      await page.waitForURL(/done=propose/);
      expect(await page.locator('.sv-flash-ok').innerText()).toMatch(/已批量立项 \d+ 项任务/);
      expect(await page.locator('input[name="only"]').count()).toBe(0);

      await page.setViewportSize(PHONE);
      await page.goto(`${base}/supervise?due=overdue`);
      await shot(page, 'board-phone');
    });
    expect(errors).toEqual([]);
  });

  it('unit on a phone: sign in, see the inbox, accept a task through the form', async () => {
    const { page, errors } = await open(PHONE);
    await step(page, 'unit', async () => {
      await page.goto(`${base}/supervise/login`);
      await signIn(page, 'shuili');
      await page.waitForURL(`${base}/supervise/inbox`);
      expect(await page.locator('h1').innerText()).toContain('县水利局');
      const toAccept = page.locator('#to-accept .sv-card');
      // Two seeded, plus any the office registered from the document in the test before.
      const waiting = await toAccept.count();
      expect(waiting).toBeGreaterThanOrEqual(2);
      expect(await page.locator('#overdue .sv-card').count()).toBe(1);
      expect(await page.locator('#assisting .sv-card').count()).toBe(1);
      await shot(page, 'inbox-phone');

      await toAccept.first().locator('.sv-card-title').click();
      await page.waitForURL(/\/supervise\/tasks\/\d+$/);
      await shot(page, 'task-phone');
      await shot(page, 'task-phone-top', false);
      await page.getByLabel('安排部署情况').fill('已召开局务会研究部署，明确防汛股牵头办理。');
      await page.getByRole('button', { name: '确认承办' }).click();
      await page.waitForURL(/done=accept/);
      expect(await page.locator('.sv-flash-ok').innerText()).toContain('已办理');
      expect(await page.locator('.sv-task-status .sv-status').innerText()).toBe('办理中');
      expect(await page.locator('.sv-timeline').innerText()).toContain('已召开局务会研究部署');
      expect(await page.getByRole('button', { name: '提交反馈' }).count()).toBe(1);
      await shot(page, 'task-accepted-phone');

      await page.getByRole('link', { name: '本单位待办' }).first().click();
      expect(await page.locator('#to-accept .sv-card').count()).toBe(waiting - 1);
      await page.setViewportSize(DESKTOP);
      await shot(page, 'inbox-desktop');
    });
    expect(errors).toEqual([]);
  });
});
