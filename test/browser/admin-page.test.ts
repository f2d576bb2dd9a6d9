/**
 * The workspace settings page "TeamCity" in Chromium: members are turned away by the resolver, an admin edits
 * the allowlist and default server, sees how many users use each server, and saves; the result reaches users.
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { startLocalHost } from '../../local/forge-host/start-local-host';
import type { Result } from '../../src/shared/result';
import type { ListTokensResponse } from '../../src/shared/schemas';
import { launchChromium, newTestPage, screenshot } from './browser-helpers';

type LocalHost = Awaited<ReturnType<typeof startLocalHost>>;

jest.setTimeout(90_000);

describe('TeamCity workspace settings page', () => {
  let host: LocalHost;
  let browser: Browser;

  beforeAll(async () => {
    host = await startLocalHost({ port: 0, dbPath: ':memory:' });
    browser = await launchChromium();
    for (const user of ['uma', 'vera']) {
      const added = (await host.invoke(user, 'addToken', {
        serverUrl: host.simulator!.url,
        token: host.simulator!.createToken('developer', user),
      })) as Result<unknown>;
      expect(added.ok).toBe(true);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  const open = async (page: Page, user: string): Promise<FrameLocator> => {
    await page.goto(`${host.url}/acme/workspace/settings/teamcity?as=${user}`);
    const app = page.frameLocator('iframe.forge-frame');
    await app.getByRole('heading', { name: 'TeamCity', level: 1 }).waitFor();
    return app;
  };

  it('tells a member that only workspace admins can change it, and shows them nothing else', async () => {
    const { page, context } = await newTestPage(browser);
    try {
      const app = await open(page, 'alice');
      await app.getByTestId('policy-forbidden').getByText('Workspace admins only').waitFor();
      await app.getByText('Only workspace admins can see or change the TeamCity settings of this workspace.').waitFor();
      await expect(app.getByTestId('save-policy').count()).resolves.toBe(0);
      await expect(app.getByText(host.simulator!.url).count()).resolves.toBe(0);
      await screenshot(page, 'admin-page-1-member');
    } finally {
      await context.close();
    }
  });

  it('lets an admin edit the allowlist and default server, with counts and validation, and saves it', async () => {
    const { page, context, pageErrors } = await newTestPage(browser);
    const sim = host.simulator!.url;
    try {
      const app = await open(page, 'demo');
      await page.getByRole('navigation', { name: 'Workspace settings' }).getByRole('link', { name: 'TeamCity' }).waitFor();
      await app.getByTestId('allowed-servers-empty').waitFor();
      const inUse = app.getByTestId('other-server');
      await expect(inUse.innerText()).resolves.toMatch(new RegExp(`${sim.replace(/[.:/]/g, '\\$&')}\\s+2 users`));
      await screenshot(page, 'admin-page-2-open');

      const field = app.getByLabel('Add a server');
      const addServer = async (text: string) => {
        await field.fill(text);
        await app.getByTestId('add-server').click();
      };
      await addServer('ftp://teamcity.example.com');
      await app.getByTestId('newServer-error').waitFor();
      await addServer('TeamCity.Example.com/');
      await addServer('https://teamcity.example.com:443');
      await expect(app.getByTestId('newServer-error').textContent()).resolves.toBe('https://teamcity.example.com is already in the list.');
      await addServer(sim);
      await addServer('ci.example.org/tc/');
      const servers = app.getByTestId('allowed-server');
      await expect(servers.allTextContents()).resolves.toEqual(['https://teamcity.example.com', sim, 'https://ci.example.org/tc']);
      const simRow = app.getByTestId('allowed-server-row').filter({ hasText: sim });
      await expect(simRow.getByTestId('allowed-server-users').textContent()).resolves.toBe('2 users');

      // A default that is not on the list is refused by the backend, next to the field.
      await app.getByLabel('Default server', { exact: true }).fill('https://elsewhere.example.com');
      await app.getByTestId('save-policy').click();
      await expect(app.getByTestId('defaultServerUrl-error').textContent()).resolves.toBe(
        'The default server must be one of the allowed servers.',
      );
      await screenshot(page, 'admin-page-3-validation');

      await app.getByRole('button', { name: 'Use https://teamcity.example.com as the default server' }).click();
      await expect(app.getByLabel('Default server', { exact: true }).inputValue()).resolves.toBe('https://teamcity.example.com');
      await simRow.getByTestId('remove-server').click();
      await app.getByTestId('save-policy').click();
      await app.getByTestId('policy-notice').waitFor();
      await expect(servers.allTextContents()).resolves.toEqual(['https://teamcity.example.com', 'https://ci.example.org/tc']);
      // The simulator's users keep their tokens; the page says they can't run builds there.
      await expect(inUse.innerText()).resolves.toMatch(/2 users\s+Not allowed/);
      await screenshot(page, 'admin-page-4-saved');

      // Users get the new policy, and a reload shows what was stored.
      const listed = (await host.invoke('uma', 'listTokens', {})) as Result<ListTokensResponse>;
      expect(listed).toMatchObject({
        ok: true,
        data: {
          policy: {
            allowedServers: ['https://teamcity.example.com', 'https://ci.example.org/tc'],
            defaultServerUrl: 'https://teamcity.example.com',
          },
        },
      });
      await page.reload();
      const reloaded = page.frameLocator('iframe.forge-frame');
      await expect(reloaded.getByTestId('allowed-server').allTextContents()).resolves.toEqual([
        'https://teamcity.example.com',
        'https://ci.example.org/tc',
      ]);
      await expect(reloaded.getByLabel('Default server', { exact: true }).inputValue()).resolves.toBe('https://teamcity.example.com');
      await expect(reloaded.getByTestId('save-policy').isDisabled()).resolves.toBe(true);
      expect(pageErrors.filter((l) => l.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows a failed load with "Try again", which recovers', async () => {
    const { page, context } = await newTestPage(browser);
    try {
      host.kvs.failNext('/api/v1/get', 1000);
      await page.goto(`${host.url}/acme/workspace/settings/teamcity?as=demo`);
      const app = page.frameLocator('iframe.forge-frame');
      await app.getByTestId('policy-load-error').waitFor();
      await screenshot(page, 'admin-page-5-load-error');
      host.kvs.clearFaults();
      await app.getByRole('button', { name: 'Try again' }).click();
      await app.getByRole('heading', { name: 'Allowed TeamCity servers' }).waitFor();
    } finally {
      host.kvs.clearFaults();
      await context.close();
    }
  });
});
