/**
 * The "Run TeamCity build" modal end to end: the built Custom UI in the local Forge host's repository and
 * pull request pages, the real resolvers and storage, and the TeamCity simulator running the build.
 * Needs `node scripts/build-static.mjs build-modal` first (static/build-modal/dist).
 */
import { viewBuild } from '../../local/teamcity-simulator/builds';
import type { FrameLocator, Page } from 'playwright-core';
import { newTestPage, openRunModal, screenshot, useDemoBrowserHost } from './browser-helpers';

jest.setTimeout(120_000);

/** Queued and running long enough to be seen, short enough to keep the test quick. */
const BUILD_DURATIONS = { queuedMs: 300, runningMs: 800 };
const FINISH_TIMEOUT_MS = 20_000;

describe('Run TeamCity build modal', () => {
  const demo = useDemoBrowserHost({ teamcity: { buildDurations: BUILD_DURATIONS } });

  const openModal = (page: Page, path: string): Promise<FrameLocator> => openRunModal(page, `${demo.host.url}${path}`);

  const simulatorBuilds = () => demo.simulator.data.builds.all();
  /** Polls a condition on the simulator's side (bounded), for states the page cannot tell apart yet. */
  const waitFor = async (condition: () => boolean, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it('runs a build configuration of the repository on its main branch and follows it to SUCCESS', async () => {
    const { page, pageErrors, context } = await newTestPage(demo.browser);
    try {
      const buildsBefore = simulatorBuilds().length;
      const modal = await openModal(page, '/acme/webapp?as=demo');

      // Only configurations whose VCS roots fetch acme/webapp, grouped under their project.
      const list = modal.getByTestId('configuration-list');
      await list.waitFor();
      await list.getByRole('group', { name: 'Acme :: Webapp' }).waitFor();
      await list.getByText('Unit Tests').waitFor();
      await expect(list.getByText('Lint').count()).resolves.toBe(0);
      await expect(list.getByText('Android').count()).resolves.toBe(0);
      await modal.getByText('TeamCity server: 127.0.0.1').waitFor();

      // The branch defaults to the repository's main branch.
      await modal.getByTestId('branch-select-select--value-container').getByText('main', { exact: true }).waitFor();
      await screenshot(page, 'build-modal-1-repository');

      // Running without a choice points at the missing configuration instead of calling the backend.
      await modal.getByTestId('run-build').click();
      await modal.getByTestId('configuration-error').getByText('Choose a build configuration.').waitFor();
      expect(simulatorBuilds()).toHaveLength(buildsBefore);

      await modal.getByLabel('Build', { exact: true }).check();
      // Recent builds of this configuration on main come from TeamCity's history.
      const recent = modal.getByTestId('recent-builds');
      await recent.getByText('Recent builds on main').waitFor();
      await expect(recent.getByRole('button', { name: 'Run again' }).count()).resolves.toBeGreaterThan(0);
      await screenshot(page, 'build-modal-2-configuration-chosen');

      await modal.getByTestId('run-build').click();
      const progress = modal.getByTestId('build-progress');
      await progress.waitFor();
      // The Run button the user pressed is gone: focus moves to the progress heading.
      await progress.locator('[data-testid="build-progress-heading"]:focus').waitFor();
      const link = progress.getByRole('link', { name: 'Open in TeamCity' });
      expect(await link.getAttribute('href')).toMatch(new RegExp(`^${demo.simulator.url}/`));
      await screenshot(page, 'build-modal-3-started');

      const state = progress.getByTestId('build-state');
      await expect(state.filter({ hasText: 'Success' }).waitFor({ timeout: FINISH_TIMEOUT_MS })).resolves.toBeUndefined();
      await progress
        .getByTestId('build-title')
        .filter({ hasText: /^Build #\d+$/ })
        .waitFor();
      await expect(progress.getByTestId('cancel-build').count()).resolves.toBe(0);
      await screenshot(page, 'build-modal-4-finished');
      // Back to the form, focus starts at its first control (here the configuration search: one server).
      await modal.getByTestId('run-another').click();
      await modal.locator('#configuration-search:focus').waitFor();

      const started = simulatorBuilds().slice(buildsBefore);
      expect(started).toHaveLength(1);
      expect(started[0]).toMatchObject({ buildTypeId: 'Acme_Webapp_Build', branchName: 'main' });
      expect(started[0]!.triggeredBy.username).toBe('admin');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('runs the pull request’s source branch with the pull request context and a user parameter', async () => {
    const { page, pageErrors, context } = await newTestPage(demo.browser);
    try {
      const buildsBefore = simulatorBuilds().length;
      const modal = await openModal(page, '/acme/webapp/pull-requests/1?as=demo');
      await modal.getByText('acme/webapp · Pull request #1: Add login with SSO').waitFor();

      // The configuration run last in this repository is chosen again; the branch is the PR's source.
      await modal.getByTestId('configuration-list').waitFor();
      await expect(modal.getByLabel('Build', { exact: true }).isChecked()).resolves.toBe(true);
      await modal.getByTestId('branch-select-select--value-container').getByText('feature/login', { exact: true }).waitFor();

      await modal.getByRole('button', { name: 'More options' }).click();
      await modal.getByTestId('pr-context').getByText('bitbucket.pr.title').waitFor();
      await modal.getByTestId('parameter-add').click();
      // A name the backend would refuse is flagged as it is typed.
      await modal.getByLabel('Parameter 1 name').fill('bitbucket.pr.id');
      await modal.getByText('Names starting with "bitbucket.pr." are set by the app from the pull request.').waitFor();
      await modal.getByLabel('Parameter 1 name').fill('env.E2E_MARKER');
      await modal.getByLabel('Parameter 1 value').fill('from-the-modal');
      await modal.getByTestId('build-comment').fill('Started by the browser test');
      await screenshot(page, 'build-modal-5-pull-request-options');

      await modal.getByTestId('run-build').click();
      const progress = modal.getByTestId('build-progress');
      await progress.getByTestId('build-state').filter({ hasText: 'Success' }).waitFor({ timeout: FINISH_TIMEOUT_MS });
      await screenshot(page, 'build-modal-6-pull-request-finished');

      const started = simulatorBuilds().slice(buildsBefore);
      expect(started).toHaveLength(1);
      const build = started[0]!;
      expect(build).toMatchObject({
        buildTypeId: 'Acme_Webapp_Build',
        branchName: 'feature/login',
        comment: 'Started by the browser test',
      });
      const properties = Object.fromEntries(build.properties.map((p) => [p.name, p.value]));
      expect(properties).toMatchObject({
        'bitbucket.pr.id': '1',
        'bitbucket.pr.title': 'Add login with SSO',
        'bitbucket.pr.source': 'feature/login',
        'bitbucket.pr.destination': 'develop',
        'env.E2E_MARKER': 'from-the-modal',
      });
      expect(properties['bitbucket.pr.author']).toBeTruthy();

      // "Run again" on the build just made starts the same branch and parameters.
      await modal.getByTestId(`run-again-${build.id}`).click();
      // The panel still shows the first build's Success until the new one is queued: wait for the new build first.
      await waitFor(() => simulatorBuilds().length > buildsBefore + 1, FINISH_TIMEOUT_MS);
      const rerunId = simulatorBuilds()[buildsBefore + 1]!.id;
      await waitFor(
        () =>
          viewBuild(
            simulatorBuilds().find((b) => b.id === rerunId)!,
            Date.now(),
          ).state === 'finished',
        FINISH_TIMEOUT_MS,
      );
      await modal
        .getByTestId('build-progress')
        .getByTestId('build-state')
        .filter({ hasText: 'Success' })
        .waitFor({ timeout: FINISH_TIMEOUT_MS });
      const rerun = simulatorBuilds().slice(buildsBefore + 1);
      expect(rerun).toHaveLength(1);
      expect(rerun[0]).toMatchObject({ buildTypeId: 'Acme_Webapp_Build', branchName: 'feature/login' });
      expect(rerun[0]!.properties).toEqual(
        expect.arrayContaining([
          { name: 'env.E2E_MARKER', value: 'from-the-modal' },
          { name: 'bitbucket.pr.id', value: '1' },
        ]),
      );
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows a running build’s progress and cancels it after confirmation', async () => {
    const { page, pageErrors, context } = await newTestPage(demo.browser);
    const durations = demo.simulator.data.builds.durations;
    // Long enough to read the progress and to cancel before the build ends by itself.
    demo.simulator.data.builds.durations = { queuedMs: 200, runningMs: 120_000 };
    try {
      const modal = await openModal(page, '/acme/webapp?as=demo');
      await modal.getByLabel('Unit Tests', { exact: true }).check();
      await modal.getByTestId('run-build').click();
      const progress = modal.getByTestId('build-progress');
      await progress.getByTestId('build-state').filter({ hasText: 'Running' }).waitFor({ timeout: FINISH_TIMEOUT_MS });
      await progress
        .getByTestId('build-percent')
        .filter({ hasText: /^\d+% complete/ })
        .waitFor();
      await progress.getByRole('progressbar').waitFor();
      await screenshot(page, 'build-modal-7-running');

      await progress.getByTestId('cancel-build').click();
      await progress.getByTestId('cancel-build-confirm').waitFor();
      await screenshot(page, 'build-modal-8-cancel-confirm');
      await progress.getByRole('button', { name: 'Cancel build' }).click();
      await progress.getByTestId('build-state').filter({ hasText: 'Canceled' }).waitFor({ timeout: FINISH_TIMEOUT_MS });
      await expect(progress.getByTestId('cancel-build').count()).resolves.toBe(0);
      const last = simulatorBuilds().at(-1)!;
      expect(last.buildTypeId).toBe('Acme_Webapp_UnitTests');
      expect(last.canceled).toBeDefined();
      expect(pageErrors).toEqual([]);
    } finally {
      demo.simulator.data.builds.durations = durations;
      await context.close();
    }
  });

  it('offers to replace a token TeamCity no longer accepts, linking to Bitbucket’s personal settings page', async () => {
    const { page, pageErrors, context } = await newTestPage(demo.browser);
    try {
      const token = demo.simulator.createToken('admin', 'soon-revoked');
      const added = (await demo.host.invoke('alice', 'addToken', { serverUrl: demo.simulator.url, token })) as { ok: boolean };
      expect(added.ok).toBe(true);
      demo.simulator.revokeToken(token);

      const modal = await openModal(page, '/acme/webapp?as=alice');
      const error = modal.getByTestId('configurations-error');
      await error.waitFor();
      expect((await error.getByTestId('configurations-error-message').textContent())?.trim()).toBeTruthy();
      await screenshot(page, 'build-modal-9-token-rejected');

      // Bitbucket's URL of a workspacePersonalSettingsPage, built from the module's own Forge context; the local
      // host sends that URL on to its TeamCity settings page.
      const settingsRequest = page.waitForRequest(/\/acme\/workspace\/personal-settings\/forge\/[^/]+\/[^/]+\/teamcity-personal-settings$/);
      await error.getByRole('button', { name: 'Replace token' }).click();
      await settingsRequest;
      await page.waitForURL(/\/account\/teamcity$/);
      await page.frameLocator('iframe.forge-frame').getByRole('heading', { name: 'TeamCity access tokens' }).waitFor();
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('explains how to connect TeamCity to a user without a token', async () => {
    const { page, pageErrors, context } = await newTestPage(demo.browser);
    try {
      const modal = await openModal(page, '/acme/webapp?as=carol');
      await modal.getByRole('heading', { name: 'Connect TeamCity to run builds from Bitbucket' }).waitFor();
      await modal.getByTestId('open-personal-settings').waitFor();
      await screenshot(page, 'build-modal-10-no-token');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
