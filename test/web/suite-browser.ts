// Chromium for a suite that prints or screenshots without a server (kept
// apart from harness.ts, which the global setup imports outside any suite).
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM, chromiumPolicy, FLAGS, warnIfNoChromium } from './harness.js';

/** Chromium for a suite that needs no server (printing PDFs): launched before its tests when the policy says run. */
export function suiteBrowser(suite: string): { run: boolean; browser: () => Browser } {
  const run = chromiumPolicy() === 'run';
  warnIfNoChromium(suite);
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (run) browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });
  return { run, browser: () => browser! };
}

