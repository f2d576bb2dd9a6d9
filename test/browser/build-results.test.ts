/**
 * The TeamCity builds panel and card on the local host's pull request page and the card on its repository page:
 * the built Custom UI (static/build-results/dist), the real resolvers and storage, and the TeamCity simulator
 * with the demo pull requests' builds. A running build finishing is driven by the simulator (its finish time) and
 * the page's clock (Playwright's fake timers), not by sleeping.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { RESULTS_POLL_MS } from '../../static/build-results/src/results-poll-interval';
import { newTestPage, screenshot, useDemoBrowserHost } from './browser-helpers';

jest.setTimeout(120_000);

describe('TeamCity builds on the pull request and repository pages', () => {
  const demo = useDemoBrowserHost({ teamcity: {}, pullRequestBuilds: true });

  const frameOf = (page: Page, moduleKey: string): FrameLocator => page.frameLocator(`section[data-module="${moduleKey}"] iframe`);
  const panelOf = (page: Page) => frameOf(page, 'teamcity-pull-request-builds');

  it('shows every configuration for the head commit in the panel, and the summary in the card', async () => {
    const { page, pageErrors, context } = await newTestPage(demo.browser, { height: 1400 });
    try {
      await page.goto(`${demo.host.url}/acme/webapp/pull-requests/1?as=demo`);
      const panel = panelOf(page);
      await panel.getByTestId('summary-line').getByText('1 failed · 1 running · 1 queued · 1 not built', { exact: false }).waitFor();
      const rows = panel.locator('[data-testid^="build-row-"]');
      await expect(rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).resolves.toEqual([
        'build-row-Acme_Webapp_Build',
        'build-row-Acme_Webapp_UnitTests',
        'build-row-Acme_Webapp_DeployStaging',
        'build-row-AcmeRelease_Production',
      ]);
      await panel.getByTestId('build-row-Acme_Webapp_Build').getByText('Tests: 3 failed (1 new), 38 passed, 1 ignored, 1 muted').waitFor();
      await panel
        .getByTestId('build-row-Acme_Webapp_DeployStaging')
        .getByText(/Queued \(#\d+ in queue\)/)
        .waitFor();
      await panel
        .getByTestId('build-row-Acme_Webapp_UnitTests')
        .getByText(/Running · \d+%/)
        .waitFor();

      const card = frameOf(page, 'teamcity-pull-request-card');
      await card.getByTestId('summary-lozenges').getByText('1 failed').waitFor();
      await card.getByTestId('summary-lozenges').getByText('1 running').waitFor();
      await screenshot(page, 'build-results-1-pull-request');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('expands a failed build: problems, first failed tests, the log tail and artifacts', async () => {
    const { page, pageErrors, context } = await newTestPage(demo.browser, { height: 2400 });
    try {
      await page.goto(`${demo.host.url}/acme/webapp/pull-requests/1?as=demo`);
      const panel = panelOf(page);
      await panel.getByTestId('expand-Acme_Webapp_Build').click();
      const details = panel.getByTestId('failure-details');
      await details.getByText('com.acme.login.SsoLoginTest.redirectsToIdentityProvider', { exact: true }).waitFor();
      await details.getByText('Process exited with code 1 (Step: Run tests (Gradle))').waitFor();
      await expect(details.getByTestId('failed-test').count()).resolves.toBe(3);
      await details.getByTestId('log-tail').getByText('Build finished', { exact: false }).waitFor();
      await details.getByTestId('artifacts').getByText('webapp.zip').waitFor();
      await details.getByTestId('artifacts').getByText('2.4 MB').waitFor();
      await screenshot(page, 'build-results-2-failure-details');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('re-runs a build and cancels a queued one after confirming', async () => {
    const { page, pageErrors, context } = await newTestPage(demo.browser, { height: 1400 });
    try {
      const sim = demo.host.simulator!;
      const before = sim.data.builds.all().length;
      await page.goto(`${demo.host.url}/acme/webapp/pull-requests/1?as=demo`);
      const panel = panelOf(page);
      await panel.getByTestId('rerun-Acme_Webapp_Build').click();
      await panel.getByTestId('rerun-notice-Acme_Webapp_Build').getByText('Build queued in TeamCity', { exact: false }).waitFor();
      const rerun = sim.data.builds.all().slice(before);
      expect(rerun).toHaveLength(1);
      expect(rerun[0]).toMatchObject({ buildTypeId: 'Acme_Webapp_Build', branchName: 'feature/login' });
      expect(rerun[0]!.properties).toEqual(expect.arrayContaining([{ name: 'bitbucket.pr.id', value: '1' }]));

      const queuedRow = panel.getByTestId('build-row-Acme_Webapp_DeployStaging');
      await queuedRow.getByTestId('cancel-Acme_Webapp_DeployStaging').click();
      await panel.getByTestId('cancel-confirm-Acme_Webapp_DeployStaging').waitFor();
      await screenshot(page, 'build-results-3-cancel-confirm');
      await panel.getByTestId('cancel-confirm-yes-Acme_Webapp_DeployStaging').click();
      await panel.getByTestId('build-state-Acme_Webapp_DeployStaging').getByText('Canceled').waitFor();
      const canceled = sim.data.builds.all().find((b) => b.buildTypeId === 'Acme_Webapp_DeployStaging' && b.branchName === 'feature/login');
      expect(canceled?.canceled?.text).toBe('Canceled from Bitbucket');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('opens the run dialog from a row, preset to that configuration and the pull request', async () => {
    const { page, pageErrors, context } = await newTestPage(demo.browser, { height: 1200 });
    try {
      await page.goto(`${demo.host.url}/acme/webapp/pull-requests/1?as=demo`);
      await panelOf(page).getByTestId('run-AcmeRelease_Production').click();
      const modal = page.frameLocator('iframe.modal-frame');
      await modal.getByRole('heading', { name: 'Run TeamCity build' }).waitFor();
      await modal.locator('input[name="build-configuration"][value="AcmeRelease_Production"]:checked').waitFor({ state: 'attached' });
      await modal.getByText('Pull request #1', { exact: false }).first().waitFor();
      await screenshot(page, 'build-results-6-run-modal');
      await modal
        .getByTestId('close-modal')
        .or(modal.getByRole('button', { name: 'Cancel' }))
        .first()
        .click();
      await page.locator('iframe.modal-frame').waitFor({ state: 'detached' });
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('updates a running build that finishes while the panel is watched', async () => {
    const { page, pageErrors, context } = await newTestPage(demo.browser, { height: 1400 });
    try {
      await page.clock.install();
      await page.goto(`${demo.host.url}/acme/webapp/pull-requests/1?as=demo`);
      const panel = panelOf(page);
      const row = panel.getByTestId('build-row-Acme_Webapp_UnitTests');
      await row.getByText(/Running · \d+%/).waitFor();
      const running = demo.host
        .simulator!.data.builds.all()
        .find((b) => b.buildTypeId === 'Acme_Webapp_UnitTests' && b.branchName === 'feature/login')!;
      const passedBefore = Number(/(\d+) passed/.exec((await panel.getByTestId('summary-line').textContent()) ?? '')?.[1] ?? 0);
      running.finishAt = Date.now() - 1;
      // The panel's poll timer may be registered just after the row paints; advancing the page's clock one poll
      // interval at a time (bounded) fires it whenever it was set.
      const success = panel.getByTestId('build-state-Acme_Webapp_UnitTests').getByText('Success');
      for (let attempt = 0; attempt < 5 && !(await success.isVisible()); attempt++) {
        await page.clock.fastForward(RESULTS_POLL_MS + 100);
        await success.waitFor({ timeout: 3000 }).catch(() => undefined);
      }
      await success.waitFor();
      // The summary follows without a reload: one more passed than before (another test's re-run may pass too).
      const passed = async () => Number(/(\d+) passed/.exec((await panel.getByTestId('summary-line').textContent()) ?? '')?.[1] ?? 0);
      for (let i = 0; i < 100 && (await passed()) < passedBefore + 1; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await passed()).toBeGreaterThanOrEqual(passedBefore + 1);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("shows the repository's latest builds on the branch shown, and asks a viewer without a token for one", async () => {
    const { page, pageErrors, context } = await newTestPage(demo.browser);
    try {
      await page.goto(`${demo.host.url}/acme/webapp?as=demo`);
      const card = frameOf(page, 'teamcity-repository-card');
      await card.getByText('Latest builds on main').waitFor();
      await card.getByTestId('compact-row-Acme_Webapp_Build').getByText('passed').waitFor();
      await screenshot(page, 'build-results-4-repository-card');

      await page.goto(`${demo.host.url}/acme/webapp/pull-requests/1?as=carol`);
      await panelOf(page).getByTestId('needs-token').getByText('Your TeamCity token is needed', { exact: false }).waitFor();
      await screenshot(page, 'build-results-5-no-token');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
