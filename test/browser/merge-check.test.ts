/**
 * Required TeamCity builds in Chromium: a repository admin sets the server, a read credential and two required
 * configurations on the repository settings page; the pull request page shows "TeamCity builds passed" failing,
 * then passing once builds of the head commit finish, and Merge is enabled only then.
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { headOf } from '../../local/forge-host/bitbucket/branch-heads';
import { startLocalHost, type LocalHost } from '../../local/forge-host/start-local-host';
import { launchChromium, newTestPage, screenshot } from './browser-helpers';

jest.setTimeout(120_000);

const REQUIRED = ['Acme_Webapp_Build', 'Acme_Webapp_UnitTests'];

describe('TeamCity merge check', () => {
  let host: LocalHost;
  let browser: Browser;

  beforeAll(async () => {
    host = await startLocalHost({ port: 0, dbPath: ':memory:', teamcity: { buildDurations: { queuedMs: 300, runningMs: 2_000 } } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  const openSettings = async (page: Page, user: string): Promise<FrameLocator> => {
    await page.goto(`${host.url}/acme/webapp/admin/teamcity?as=${user}`);
    const app = page.frameLocator('iframe.forge-frame');
    await app.getByRole('heading', { name: 'TeamCity', level: 1 }).waitFor();
    return app;
  };

  it('a repository admin configures required builds; the pull request can be merged only once they passed', async () => {
    const { page, context, pageErrors } = await newTestPage(browser);
    try {
      const app = await openSettings(page, 'demo');
      await app.getByLabel('Server address').fill(host.simulator!.url);
      await app.getByTestId('save-settings').click();
      await app.getByTestId('settings-notice').waitFor();

      const secret = host.simulator!.createToken('viewer', 'bitbucket-merge-check');
      await app.getByLabel('Access token').fill(secret);
      await app.getByTestId('save-credential').click();
      await app.getByTestId('credential-row').getByText('Victor Viewer').waitFor();
      await app.getByTestId('credential-row').getByText('Connected').waitFor();

      await app.getByTestId('discover-configurations').click();
      await app.getByTestId('discover-notice').waitFor();
      for (const id of REQUIRED) await app.getByTestId(`configuration-${id}`).getByLabel('Required for merge').check();
      await app.getByTestId('save-settings').click();
      await app.getByTestId('settings-notice').waitFor();
      await app
        .getByTestId('history-section')
        .getByText(/Required for merge: Build, Unit Tests/)
        .waitFor();
      await screenshot(page, 'repo-settings-1-required-builds');

      // Members see the same settings, read-only.
      const member = await openSettings(page, 'alice');
      await member.getByTestId('read-only-notice').waitFor();
      await expect(member.getByTestId('save-settings').count()).resolves.toBe(0);

      await page.goto(`${host.url}/acme/webapp/pull-requests/1?as=demo`);
      const card = page.getByTestId('merge-checks');
      await expect(card.getByTestId('merge-check-state').textContent()).resolves.toBe('Failed');
      await expect(card.getByTestId('merge-check-message').textContent()).resolves.toMatch(
        /Build has no build of this commit; Unit Tests has no build/,
      );
      await expect(card.getByTestId('merge-button').isDisabled()).resolves.toBe(true);
      await screenshot(page, 'merge-check-1-failing');

      // TeamCity builds the head commit (as its VCS trigger would).
      const buildHead = () => {
        const sim = host.simulator!.data;
        const revision = headOf('acme', 'webapp', 'feature/login');
        for (const id of REQUIRED) {
          const bt = sim.requireBuildType(id);
          sim.builds.add({
            buildTypeId: id,
            branchName: 'feature/login',
            defaultBranch: false,
            properties: [],
            triggeredBy: sim.requireUser('admin'),
            number: String(bt.buildNumberCounter++),
            queueAtTop: false,
            cleanSources: false,
            willFail: false,
            failsToStart: false,
            revision,
          });
        }
      };
      const click = (testId: string) => Promise.all([page.waitForURL(/pull-requests\/1$/), page.getByTestId(testId).click()]);
      // Bounded: the builds finish after 2.3 s; a re-run is what a user would do (builds finishing trigger no check).
      const rerunUntilPassed = async () => {
        for (let i = 0; i < 40 && (await page.getByTestId('merge-check-state').textContent()) !== 'Passed'; i++) {
          await page.waitForTimeout(250);
          await click('rerun-check');
        }
        await expect(page.getByTestId('merge-check-state').textContent()).resolves.toBe('Passed');
      };

      buildHead();
      await click('rerun-check');
      await expect(page.getByTestId('merge-check-message').textContent()).resolves.toMatch(/is queued|is still running/);
      await expect(page.getByTestId('merge-button').isDisabled()).resolves.toBe(true);
      await screenshot(page, 'merge-check-2-running');

      await rerunUntilPassed();
      await expect(page.getByTestId('merge-check-message').textContent()).resolves.toMatch(
        /^TeamCity builds passed on [0-9a-f]{12}: Build #\d+; Unit Tests #\d+\.$/,
      );
      await expect(page.getByTestId('merge-button').isEnabled()).resolves.toBe(true);
      await screenshot(page, 'merge-check-3-passed');

      // A new commit on the source branch has no builds yet: the check fails again and Merge is disabled.
      await click('push-commit');
      await expect(page.getByTestId('merge-check-state').textContent()).resolves.toBe('Failed');
      await expect(page.getByTestId('merge-button').isDisabled()).resolves.toBe(true);

      buildHead();
      await rerunUntilPassed();
      await click('merge-button');
      await page.getByTestId('merged').waitFor();
      await expect(page.getByTestId('merge-check').getAttribute('data-state')).resolves.toBe('passed');
      expect(pageErrors).toEqual([]);
      expect(JSON.stringify(host.kvs.rawEntries().filter((e) => !e.secret))).not.toContain(secret);
    } finally {
      await context.close();
    }
  });
});
