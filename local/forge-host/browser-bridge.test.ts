/**
 * Real Chromium against the local host: a Custom UI built from the unmodified @forge/bridge runs in the
 * action modal, reaches its resolver, reads its context, shows a flag and closes itself.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import Resolver from '@forge/resolver';
import type { Browser } from 'playwright-core';
import { launchChromium, newTestPage } from '../../test/browser/browser-helpers';
import { startLocalHost, type LocalHost } from './start-local-host';

const FIXTURE_APP = `
import { invoke, view, showFlag } from '@forge/bridge';
const out = (id, text) => { const el = document.createElement('p'); el.id = id; el.textContent = text; document.body.appendChild(el); };
(async () => {
  const context = await view.getContext();
  out('context', context.extension.type + ' ' + context.extension.pullRequest.id);
  const me = await invoke('whoami', { accountId: 'forged' });
  out('whoami', me.accountId);
  await invoke('fail').catch((e) => out('failure', e.message));
  await invoke('slow').catch((e) => out('cut-off', e.message));
  const button = document.createElement('button');
  button.id = 'done';
  button.textContent = 'Done';
  button.onclick = async () => { showFlag({ id: 'f1', title: 'Build queued', type: 'success' }); await view.close(); };
  document.body.appendChild(button);
})();
`;

const resolver = new Resolver()
  .define('whoami', ({ context }) => ({ accountId: (context as { accountId: string }).accountId }))
  .define('fail', () => {
    throw new Error('no such build');
  })
  // Never settles: the host cuts it off at the invocation limit.
  .define('slow', () => new Promise(() => undefined));

/** Short, so the test does not wait Forge's 25 s; long enough for the other calls on a busy machine. */
const INVOCATION_LIMIT_MS = 3000;

describe('the bridge in Chromium', () => {
  let host: LocalHost;
  let browser: Browser;
  let staticDir: string;

  beforeAll(async () => {
    staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'forge-bridge-ui-'));
    const dist = path.join(staticDir, 'build-modal', 'dist');
    await build({
      stdin: { contents: FIXTURE_APP, resolveDir: path.resolve(__dirname, '..', '..'), loader: 'js' },
      bundle: true,
      format: 'esm',
      outfile: path.join(dist, 'app.js'),
      logLevel: 'silent',
    });
    fs.writeFileSync(
      path.join(dist, 'index.html'),
      '<!doctype html><html><head><script type="module" src="./app.js"></script></head><body></body></html>',
    );
    // The pull request page also embeds the build-results panel and card; here they are empty pages.
    fs.mkdirSync(path.join(staticDir, 'build-results', 'dist'), { recursive: true });
    fs.writeFileSync(path.join(staticDir, 'build-results', 'dist', 'index.html'), '<!doctype html><html><body></body></html>');
    host = await startLocalHost({
      teamcity: false,
      handler: resolver.getDefinitions() as never,
      staticDir,
      invocationLimitMs: INVOCATION_LIMIT_MS,
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    fs.rmSync(staticDir, { recursive: true, force: true });
  });

  it('runs an action modal end to end as the signed-in user', async () => {
    const { page, pageErrors } = await newTestPage(browser);
    await page.goto(`${host.url}/acme/webapp/pull-requests/1?as=bob`);
    await page.click('summary[aria-label="More actions"]');
    await page.click('button:has-text("Run TeamCity build")');

    const frame = page.frameLocator('.modal iframe');
    await expect(frame.locator('#context').textContent()).resolves.toBe('bitbucket:repoPullRequestAction 1');
    await expect(frame.locator('#whoami').textContent()).resolves.toBe(host.accountIdFor('bob'));
    await expect(frame.locator('#failure').textContent()).resolves.toBe('There was an error invoking the function - no such build');
    await expect(frame.locator('#cut-off').textContent({ timeout: INVOCATION_LIMIT_MS + 10_000 })).resolves.toBe(
      'There was an error invoking the function - The function did not finish within the invocation time limit (3 s) and was stopped.',
    );

    await frame.locator('#done').click();
    await page.waitForSelector('.modal', { state: 'detached' });
    await expect(page.locator('#flags .flag-success strong').textContent()).resolves.toBe('Build queued');
    // The failed and the cut-off invoke log a 500 and a 504 for their requests; nothing else may go wrong.
    expect(pageErrors.filter((e) => !e.includes('500') && !e.includes('504'))).toEqual([]);
  });
});
