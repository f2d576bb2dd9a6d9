/**
 * Shared plumbing for browser tests: a Chromium found by test/support/chromium-path.ts (CHROMIUM_PATH, PATH,
 * install locations) driven by playwright-core, pages that fail the test on uncaught errors, and screenshots
 * in test-artifacts/ for a human to look at after a run.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { environmentOf, findChromium, INSTALL_ADVICE } from '../support/chromium-path';

export const ARTIFACTS_DIR = join(__dirname, '..', '..', 'test-artifacts');

/** Flags for a container without a GPU or sandbox, and no traffic beyond the loopback servers under test. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  const lookup = findChromium(environmentOf());
  // `npm test` stops before jest without one (scripts/ensure-chromium.ts); this is for a bare `npx jest`.
  if (!lookup.found) throw new Error(`No Chromium for the browser tests. ${lookup.reason} ${INSTALL_ADVICE}`);
  return chromium.launch({ executablePath: lookup.path, args: CHROMIUM_ARGS });
}

export type TestPage = {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and console errors seen so far, for an `expect(...).toEqual([])` at the end. */
  pageErrors: string[];
};

export type TestPageOptions = {
  width?: number;
  height?: number;
  /**
   * What `Date` says in every frame of the pages (a test clock's `date()`, the time the app's backend sees), so
   * what the UI computes from "now" matches the backend's times rather than the wall clock's. Timers keep
   * running at the machine's pace (https://playwright.dev/docs/clock, "setFixedTime").
   */
  time?: Date;
};

export async function newTestPage(browser: Browser, options: TestPageOptions = {}): Promise<TestPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  if (options.time) await context.clock.setFixedTime(options.time);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
  });
  // Frames (the Custom UI iframe) report through the same page events.
  return { context, page, pageErrors };
}

/** Saves test-artifacts/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name.replace(/[^a-zA-Z0-9._-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
