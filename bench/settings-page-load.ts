/**
 * The personal settings page in headless Chromium against the local host: resolver invocations per page load
 * (bridge invokes in the host's HTTP log), time until the first token row is visible, the same for a static
 * page with the same text, and the JavaScript the page actually fetched.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { startLocalHost, type LocalHost } from '../local/forge-host/start-local-host';
import { launchChromium } from '../test/browser/browser-helpers';
import { environmentOf, findChromium, INSTALL_ADVICE } from '../test/support/chromium-path';
import { addTokensOnDistinctServers, type ExtraServers } from './distinct-servers';
import { info, kib, median, runStandalone, within, type Figure } from './figure';
import { staticPage, startStaticTextServer, type PageText } from './static-text-server';

const LOADS = 20;
const TIMED_TOKENS = 10;
/** Invocations are also counted for these token counts, one load each. */
const EXTRA_TOKEN_COUNTS = [1, 100];
const ROW = 'tbody tr';
const RESOURCE_PREFIX = '/__forge/resources/settings-page/';
const DIST = path.resolve(__dirname, '..', 'static', 'settings-page', 'dist');
const LOAD_TIMEOUT_MS = 30_000;

type Load = { ms: number; invokes: number; jsBeforeRow: string[]; jsAfterIdle: string[] };

const userFor = (tokens: number) => `bench-page-${tokens}`;

/** One navigation in a fresh context (cold cache), timed from navigation start until `waitForRow` resolves. */
async function timedLoad(
  browser: Browser,
  url: string,
  waitForRow: (page: Page) => Promise<void>,
  beforeNavigation: (page: Page) => void = () => undefined,
): Promise<{ page: Page; ms: number; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'UTC' });
  const page = await context.newPage();
  beforeNavigation(page);
  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
  await waitForRow(page);
  return { page, ms: performance.now() - started, close: () => context.close() };
}

const appRow = (page: Page) =>
  page.frameLocator('iframe.forge-frame').locator(ROW).first().waitFor({ state: 'visible', timeout: LOAD_TIMEOUT_MS });
const staticRow = (page: Page) => page.locator(ROW).first().waitFor({ state: 'visible', timeout: LOAD_TIMEOUT_MS });

async function loadSettingsPage(browser: Browser, host: LocalHost, tokens: number): Promise<Load & { text: PageText }> {
  host.httpLog.length = 0;
  const js: Array<{ file: string; afterRow: boolean }> = [];
  let rowSeen = false;
  const { page, ms, close } = await timedLoad(
    browser,
    `${host.url}/account/teamcity?as=${userFor(tokens)}`,
    async (p) => {
      await appRow(p);
      rowSeen = true;
    },
    (p) =>
      p.on('response', (response) => {
        const { pathname } = new URL(response.url());
        if (pathname.startsWith(RESOURCE_PREFIX) && pathname.endsWith('.js'))
          js.push({ file: pathname.slice(RESOURCE_PREFIX.length), afterRow: rowSeen });
      }),
  );
  try {
    // Late calls (a second listTokens, prefetches) count too, so wait for the network to go quiet.
    await page.waitForLoadState('networkidle', { timeout: LOAD_TIMEOUT_MS });
    const invokes = host.httpLog.filter((entry) => entry.path === '/__forge/bridge/invoke').length;
    return {
      ms,
      invokes,
      jsBeforeRow: js.filter((j) => !j.afterRow).map((j) => j.file),
      jsAfterIdle: js.map((j) => j.file),
      text: await pageText(page),
    };
  } finally {
    await close();
  }
}

/** A string, not a function: tsx would wrap named functions in a helper that does not exist in the page. */
const FRAME_TEXT = `(() => {
  const cells = (row, tag) => [...row.querySelectorAll(tag)].map((c) => c.innerText.trim());
  const table = document.querySelector('table');
  const head = table && table.querySelector('thead tr');
  return {
    title: document.title,
    tableHead: head ? cells(head, 'th') : [],
    rows: table ? [...table.querySelectorAll('tbody tr')].map((row) => cells(row, 'td')) : [],
    tableText: table ? table.innerText : '',
    text: document.body.innerText,
  };
})()`;

