/**
 * Typed parameters in the "Run TeamCity build" modal, in Chromium against the local host and the simulator:
 * choosing a configuration shows its parameters as TeamCity declares them, the dialog checks them before running,
 * and the values the user chose arrive in the simulator's build (the password too, and only there).
 */
import type { Page } from 'playwright-core';
import { historyOf } from '../../local/forge-host/bitbucket/branch-heads';
import { newTestPage, openRunModal, screenshot, useDemoBrowserHost } from './browser-helpers';

jest.setTimeout(120_000);

describe('Run TeamCity build modal: typed parameters and approvals', () => {
  const demo = useDemoBrowserHost({ teamcity: { buildDurations: { queuedMs: 300, runningMs: 800 } } });

  const openModal = (page: Page) => openRunModal(page, `${demo.host.url}/acme/webapp?as=demo`);

  it('renders text, select, multi-select, checkbox, password, read-only and prompt parameters and sends what was chosen', async () => {
    const { page, pageErrors, context } = await newTestPage(demo.browser);
    try {
      const modal = await openModal(page);
      await modal.getByLabel('Deploy to Staging', { exact: true }).check();

      const section = modal.getByTestId('typed-parameters');
      await section.waitFor();
      await section.getByText('Target environment').waitFor();
      await section.getByText('Staging', { exact: true }).waitFor();
      await expect(section.getByText('deploy.internalId').count()).resolves.toBe(0);
      await expect(modal.getByTestId('typed-parameter-deploy.owner').isDisabled()).resolves.toBe(true);
      await expect(modal.getByTestId('typed-parameter-deploy.apiKey').getAttribute('type')).resolves.toBe('password');

      // The prompt parameter must be confirmed, and with what its regex asks for.
      await modal.getByTestId('run-build').click();
      await modal
        .getByTestId('typed-parameter-error-deploy.confirm')
        .getByText('TeamCity asks for this on every run: enter a value.')
        .waitFor();
      await modal.getByTestId('typed-parameter-deploy.confirm').fill('yes');
      await modal.getByTestId('typed-parameter-error-deploy.confirm').getByText('Type "deploy" to run this build').waitFor();
      await modal.getByTestId('typed-parameter-deploy.confirm').fill('deploy');
      await screenshot(page, 'run-parameters-1-form');

      await modal.locator('#typed-parameter-0').click();
      await modal.getByRole('option', { name: 'Preview' }).click();
      await modal.locator('#typed-parameter-3').click();
      await modal.getByRole('option', { name: 'United States' }).click();
      await modal.getByTestId('typed-parameter-deploy.dryRun--hidden-checkbox').check({ force: true });
      await modal.getByTestId('typed-parameter-deploy.apiKey').fill('browser-secret-123');
      await modal.getByTestId('typed-parameter-deploy.ticket').fill('OPS-7');

      const before = demo.host.simulator!.data.builds.all().length;
      await modal.getByTestId('run-build').click();
      await modal.getByTestId('build-progress').waitFor();
      const started = demo.host.simulator!.data.builds.all().slice(before);
      expect(started).toHaveLength(1);
      expect(Object.fromEntries(started[0]!.properties.map((p) => [p.name, p.value]))).toMatchObject({
        'env.TARGET': 'preview',
        'deploy.confirm': 'deploy',
        'deploy.regions': 'eu|us',
        'deploy.dryRun': 'true',
        'deploy.apiKey': 'browser-secret-123',
        'deploy.ticket': 'OPS-7',
      });
      await expect(page.content()).resolves.not.toContain('browser-secret-123');
      await screenshot(page, 'run-parameters-2-started');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows a build waiting for approval with who must approve, and lets an approver approve it', async () => {
    const { page, pageErrors, context } = await newTestPage(demo.browser);
    try {
      const modal = await openModal(page);
      await modal.getByLabel('Release to Production', { exact: true }).check();
      await modal.locator('#branch-select').fill('release/2.0');
      await page.keyboard.press('Enter');
      await modal.getByTestId('run-build').click();

      const approval = modal.getByTestId('build-approval');
      await approval.getByText('Waiting for approval: 1 approval still needed (1 of Release managers).').waitFor();
      await screenshot(page, 'run-parameters-3-waiting-for-approval');
      const build = demo.host.simulator!.data.builds.all().at(-1)!;
      expect(build.buildTypeId).toBe('AcmeRelease_Production');

      await modal.getByTestId('approve-build').click();
      await modal.getByTestId('build-state').filter({ hasText: 'Success' }).waitFor({ timeout: 20_000 });
      expect(demo.host.simulator!.data.approvals.status(build, Date.now())).toBe('approved');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('offers the tags a configuration builds and runs one pinned to the tag’s commit', async () => {
    const { page, pageErrors, context } = await newTestPage(demo.browser);
    try {
      const modal = await openModal(page);
      // A configuration without tags in its branch specification offers none.
      await modal.getByLabel('Build', { exact: true }).check();
      await modal.getByText('Branch', { exact: true }).waitFor();
      await modal.getByLabel('Release to Production', { exact: true }).check();
      await modal.getByText('Branch or tag', { exact: true }).waitFor();

      await modal.locator('#branch-select').click();
      await modal.getByRole('option', { name: /^v1\.3\.0/ }).waitFor();
      // Only tags its +:refs/tags/(v*) rule covers.
      await expect(modal.getByRole('option', { name: /^nightly-/ }).count()).resolves.toBe(0);
      await modal.getByRole('option', { name: /^v1\.3\.0/ }).click();
      const history = historyOf('acme', 'webapp', 'main');
      const tagged = history[history.length - 3]!;
      await modal.getByText(`The tag’s commit ${tagged.slice(0, 12)}, which TeamCity builds as its branch “v1.3.0”.`).waitFor();
      // The tag names the commit: no commit field.
      await expect(modal.locator('#commit-field').count()).resolves.toBe(0);
      await screenshot(page, 'run-parameters-4-tag');

      const before = demo.host.simulator!.data.builds.all().length;
      await modal.getByTestId('run-build').click();
      await modal.getByTestId('build-progress').waitFor();
      const started = demo.host.simulator!.data.builds.all().slice(before);
      expect(started).toHaveLength(1);
      expect(started[0]).toMatchObject({ buildTypeId: 'AcmeRelease_Production', branchName: 'v1.3.0', revision: tagged });
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('says why no tags are offered when TeamCity hides the configuration’s VCS settings from the token', async () => {
    const admin = demo.host.simulator!.data.requireUser('admin');
    admin.settingsHidden = true;
    const { page, pageErrors, context } = await newTestPage(demo.browser);
    try {
      const modal = await openModal(page);
      await modal.getByLabel('Release to Production', { exact: true }).check();
      await modal
        .getByTestId('tags-note')
        .getByText('TeamCity doesn’t show this configuration’s VCS settings to your token, so its tags can’t be offered.')
        .waitFor();
      await expect(modal.getByText('Branch or tag', { exact: true }).count()).resolves.toBe(0);
      await expect(modal.locator('#commit-field').count()).resolves.toBe(1);
      expect(pageErrors).toEqual([]);
    } finally {
      admin.settingsHidden = undefined;
      await context.close();
    }
  });
});
