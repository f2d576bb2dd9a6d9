/**
 * Token health on the TeamCity page, in Chromium: the status lozenge beside each server after the page checks
 * stale tokens on its own, the "Check" action, expiry warnings, "Not allowed" after the admin narrows the
 * allowlist, and "Replace token". Real resolvers, storage and TeamCity simulators throughout.
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { startLocalHost } from '../../local/forge-host/start-local-host';
import { workspaceSettingsExtension } from '../../local/forge-host/runtime/extension-context';
import { startTeamCitySimulator, type TeamCitySimulator } from '../../local/teamcity-simulator';
import type { Result } from '../../src/shared/result';
import type { AddTokenResponse, TokenView } from '../../src/shared/schemas';
import { storageKeys } from '../../src/stores/storage-keys';
import { createTestClock } from '../support/test-clock';
import { launchChromium, newTestPage, screenshot } from './browser-helpers';

type LocalHost = Awaited<ReturnType<typeof startLocalHost>>;

jest.setTimeout(90_000);

const DAY = 24 * 60 * 60 * 1000;

describe('token status on the TeamCity page', () => {
  let host: LocalHost;
  let browser: Browser;
  const extra: TeamCitySimulator[] = [];
  /** The backend's and the simulators' clock, stopped; each page starts its own from it. */
  const clock = createTestClock();
  const openPage = () => newTestPage(browser, { time: clock.date() });

  beforeAll(async () => {
    host = await startLocalHost({ port: 0, dbPath: ':memory:', now: clock.now });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(extra.map((s) => s.close()));
    await host?.close();
  });

  const add = async (user: string, sim: TeamCitySimulator, teamcityUser: string, opts?: { expiresAt?: Date }) => {
    // Tokens are made a second apart, as people make them: TeamCity's creation times tell ours from older ones.
    clock.advance(1000);
    const secret = sim.createToken(teamcityUser, `browser-${Math.random().toString(36).slice(2)}`, opts);
    const added = (await host.invoke(user, 'addToken', { serverUrl: sim.url, token: secret })) as Result<AddTokenResponse>;
    if (!added.ok) throw new Error(`addToken failed: ${added.error.message}`);
    return { token: added.data.token, secret };
  };
  /** As if the last check had been two hours ago, so opening the page checks the token again. */
  const makeStale = (user: string, token: TokenView) =>
    host.kvs.writeRaw(storageKeys.tokenStatus(host.accountIdFor(user), token.id), {
      lastAuthenticatedAt: token.lastAuthenticatedAt,
      health: { status: 'connected', checkedAt: clock.iso(-2 * 60 * 60 * 1000), expiresAt: token.expiresAt },
    });
  const openSettings = async (page: Page, user: string): Promise<FrameLocator> => {
    await page.goto(`${host.url}/account/teamcity?as=${user}`);
    const app = page.frameLocator('iframe.forge-frame');
    await app.getByTestId('tokens-table--table').waitFor();
    return app;
  };
  const row = (app: FrameLocator, token: TokenView) => app.getByTestId(`token-row-${token.id}`);
  const statusOf = (app: FrameLocator, token: TokenView) => row(app, token).getByTestId('token-status');

  it('checks stale tokens when the page opens and shows each status beside its server', async () => {
    const sims = await Promise.all([0, 1, 2].map(() => startTeamCitySimulator({ now: clock.now })));
    extra.push(...sims);
    const [revokedSim, deniedSim, downSim] = sims as [TeamCitySimulator, TeamCitySimulator, TeamCitySimulator];
    const main = host.simulator!;
    const ok = await add('rita', main, 'admin', { expiresAt: clock.date(3.5 * DAY) });
    const revoked = await add('rita', revokedSim, 'developer');
    const denied = await add('rita', deniedSim, 'viewer');
    const down = await add('rita', downSim, 'admin');
    for (const t of [ok, revoked, denied, down]) makeStale('rita', t.token);
    revokedSim.revokeToken(revoked.secret);
    deniedSim.data.setAccessDenied('viewer', true);
    downSim.setFault('status503');
    // This server answers the check only after a while: the list shows meanwhile, with "Checking…".
    main.setFault('slow', { path: '/app/rest/users/current/tokens', times: 1, delayMs: 2500 });

    const { page, context, pageErrors } = await openPage();
    try {
      const app = await openSettings(page, 'rita');
      await expect(row(app, ok.token).getByTestId('token-server').textContent()).resolves.toContain(main.url);
      await statusOf(app, ok.token).getByText('Checking…').waitFor();
      await screenshot(page, 'token-health-0-checking');
      await statusOf(app, ok.token).getByText('Connected').waitFor();
      await statusOf(app, revoked.token).getByText('Expired or revoked').waitFor();
      await statusOf(app, denied.token).getByText('No access').waitFor();
      await statusOf(app, down.token).getByText('Unreachable').waitFor();
      // "admin on TeamCity 2025.11" and the expiry warning, in the server cell (no extra columns).
      await expect(row(app, ok.token).locator('td').first().innerText()).resolves.toMatch(/Administrator \(admin\)\s+on TeamCity 2025\.11/);
      await expect(row(app, ok.token).getByTestId('token-expiry').textContent()).resolves.toBe('⚠ Expires in 3 days');
      await expect(app.getByTestId('tokens-table--table').locator('thead th').count()).resolves.toBe(4);
      // The successful check moved "Last authenticated" to now; the failed ones kept theirs.
      await expect(row(app, ok.token).getByTestId('token-last-authenticated').textContent()).resolves.toBe('A moment ago');
      // The reason is in the tooltip (and its hidden copy that describes the status for screen readers).
      expect(await statusOf(app, denied.token).getAttribute('title')).toBeNull();
      await statusOf(app, denied.token).hover();
      await expect(app.getByRole('tooltip').textContent()).resolves.toMatch(/403/);
      await page.mouse.move(0, 0);
      await app.getByRole('tooltip').waitFor({ state: 'detached' });
      await screenshot(page, 'token-health-1-statuses');

      // Server back and access restored: "Check" turns the rows green again.
      downSim.setFault(null);
      deniedSim.data.setAccessDenied('viewer', false);
      for (const t of [denied, down]) await row(app, t.token).getByTestId('check-token').click();
      await statusOf(app, denied.token).getByText('Connected').waitFor();
      await statusOf(app, down.token).getByText('Connected').waitFor();
      await screenshot(page, 'token-health-2-checked-again');
      expect(await app.locator('body').innerHTML()).not.toContain(ok.secret);
      expect(pageErrors.filter((l) => l.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('marks tokens for servers the admin no longer allows as "Not allowed" and pre-fills the default server', async () => {
    const { token } = await add('sami', host.simulator!, 'developer');
    const save = (allowedServers: string[], defaultServerUrl: string | null) =>
      host.invoke('demo', 'saveWorkspacePolicy', { allowedServers, defaultServerUrl }, workspaceSettingsExtension());
    expect(await save(['https://teamcity.example.com'], 'https://teamcity.example.com')).toMatchObject({ ok: true });
    const { page, context } = await openPage();
    try {
      const app = await openSettings(page, 'sami');
      await statusOf(app, token).getByText('Not allowed').waitFor();
      await app.getByTestId('add-token-header').click();
      const dialog = app.getByRole('dialog', { name: 'Add an access token' });
      await expect(dialog.getByLabel('TeamCity Server').inputValue()).resolves.toBe('https://teamcity.example.com');
      await dialog.getByText('Your workspace allows https://teamcity.example.com.').waitFor();
      // A server outside the list: refused, and the message names the allowed one.
      await dialog.getByLabel('TeamCity Server').fill(host.simulator!.url);
      await dialog.getByLabel('Access token').fill(host.simulator!.createToken('developer', 'outside'));
      await dialog.getByRole('button', { name: 'Create' }).click();
      await expect(dialog.getByTestId('serverUrl-error').textContent()).resolves.toContain('only for https://teamcity.example.com');
      await screenshot(page, 'token-health-3-not-allowed');
    } finally {
      await context.close();
      expect(await save([], null)).toMatchObject({ ok: true });
    }
  });

  it('replaces a token: a rejected one changes nothing, a good one takes over', async () => {
    const sim = host.simulator!;
    const { token, secret: oldSecret } = await add('tara', sim, 'developer');
    const { page, context } = await openPage();
    try {
      const app = await openSettings(page, 'tara');
      await row(app, token).getByTestId('replace-token').click();
      const dialog = app.getByRole('dialog', { name: 'Replace access token' });
      await dialog.waitFor();
      await dialog.getByText(sim.url).waitFor();
      const field = dialog.getByLabel('New access token');
      await expect(field.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      expect(await field.getAttribute('type')).toBe('password');

      const rejected = sim.createToken('developer', 'rejected');
      sim.revokeToken(rejected);
      await field.fill(rejected);
      await dialog.getByRole('button', { name: 'Replace' }).click();
      await dialog.getByTestId('token-error').waitFor();
      await screenshot(page, 'token-health-4-replace-rejected');

      clock.advance(1000);
      const fresh = sim.createToken('developer', 'fresh', { expiresAt: clock.date(20.5 * DAY) });
      await field.fill(fresh);
      await dialog.getByRole('button', { name: 'Replace' }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect(app.getByTestId('token-notice').textContent()).resolves.toMatch(/was replaced/);
      await expect(row(app, token).getByTestId('token-expiry').textContent()).resolves.toBe('Expires in 20 days');
      await screenshot(page, 'token-health-5-replaced');

      // The stored token is the new one: the old one can go in TeamCity and "Check" still connects.
      sim.revokeToken(oldSecret);
      await row(app, token).getByTestId('check-token').click();
      await statusOf(app, token).getByText('Connected').waitFor();
      expect(await app.locator('body').innerHTML()).not.toContain(fresh);
    } finally {
      await context.close();
    }
  });
});