async function pageText(page: Page): Promise<PageText> {
  const frame = page.frames().find((f) => new URL(f.url()).pathname.startsWith(RESOURCE_PREFIX));
  if (!frame) throw new Error('The settings page has no Custom UI frame.');
  const lines = (text: string) =>
    text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
  const shellText = await page.evaluate(() => document.body.innerText);
  const inFrame = (await frame.evaluate(FRAME_TEXT)) as {
    title: string;
    tableHead: string[];
    rows: string[][];
    tableText: string;
    text: string;
  };
  const tableLines = new Set(lines(inFrame.tableText));
  return {
    title: inFrame.title,
    lines: [...lines(shellText), ...lines(inFrame.text).filter((l) => !tableLines.has(l))],
    tableHead: inFrame.tableHead,
    rows: inFrame.rows,
  };
}

function gzipOf(files: string[]): number {
  return [...new Set(files)].reduce((total, file) => total + gzipSync(readFileSync(path.join(DIST, file)), { level: 9 }).length, 0);
}

async function staticBaselineMs(browser: Browser, text: PageText): Promise<number[]> {
  const server = await startStaticTextServer(staticPage(text));
  try {
    await (await timedLoad(browser, server.url, staticRow)).close(); // warm-up, not counted
    const times: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const load = await timedLoad(browser, server.url, staticRow);
      times.push(load.ms);
      await load.close();
    }
    return times;
  } finally {
    await server.close();
  }
}

export async function settingsPageLoadFigures(): Promise<Figure[]> {
  const chromium = findChromium(environmentOf());
  if (!chromium.found) {
    return [{ name: 'settings page in Chromium', value: `not measured: no Chromium. ${INSTALL_ADVICE}`, budget: '—', verdict: 'SKIPPED' }];
  }
  const host = await startLocalHost({ port: 0, dbPath: ':memory:' });
  const servers: ExtraServers[] = [];
  let browser: Browser | undefined;
  try {
    for (const count of [TIMED_TOKENS, ...EXTRA_TOKEN_COUNTS]) servers.push(await addTokensOnDistinctServers(host, userFor(count), count));
    browser = await launchChromium();

    const warmUp = await loadSettingsPage(browser, host, TIMED_TOKENS); // not timed: first Chromium and host start-up
    const loads: Load[] = [];
    for (let i = 0; i < LOADS; i++) loads.push(await loadSettingsPage(browser, host, TIMED_TOKENS));
    const extra = [];
    for (const count of EXTRA_TOKEN_COUNTS) extra.push({ count, invokes: (await loadSettingsPage(browser, host, count)).invokes });
    const staticTimes = await staticBaselineMs(browser, warmUp.text);

    const invokeCounts = [{ count: TIMED_TOKENS, invokes: Math.max(...loads.map((l) => l.invokes)) }, ...extra].sort(
      (a, b) => a.count - b.count,
    );
    const appP50 = median(loads.map((l) => l.ms));
    const staticP50 = median(staticTimes);
    const first = loads[0]!;
    return [
      {
        name: `resolver invocations to show the TeamCity page (N = ${invokeCounts.map((c) => c.count).join(' / ')} tokens)`,
        value: invokeCounts.map((c) => c.invokes).join(' / '),
        budget: '1',
        verdict: within(invokeCounts.every((c) => c.invokes <= 1)),
      },
      info(`settings page: first token row visible, p50 of ${LOADS} cold loads, ${TIMED_TOKENS} tokens`, `${appP50.toFixed(0)} ms`),
      info(
        `static page with the same text (bench's own loopback server), p50 of ${LOADS}`,
        `${staticP50.toFixed(1)} ms; settings page is ${(appP50 / staticP50).toFixed(1)}× slower`,
      ),
      info(
        'settings page JS Chromium fetched before the first row / by network idle, gzip',
        `${kib(gzipOf(first.jsBeforeRow))} (${new Set(first.jsBeforeRow).size} files) / ${kib(gzipOf(first.jsAfterIdle))} (${new Set(first.jsAfterIdle).size} files)`,
      ),
    ];
  } finally {
    await browser?.close();
    await Promise.all(servers.map((s) => s.close()));
    await host.close();
  }
}

runStandalone(module, settingsPageLoadFigures);
