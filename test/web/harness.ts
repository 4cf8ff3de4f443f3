// One browser harness for the browser suites: the app served on a free
// loopback port and Debian's Chromium driven by playwright-core (never a
// downloaded browser). Without Chromium the suites skip and say so, except
// under CI (CI=true), where a missing Chromium fails the run: CI installs it.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const SHOTS = join(import.meta.dirname, '../../test-results/screenshots');
export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 900 };

/** The flags a root, offline, headless Chromium needs here (no background connections). */
export const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** run: Chromium is there; skip: it is not, outside CI; fail: it is not, under CI. */
export function chromiumPolicy(exists = hasChromium, env: NodeJS.ProcessEnv = process.env): 'run' | 'skip' | 'fail' {
  if (exists) return 'run';
  return env.CI && env.CI !== 'false' && env.CI !== '0' ? 'fail' : 'skip';
}

export const noChromiumLine = () => `未找到 Chromium（${CHROMIUM}；apt-get install chromium，或设置 CHROMIUM_PATH）`;

/** Says that a suite skips, or under CI fails its file, when Chromium is missing. */
export function warnIfNoChromium(suite: string): void {
  const policy = chromiumPolicy();
  if (policy === 'fail') throw new Error(`[${suite}] CI 中必须运行浏览器测试：${noChromiumLine()}`);
  if (policy === 'skip') console.warn(`[${suite}] 跳过浏览器测试：${noChromiumLine()}`);
}

export interface Harness {
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function startHarness(app: Hono<any>): Promise<Harness> {
  mkdirSync(SHOTS, { recursive: true });
  let server!: ReturnType<typeof serve>;
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  return {
    base,
    browser,
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
