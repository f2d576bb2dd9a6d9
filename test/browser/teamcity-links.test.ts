/**
 * Links to TeamCity in the "Run TeamCity build" modal are only http(s) URLs on the token's own server. A hostile
 * TeamCity (here a loopback proxy in front of the simulator that rewrites every `webUrl` it returns) cannot put a
 * `javascript:`, `data:` or foreign link on the page: the links the app shows are the ones it builds from the
 * server's address (src/teamcity/teamcity-links.ts). Needs `node scripts/build-static.mjs build-modal` first.
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { startLocalHost } from '../../local/forge-host/start-local-host';
import { startHttp, type Loopback } from '../../src/teamcity/testing/loopback-server';
import { launchChromium, newTestPage, screenshot } from './browser-helpers';

type LocalHost = Awaited<ReturnType<typeof startLocalHost>>;
type Simulator = NonNullable<LocalHost['simulator']>;

jest.setTimeout(120_000);

const BUILD_DURATIONS = { queuedMs: 200, runningMs: 400 };
const FINISH_TIMEOUT_MS = 20_000;

/** Replaces every `webUrl` in a JSON document, however deep. */
const rewriteWebUrls = (value: unknown, rewrite: (url: string) => string): unknown => {
  if (Array.isArray(value)) return value.map((item) => rewriteWebUrls(item, rewrite));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === 'webUrl' && typeof item === 'string' ? rewrite(item) : rewriteWebUrls(item, rewrite),
    ]),
  );
};

describe('links to TeamCity in the build modal', () => {
  let host: LocalHost;
  let simulator: Simulator;
  let proxy: Loopback;
  let browser: Browser;
  let rewrite: (url: string) => string = (url) => url;

  beforeAll(async () => {
    host = await startLocalHost({ port: 0, dbPath: ':memory:', teamcity: { buildDurations: BUILD_DURATIONS } });
    if (!host.simulator) throw new Error('The local host started without its TeamCity simulator.');
    simulator = host.simulator;
    proxy = await startHttp((req, res, body) => {
      const headers: Record<string, string> = {};
      for (const name of ['authorization', 'accept', 'content-type']) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const method = req.method ?? 'GET';
      void fetch(`${simulator.url}${req.url ?? '/'}`, {
        method,
        headers,
        ...(method !== 'GET' && method !== 'HEAD' && { body }),
        redirect: 'manual',
      }).then(
        async (upstream) => {
          const type = upstream.headers.get('content-type') ?? 'text/plain';
          const text = await upstream.text();
          const out = type.includes('json') && text !== '' ? JSON.stringify(rewriteWebUrls(JSON.parse(text), rewrite)) : text;
          res.writeHead(upstream.status, { 'content-type': type });
          res.end(out);
        },
        () => {
          res.writeHead(502);
          res.end();
        },
      );
    });
    const added = (await host.invoke('links', 'addToken', { serverUrl: proxy.url, token: simulator.createToken('admin', 'links') })) as {
      ok: boolean;
    };
    expect(added.ok).toBe(true);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await host?.close();
  });

  const openModal = async (page: Page): Promise<FrameLocator> => {
    await page.goto(`${host.url}/acme/webapp?as=links`);
    await page.getByRole('button', { name: 'More actions' }).or(page.getByLabel('More actions')).first().click();
    await page.getByRole('menuitem', { name: 'Run TeamCity build' }).click();
    const modal = page.frameLocator('iframe.modal-frame');
    await modal.getByRole('heading', { name: 'Run TeamCity build' }).waitFor();
    return modal;
  };

  /** Chooses "Build", runs it, waits for it to finish; returns the progress panel and the recent builds. */
  const runBuild = async (modal: FrameLocator) => {
    await modal.getByLabel('Build', { exact: true }).check();
    const recent = modal.getByTestId('recent-builds');
    await recent.getByRole('button', { name: 'Run again' }).first().waitFor();
    await modal.getByTestId('run-build').click();
    const progress = modal.getByTestId('build-progress');
    await progress.getByTestId('build-state').filter({ hasText: 'Success' }).waitFor({ timeout: FINISH_TIMEOUT_MS });
    await recent.getByRole('button', { name: 'Run again' }).first().waitFor();
    return { progress, recent };
  };

  /** Every link in the modal, which must all be on the proxy: the server the token was added for. */
  const expectOnlyServerLinks = async (modal: FrameLocator) => {
    const hrefs = await modal.locator('a[href]').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href?.startsWith(`${proxy.url}/`)).toBe(true);
  };

  it.each([
    ['a javascript: URL', () => 'javascript:alert(document.domain)'],
    ['a data: URL', () => 'data:text/html,<script>alert(1)</script>'],
    // The simulator's own address: the same host, but not the server the token was added for.
    ['a URL on another origin', (url: string) => url],
    // The control: TeamCity's own links on the server are kept.
    ['its links on the server', (url: string) => url.replace(simulator.url, proxy.url)],
  ])('links only to the token’s server when TeamCity sends %s', async (what, webUrl) => {
    const { page, pageErrors, context } = await newTestPage(browser);
    rewrite = webUrl;
    try {
      const modal = await openModal(page);
      const { progress, recent } = await runBuild(modal);
      // A link TeamCity sent that may not be one is replaced by the one built from the server's address.
      const open = progress.getByRole('link', { name: 'Open in TeamCity' });
      expect(await open.getAttribute('href')).toMatch(new RegExp(`^${proxy.url}/viewLog\\.html\\?buildId=\\d+`));
      await recent.getByRole('link').first().waitFor();
      await expectOnlyServerLinks(modal);
      await screenshot(page, `teamcity-links-${what.replace(/\W+/g, '-')}`);
      expect(pageErrors).toEqual([]);
    } finally {
      rewrite = (url) => url;
      await context.close();
    }
  });
});
