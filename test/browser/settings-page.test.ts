/**
 * The personal settings page end to end: the built Custom UI in the local Forge host, the real resolvers
 * and storage, and the TeamCity simulator checking the token, driven through Chromium like a user would.
 * Needs `npm run build` first (static/settings-page/dist).
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { startLocalHost } from '../../local/forge-host/start-local-host';
import { createTestClock } from '../support/test-clock';
import { launchChromium, newTestPage, screenshot } from './browser-helpers';

type LocalHost = Awaited<ReturnType<typeof startLocalHost>>;
type Simulator = NonNullable<LocalHost['simulator']>;

jest.setTimeout(90_000);

describe('TeamCity access tokens settings page', () => {
  let host: LocalHost;
  let simulator: Simulator;
  let browser: Browser;
  /** The backend's clock, stopped; the pages read the same time. */
  const clock = createTestClock();

  beforeAll(async () => {
    host = await startLocalHost({ port: 0, dbPath: ':memory:', now: clock.now });
    if (!host.simulator) throw new Error('The local host started without its TeamCity simulator.');
    simulator = host.simulator;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  const openSettings = async (page: Page): Promise<FrameLocator> => {
    await page.goto(`${host.url}/account/teamcity?as=admin`);
    return page.frameLocator('iframe.forge-frame');
  };

  it('adds a token (rejecting a bad one first) and deletes it again', async () => {
    const { page, pageErrors, context } = await newTestPage(browser, { time: clock.date() });
    try {
      const app = await openSettings(page);

      // Nothing stored yet: the empty state offers the way in.
      await app.getByRole('heading', { name: 'TeamCity access tokens' }).waitFor();
      await app.getByText("You haven't added any access tokens").waitFor();
      await app.getByText('Personal access tokens are a secure way to authenticate and trigger new builds').waitFor();
      const learnMore = app.getByRole('link', { name: 'Learn more' });
      expect(await learnMore.getAttribute('href')).toBe(
        'https://www.jetbrains.com/help/teamcity/configuring-your-user-profile.html#Managing+Access+Tokens',
      );
      // "Add a token" sits top right in the empty state too, beside the empty state's own button.
      await expect(app.getByTestId('add-token-header').textContent()).resolves.toBe('Add a token');
      await screenshot(page, 'settings-page-1-empty');

      await app.getByTestId('add-token-empty').click();
      const dialog = app.getByRole('dialog', { name: 'Add an access token' });
      await dialog.waitFor();
      const serverField = dialog.getByLabel('TeamCity Server');
      const tokenField = dialog.getByLabel('Access token');
      // The dialog puts the cursor in its first field.
      await expect(serverField.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      expect(await tokenField.getAttribute('type')).toBe('password');

      // Empty submit: the UI's own required-field messages.
      await dialog.getByRole('button', { name: 'Create' }).click();
      await dialog.getByText('Enter the address of your TeamCity server.').waitFor();
      await dialog.getByText('Paste the access token you created in TeamCity.').waitFor();

      // A token TeamCity does not know: the error sits under the token field and nothing typed is lost.
      const serverUrl = simulator.url;
      await serverField.fill(serverUrl);
      await tokenField.fill('definitely-not-a-valid-token');
      await dialog.getByRole('button', { name: 'Create' }).click();
      const tokenError = dialog.getByTestId('token-error');
      await tokenError.waitFor();
      expect((await tokenError.textContent())?.trim().length).toBeGreaterThan(0);
      await expect(dialog.getByTestId('serverUrl-error').count()).resolves.toBe(0);
      expect(await serverField.inputValue()).toBe(serverUrl);
      expect(await tokenField.inputValue()).toBe('definitely-not-a-valid-token');
      expect(await tokenField.getAttribute('aria-invalid')).toBe('true');
      await screenshot(page, 'settings-page-2-invalid-token');

      // A real token for the simulator's admin user.
      const token = simulator.createToken('admin', 'bitbucket-settings-page-test');
      await tokenField.fill(token);
      await dialog.getByRole('button', { name: 'Create' }).click();
      await dialog.waitFor({ state: 'detached' });

      const row = app.getByTestId('tokens-table--table').locator('tbody tr');
      await expect(row.count()).resolves.toBe(1);
      const serverLink = row.getByTestId('token-server');
      const host127 = new URL(serverUrl).host;
      expect(await serverLink.getAttribute('href')).toContain(host127);
      expect(await serverLink.textContent()).toContain(host127);
      expect(await row.getByTestId('token-user').textContent()).toContain('admin');
      expect(await row.getByTestId('token-created').textContent()).toBe('A moment ago');
      // The exact date is in Atlaskit's tooltip on hover; no title attribute, which would add a second, native one.
      expect(await row.getByTestId('token-created').getAttribute('title')).toBeNull();
      await row.getByTestId('token-created').hover();
      await expect(app.getByRole('tooltip').textContent()).resolves.toMatch(/Mar 10, 2026, 9:30\sAM/);
      await page.mouse.move(0, 0);
      await app.getByRole('tooltip').waitFor({ state: 'detached' });
      await expect(row.getByTestId('token-last-authenticated').textContent()).resolves.toBe('A moment ago');
      // The secret never comes back to the browser.
      expect(await app.locator('body').innerHTML()).not.toContain(token);
      await screenshot(page, 'settings-page-3-token-added');

      // The list survives a reload: it comes from storage, not from the page's memory.
      await page.reload();
      const reloaded = page.frameLocator('iframe.forge-frame');
      await reloaded.getByTestId('token-server').waitFor();

      await reloaded.getByRole('button', { name: 'Delete' }).click();
      const confirm = reloaded.getByRole('dialog', { name: 'Delete access token?' });
      await confirm.waitFor();
      await confirm.getByText('removed from Bitbucket only').waitFor();
      await screenshot(page, 'settings-page-4-confirm-delete');
      // Cancel first: nothing happens.
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      await confirm.waitFor({ state: 'detached' });
      await reloaded.getByTestId('token-server').waitFor();

      await reloaded.getByRole('button', { name: 'Delete' }).click();
      await confirm.getByRole('button', { name: 'Delete' }).click();
      await confirm.waitFor({ state: 'detached' });
      await reloaded.getByText("You haven't added any access tokens").waitFor();
      await screenshot(page, 'settings-page-5-deleted');

      expect(pageErrors.filter((line) => line.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('closes the add dialog with Escape and keeps the list as it was', async () => {
    const { page, context } = await newTestPage(browser, { time: clock.date() });
    try {
      const app = await openSettings(page);
      await app.getByTestId('add-token-empty').click();
      const dialog = app.getByRole('dialog', { name: 'Add an access token' });
      await dialog.waitFor();
      await page.keyboard.type('https://teamcity.example.com');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await app.getByText("You haven't added any access tokens").waitFor();
    } finally {
      await context.close();
    }
  });

  it('says so when a new token replaces the stored one for the same server', async () => {
    const { page, context } = await newTestPage(browser, { time: clock.date() });
    try {
      const first = await host.invoke('alice', 'addToken', {
        serverUrl: simulator.url,
        token: simulator.createToken('admin', 'replaced-first'),
      });
      expect(first).toMatchObject({ ok: true });

      await page.goto(`${host.url}/account/teamcity?as=alice`);
      const app = page.frameLocator('iframe.forge-frame');
      await app.getByTestId('token-server').waitFor();
      await app.getByTestId('add-token-header').click();
      const dialog = app.getByRole('dialog', { name: 'Add an access token' });
      await dialog.getByLabel('TeamCity Server').fill(simulator.url);
      await dialog.getByLabel('Access token').fill(simulator.createToken('admin', 'replaced-second'));
      await dialog.getByRole('button', { name: 'Create' }).click();
      await dialog.waitFor({ state: 'detached' });

      const notice = app.getByTestId('token-notice');
      await notice.waitFor();
      expect(await notice.textContent()).toMatch(/^Your token for .+ was replaced\.$/);
      await expect(app.getByTestId('token-server').count()).resolves.toBe(1);
      await screenshot(page, 'settings-page-6-replaced');
    } finally {
      await context.close();
    }
  });

  it('shows a failed list load with "Try again", which recovers', async () => {
    const { page, context } = await newTestPage(browser, { time: clock.date() });
    try {
      // Every storage query fails until the faults are cleared.
      host.kvs.failNext('/api/v1/query', 1000);
      await page.goto(`${host.url}/account/teamcity?as=bob`);
      const app = page.frameLocator('iframe.forge-frame');
      const error = app.getByTestId('tokens-load-error');
      await error.waitFor();
      expect((await error.textContent())?.length).toBeGreaterThan(0);
      await screenshot(page, 'settings-page-7-load-error');

      host.kvs.clearFaults();
      await app.getByRole('button', { name: 'Try again' }).click();
      await app.getByText("You haven't added any access tokens").waitFor();
      await expect(error.count()).resolves.toBe(0);
    } finally {
      host.kvs.clearFaults();
      await context.close();
    }
  });
});
