// The portal in a real browser (Debian's Chromium through playwright-core):
// the main reading flow, phone layout, CSP cleanliness, charts, no-JS use.
// Screenshots go to test-results/screenshots/ (always for the main pages,
// and on failure). Without Chromium the suite skips and says so, except under
// CI (CI=true), where the file fails; CI installs it from .ci/apt-packages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { DESKTOP, PHONE, SHOTS, hasChromium, startHarness, warnIfNoChromium, type Harness } from './harness.js';
import { createApp } from '../../src/web/app.js';
import type { Db } from '../../src/store/db.js';
import { CITED_NUMBER, CITING_NUMBER, CITING_TITLE, documentId, openTestLibrary } from './fixture.js';

warnIfNoChromium('browser.test');


describe.skipIf(!hasChromium)('portal in a browser', { timeout: 60_000 }, () => {
  let db: Db;
  let harness: Harness;
  let base = '';
  let browser: Browser;

  beforeAll(async () => {
    db = openTestLibrary();
    const app = createApp({ db, log: () => {} });
    harness = await startHarness(app);
    base = harness.base;
    browser = harness.browser;
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
    db?.close();
  });

  /** A fresh page that records console errors and page errors (CSP violations are console errors). */
  async function open(viewport = DESKTOP, extra: BrowserContextOptions = {}): Promise<{ page: Page; errors: string[] }> {
    // Reduced motion: charts draw without animation, so screenshots show the final state.
    const context = await browser.newContext({ viewport, locale: 'zh-CN', reducedMotion: 'reduce', ...extra });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`); });
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
    return { page, errors };
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  /** Run a browser step; on failure keep a screenshot of where it stopped. */
  async function step(page: Page, name: string, body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (e) {
      await shot(page, `FAILED-${name}`).catch(() => {});
      throw e;
    }
  }

  it('home → search → result → cited document → unit → tasks', async () => {
    const { page, errors } = await open();
    const citedId = documentId(db, CITED_NUMBER);
    await step(page, 'flow', async () => {
      await page.goto(`${base}/`);
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.locator('h1').innerText()).toContain('五台县人民政府公报');
      await shot(page, 'home-desktop');

      await page.getByRole('searchbox', { name: '检索公报文件' }).fill('河湖长制 督查');
      await page.getByRole('button', { name: '检索' }).click();
      await page.waitForURL(/\/search\?q=/);
      expect(await page.locator('.hit').count()).toBeGreaterThan(0);
      expect(await page.locator('.hit mark').count()).toBeGreaterThan(0);
      await shot(page, 'search-desktop');

      const first = page.locator('.hit-title a').first();
      expect(await first.innerText()).toBe(CITING_TITLE);
      await first.click();
      await page.waitForURL(/\/documents\/\d+$/);
      expect(await page.locator('h1').innerText()).toBe(CITING_TITLE);
      expect(await page.locator('table.meta').innerText()).toContain(CITING_NUMBER);
      expect(await page.locator('.doc-body').innerText()).toContain('全面排查河湖“四乱”问题');

      await page.locator(`#citations a[href="/documents/${citedId}"]`).click();
      await page.waitForURL(new RegExp(`/documents/${citedId}$`));
      expect(await page.locator('h1').innerText()).toContain('河湖长制工作要点');
      expect(await page.locator('#citations').innerText()).toContain(CITING_NUMBER);
      await shot(page, 'document-desktop');

      await page.locator(`#tasks a[href="/units/${encodeURIComponent('县水利局')}"]`).click();
      await page.waitForURL(/\/units\//);
      expect(await page.locator('h1').innerText()).toBe('县水利局');
      const rows = page.locator('.tasks-table tbody tr');
      expect(await rows.count()).toBeGreaterThan(3);
      expect(await page.locator(`.tasks-table a[href^="/documents/${citedId}#"]`).count()).toBeGreaterThan(0);
      await shot(page, 'unit-desktop');
    });
    expect(errors).toEqual([]);
  });

  it('outline links and source-line links land on their targets', async () => {
    const { page, errors } = await open();
    const id = documentId(db, '五政办发〔2022〕8号');
    await step(page, 'anchors', async () => {
      await page.goto(`${base}/documents/${id}`);
      const links = page.locator('.outline-list a');
      const n = await links.count();
      expect(n).toBeGreaterThan(10);
      const link = links.nth(Math.floor(n / 2));
      const target = (await link.getAttribute('href'))!.slice(1);
      await link.click();
      await expect.poll(() => page.evaluate((t) => location.hash === `#${t}` && !!document.getElementById(t), target)).toBe(true);
      const box = await page.locator(`[id="${target}"]`).boundingBox();
      expect(box && box.y >= -2 && box.y < DESKTOP.height).toBe(true);

      const line = await page.locator('.src-line').nth(5).getAttribute('id');
      await page.goto(`${base}/documents/${id}#${line}`);
      await expect.poll(() => page.locator('details#source').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    });
    expect(errors).toEqual([]);
  });

  it('draws the statistics charts, with CSP and without errors', async () => {
    const { page, errors } = await open();
    await step(page, 'stats', async () => {
      await page.goto(`${base}/stats`);
      await expect.poll(() => page.locator('.chart canvas, .chart svg').count()).toBeGreaterThanOrEqual(4);
      expect(await page.locator('details.chart-data[open]').count()).toBe(0);
      await shot(page, 'stats-desktop');
      await page.goto(`${base}/documents/${documentId(db, CITED_NUMBER)}/graph`);
      expect(await page.locator('svg.graph .node').count()).toBeGreaterThan(1);
      await shot(page, 'graph-desktop');
      await page.goto(`${base}/issues/3`);
      await shot(page, 'issue-desktop');
      await page.goto(`${base}/no-such-page`);
      expect(await page.locator('h1').innerText()).toBe('页面不存在');
      await shot(page, 'error-desktop');
    });
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
  });

  it('fits a phone: no horizontal page scroll on home, search, document, unit and stats', async () => {
    const { page, errors } = await open(PHONE, { isMobile: true, hasTouch: true });
    const pages: [string, string][] = [
      ['home', '/'],
      ['search', `/search?q=${encodeURIComponent('河湖长制')}`],
      ['document', `/documents/${documentId(db, '五政办发〔2022〕12号')}`],
      ['document-tasks', `/documents/${documentId(db, '五政办发〔2022〕52号')}`],
      ['unit', `/units/${encodeURIComponent('县水利局')}`],
      ['stats', '/stats'],
    ];
    for (const [name, path] of pages) {
      await step(page, `phone-${name}`, async () => {
        await page.goto(`${base}${path}`);
        await page.waitForLoadState('networkidle');
        // Compare with the phone's width, not innerWidth: a mobile browser widens the layout viewport to fit overflowing content.
        const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        expect(scroll, `${name}: page wider than the phone`).toBeLessThanOrEqual(PHONE.width);
        expect(inner).toBe(PHONE.width);
        await shot(page, `${name}-phone`);
      });
    }
    expect(errors).toEqual([]);
  });

  it('works without JavaScript and starts with a skip link', async () => {
    const { page } = await open(DESKTOP, { javaScriptEnabled: false });
    await step(page, 'nojs', async () => {
      await page.goto(`${base}/stats`);
      expect(await page.locator('.chart').first().isVisible()).toBe(false);
      expect(await page.locator('.chart-data table').first().isVisible()).toBe(true);
      await page.goto(`${base}/search?year=2022`);
      expect(await page.locator('.hit').count()).toBeGreaterThan(0);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到主要内容');
    });
  });

  it('prints a wide table whole, on a landscape page, and reads the print back with every column', async () => {
    const id = documentId(db, '五政发〔2023〕24号');
    const { page, errors } = await open();
    await step(page, 'print', async () => {
      await page.goto(`${base}/documents/${id}`);
      expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(true);
      // Every heading cell, merged parents (colspan) and their children alike.
      const header = (await page.locator('figure.doc-table.wide').first().locator('thead th').allInnerTexts()).filter((h) => h.trim());
      expect(header.length).toBeGreaterThanOrEqual(10);
      const pdf = await page.pdf({ format: 'A4' });
      const { loadSource } = await import('../../src/formats/index.js');
      const printed = (await loadSource(pdf)).text.replace(/\s+/g, '');
      // Every column heading of the widest table is on paper: none is cut off at the page edge.
      for (const h of header) expect(printed, h).toContain(h.replace(/\s+/g, ''));
      expect(printed).not.toContain('阅读工具');
    });
    expect(errors).toEqual([]);
  });

  it('changes the font size, and keeps it on the next page', async () => {
    const { page, errors } = await open(PHONE);
    await step(page, 'font', async () => {
      await page.goto(`${base}/documents/${documentId(db, CITING_NUMBER)}`);
      // The size a reader sees: the body text's rendered height per line, zoom included.
      const size = () => page.locator('.doc-body p').first().evaluate((el) => el.getBoundingClientRect().height / Math.max(1, el.getClientRects().length));
      const before = await size();
      await page.getByRole('button', { name: '放大字号' }).click();
      const bigger = await size();
      expect(bigger).toBeGreaterThan(before);
      await page.reload();
      expect(await size()).toBe(bigger);
      await page.getByRole('button', { name: '默认字号' }).click();
      expect(await size()).toBe(before);
    });
    expect(errors).toEqual([]);
  });

  it('finds a query typed in traditional characters, and offers the simplified one', async () => {
    const { page, errors } = await open();
    await step(page, 'traditional', async () => {
      const titles = async (q: string) => {
        await page.goto(`${base}/search?q=${encodeURIComponent(q)}`);
        return page.locator('.hit-title a').allInnerTexts();
      };
      const simplified = await titles('河湖长制 督查');
      expect(simplified.length).toBeGreaterThan(0);
      await page.goto(`${base}/search`);
      await page.getByRole('searchbox', { name: '检索词' }).fill('河湖長制 督查');
      await page.getByRole('button', { name: '检索', exact: true }).click();
      await page.waitForURL(/\/search\?q=/);
      expect(await page.locator('.hit-title a').allInnerTexts()).toEqual(simplified);
      const offer = page.locator('.suggestions a', { hasText: '（简体）' });
      expect(await offer.innerText()).toContain('河湖长制 督查');
      await offer.click();
      await page.waitForURL(/\/search\?q=/);
      expect(await page.locator('#q').inputValue()).toBe('河湖长制 督查');
    });
    expect(errors).toEqual([]);
  });

  it('browses by filters alone, the page and the API counting the same documents', async () => {
    const { page, errors } = await open();
    await step(page, 'browse', async () => {
      await page.goto(`${base}/search`);
      await page.locator('details.filters summary').click();
      await page.getByLabel('年度').selectOption('2022');
      await page.getByRole('button', { name: '检索', exact: true }).click();
      await page.waitForURL(/year=2022/);
      const shown = Number((await page.locator('.result-count strong').innerText()).replace(/\D/g, ''));
      expect(shown).toBeGreaterThan(10);
      const api = await page.evaluate(async () => (await (await fetch('/api/search?year=2022&pageSize=100')).json()) as { total: number; hits: { date: string | null; title: string }[] });
      expect(api.total).toBe(shown);
      expect(api.hits.length).toBe(shown);
      for (const h of api.hits.filter((x) => x.date)) expect(h.date!.slice(0, 4)).toBe('2022');
      // The page lists the API's documents, in the API's order.
      const titles = await page.locator('.hit-title a').allInnerTexts();
      expect(titles.length).toBeGreaterThan(0);
      expect(titles).toEqual(api.hits.slice(0, titles.length).map((h) => h.title));
    });
    expect(errors).toEqual([]);
  });

  it('draws the citation graph readably on a 390 px phone: one column, full size, nothing overlapping', async () => {
    const busiest = db.prepare(`SELECT d.id FROM citations c JOIN documents d ON d.id = c.doc_id AND d.is_current = 1
      GROUP BY d.id ORDER BY count(*) DESC LIMIT 1`).get() as { id: number };
    const { page, errors } = await open({ width: 390, height: 844 }, { isMobile: true, hasTouch: true });
    await step(page, 'graph-phone', async () => {
      await page.goto(`${base}/documents/${busiest.id}/graph`);
      const svg = page.locator('svg.graph:visible');
      expect(await svg.count()).toBe(1);
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scroll).toBeLessThanOrEqual(390);
      const drawn = await svg.evaluate((el) => {
        const svgEl = el as SVGSVGElement;
        const scale = svgEl.getBoundingClientRect().width / svgEl.viewBox.baseVal.width;
        const text = svgEl.querySelector('.node text') as SVGTextElement;
        const px = parseFloat(getComputedStyle(text).fontSize) * scale;
        const boxes = [...svgEl.querySelectorAll('.node rect')].map((r) => r.getBoundingClientRect());
        let overlaps = 0;
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!, b = boxes[j]!;
          if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) overlaps++;
        }
        return { px, boxes: boxes.length, overlaps };
      });
      expect(drawn.px, 'label size on screen').toBeGreaterThanOrEqual(13);
      expect(drawn.overlaps).toBe(0);
      // One box per entry of the lists under the graph, plus the document itself.
      const listed = (await page.locator('#graph-list .count').allInnerTexts()).reduce((a, t) => a + Number(t), 0);
      expect(drawn.boxes).toBe(listed + 1);
      await shot(page, 'graph-phone');
    });
    expect(errors).toEqual([]);
  });
});
