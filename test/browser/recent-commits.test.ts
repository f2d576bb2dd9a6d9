/**
 * Choosing the commit to build from the branch's recent commits in the "Run TeamCity build" modal, in Chromium
 * against the local host (its emulated Bitbucket's branch history) and the TeamCity simulator.
 */
import type { Page } from 'playwright-core';
import { historyOf, resetBranchHeads } from '../../local/forge-host/bitbucket/branch-heads';
import { newTestPage, openRunModal, screenshot, useDemoBrowserHost } from './browser-helpers';

jest.setTimeout(120_000);

describe('Run TeamCity build modal: the commit to build', () => {
  const demo = useDemoBrowserHost({ teamcity: { buildDurations: { queuedMs: 300, runningMs: 800 } } });
  afterAll(resetBranchHeads);

  const openModal = (page: Page, path = '/acme/webapp?as=demo') => openRunModal(page, `${demo.host.url}${path}`);

  it("builds the commit picked from the branch's recent commits", async () => {
    const { page, pageErrors, context } = await newTestPage(demo.browser);
    try {
      const [head, second] = historyOf('acme', 'webapp', 'main');
      const modal = await openModal(page);
      await modal.getByLabel('Build', { exact: true }).check();

      await modal.getByLabel('Commit', { exact: true }).click();
      const options = modal.getByRole('option');
      await options.first().waitFor();
      await expect(options.first().textContent()).resolves.toMatch(new RegExp(`^${head!.slice(0, 7)} · .+Latest`));
      await screenshot(page, 'recent-commits-1-list');
      await modal.getByRole('option', { name: new RegExp(`^${second!.slice(0, 7)} · `) }).click();
      await modal
        .getByTestId('commit-field-select--value-container')
        .getByText(new RegExp(`^${second!.slice(0, 7)} · `))
        .waitFor();

      const before = demo.simulator.data.builds.all().length;
      await modal.getByTestId('run-build').click();
      await modal.getByTestId('build-progress').waitFor();
      const started = demo.simulator.data.builds.all().slice(before);
      expect(started).toHaveLength(1);
      expect(demo.host.simulator!.data.builds.get(started[0]!.id)!.revision).toBe(second);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('says when the branch has no list, and still takes a typed hash', async () => {
    const { page, pageErrors, context } = await newTestPage(demo.browser);
    try {
      const modal = await openModal(page);
      await modal.locator('#branch-select').fill('no-such-branch');
      await page.keyboard.press('Enter');
      await modal
        .getByTestId('commit-list-error')
        .getByText('Bitbucket has no branch no-such-branch in this repository. You can still type a commit hash.')
        .waitFor();

      await modal.getByLabel('Commit', { exact: true }).fill('not-a-hash');
      await page.keyboard.press('Enter');
      await modal.getByTestId('commit-error').getByText('Enter a commit hash: 7 to 40 characters, 0-9 and a-f.').waitFor();
      const older = historyOf('acme', 'webapp', 'main')[3]!.slice(0, 10);
      await modal.getByLabel('Commit', { exact: true }).fill(older);
      await page.keyboard.press('Enter');
      await modal.getByTestId('commit-field-select--value-container').getByText(older, { exact: true }).waitFor();
      await expect(modal.getByTestId('commit-error').count()).resolves.toBe(0);
      await screenshot(page, 'recent-commits-2-typed');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
