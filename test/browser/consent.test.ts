/**
 * Forge's consent step in the local host, end to end in Chromium: a user who has not allowed the app access
 * opens "Run TeamCity build", the app's first asUser() Bitbucket read fails with NEEDS_AUTHENTICATION_ERR, and
 * the host covers the modal with "Allow access" as Bitbucket does. Allowing reloads the app, which then works;
 * denying leaves the app with its rejected invoke. Needs `npm run build` first (static/build-modal/dist).
 */
import type { Browser, Page } from 'playwright-core';
import { startLocalHost } from '../../local/forge-host/start-local-host';
import { addedTokenId } from '../security/support/host-calls';
import { launchChromium, newTestPage, screenshot } from './browser-helpers';

type LocalHost = Awaited<ReturnType<typeof startLocalHost>>;

jest.setTimeout(120_000);

describe('consent before the app acts as the user', () => {
  let host: LocalHost;
  let browser: Browser;

  beforeAll(async () => {
    host = await startLocalHost({ port: 0, dbPath: ':memory:', consent: 'ask' });
    const simulator = host.simulator!;
    for (const user of ['nina', 'omar', 'pia']) await addedTokenId(host, user, simulator.url, simulator.createToken('admin', user));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  const openAction = async (page: Page, user: string) => {
    await page.goto(`${host.url}/acme/webapp?as=${user}`);
    await page.getByRole('button', { name: 'More actions' }).or(page.getByLabel('More actions')).first().click();
    await page.getByRole('menuitem', { name: 'Run TeamCity build' }).click();
    const prompt = page.getByRole('dialog', { name: 'Allow access to Run TeamCity build?' });
    await prompt.waitFor();
    return prompt;
  };

  it('asks a new user for access in place of the modal, and the modal works once allowed', async () => {
    const { page, context } = await newTestPage(browser);
    try {
      const prompt = await openAction(page, 'nina');
      expect(host.consent.has('nina')).toBe(false);
      await screenshot(page, 'consent-1-prompt');

      await prompt.getByRole('button', { name: 'Allow access' }).click();
      await prompt.waitFor({ state: 'detached' });
      expect(host.consent.has('nina')).toBe(true);
      const modal = page.frameLocator('iframe.modal-frame');
      const list = modal.getByTestId('configuration-list');
      await list.getByText('Unit Tests').waitFor();
      await screenshot(page, 'consent-2-allowed');

      // Asked once: the next visit goes straight to the app.
      await page.goto(`${host.url}/acme/webapp`);
      await page.getByRole('button', { name: 'More actions' }).or(page.getByLabel('More actions')).first().click();
      await page.getByRole('menuitem', { name: 'Run TeamCity build' }).click();
      await modal.getByTestId('configuration-list').getByText('Unit Tests').waitFor();
      await expect(page.locator('.consent').count()).resolves.toBe(0);
    } finally {
      await context.close();
    }
  });

  it('leaves the app with its rejected invoke when the user denies access', async () => {
    const { page, context } = await newTestPage(browser);
    try {
      const prompt = await openAction(page, 'omar');
      await prompt.getByRole('button', { name: 'Deny' }).click();
      await prompt.waitFor({ state: 'detached' });
      expect(host.consent.has('omar')).toBe(false);
      const modal = page.frameLocator('iframe.modal-frame');
      await modal.getByRole('heading', { name: 'Run TeamCity build' }).waitFor();
      await expect(modal.getByTestId('configuration-list').count()).resolves.toBe(0);
      // The typed client recognises the declined consent and says what to do, in place of "couldn't reach".
      await modal.getByTestId('build-setup-error').getByText('Allow the app access to Bitbucket to use TeamCity here.').waitFor();
      await screenshot(page, 'consent-3-denied');
    } finally {
      await context.close();
    }
  });

  it('lets one Allow release every frame of the page that asked', async () => {
    const { page, context } = await newTestPage(browser, { height: 1200 });
    try {
      await page.goto(`${host.url}/acme/webapp/pull-requests/1?as=pia`);
      // The panel and the card both read Bitbucket as the user, so both ask.
      await expect(page.locator('.consent').first().waitFor()).resolves.toBeUndefined();
      for (let i = 0; i < 50 && (await page.locator('.consent').count()) < 2; i++) await page.waitForTimeout(100);
      expect(await page.locator('.consent').count()).toBe(2);
      await page.getByRole('button', { name: 'Allow access' }).first().click();
      await page.locator('.consent').first().waitFor({ state: 'detached' });
      expect(await page.locator('.consent').count()).toBe(0);
      const panel = page.frameLocator('section[data-module="teamcity-pull-request-builds"] iframe');
      await panel.getByTestId('summary-line').waitFor();
      expect(host.consent.has('pia')).toBe(true);
    } finally {
      await context.close();
    }
  });
});
