/**
 * Shared plumbing for browser tests: a Chromium found by test/support/chromium-path.ts (CHROMIUM_PATH, PATH,
 * install locations) driven by playwright-core, pages that fail the test on uncaught errors, and screenshots
 * in test-artifacts/ for a human to look at after a run.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type FrameLocator, type Page, chromium } from 'playwright-core';
import { startLocalHost, type LocalHost, type LocalHostOptions } from '../../local/forge-host/start-local-host';
import type { TeamCitySimulator } from '../../local/teamcity-simulator';
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

export type DemoBrowserHost = { host: LocalHost; simulator: TeamCitySimulator; browser: Browser; close: () => Promise<void> };

/**
 * What the run-dialog and build-results suites start from: a local host with its TeamCity simulator, a token of
 * TeamCity's `admin` stored for Bitbucket's `demo` user through the real addToken resolver, and Chromium.
 */
export async function startDemoBrowserHost(options: LocalHostOptions): Promise<DemoBrowserHost> {
  const host = await startLocalHost({ port: 0, dbPath: ':memory:', ...options });
  const simulator = host.simulator;
  if (!simulator) throw new Error('The local host started without its TeamCity simulator.');
  const added = (await host.invoke('demo', 'addToken', { serverUrl: simulator.url, token: simulator.createToken('admin', 'e2e') })) as {
    ok: boolean;
  };
  if (!added.ok) throw new Error('The demo token could not be added.');
  const browser = await launchChromium();
  return {
    host,
    simulator,
    browser,
    close: async () => {
      await browser.close();
      await host.close();
    },
  };
}

/**
 * A suite's demo host, started before its tests and closed after them; its fields are filled in by `beforeAll`.
 */
export function useDemoBrowserHost(options: LocalHostOptions): Omit<DemoBrowserHost, 'close'> {
  const live = {} as DemoBrowserHost;
  beforeAll(async () => void Object.assign(live, await startDemoBrowserHost(options)));
  afterAll(() => live.close?.());
  return live;
}

/** Opens a repository or pull request page and the app's action in its "•••" menu; returns the modal's frame. */
export async function openRunModal(page: Page, url: string): Promise<FrameLocator> {
  await page.goto(url);
  await page.getByRole('button', { name: 'More actions' }).or(page.getByLabel('More actions')).first().click();
  await page.getByRole('menuitem', { name: 'Run TeamCity build' }).click();
  const modal = page.frameLocator('iframe.modal-frame');
  await modal.getByRole('heading', { name: 'Run TeamCity build' }).waitFor();
  return modal;
}
