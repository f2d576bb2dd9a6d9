/**
 * Approving from the pull request panel, in Chromium: a build that waits for TeamCity's Build Approval says who
 * must still approve, and an approver's Approve starts it (the simulator's rule counts the approval).
 */
import { extensionForFrame } from '../../local/forge-host/runtime/extension-context';
import { newTestPage, screenshot, useDemoBrowserHost } from './browser-helpers';

jest.setTimeout(120_000);

describe('pull request panel: build approval', () => {
  const demo = useDemoBrowserHost({ teamcity: { buildDurations: { queuedMs: 300, runningMs: 800 } } });

  it('shows who must approve a waiting build and approves it with the viewer’s token', async () => {
    const sim = demo.host.simulator!;
    sim.data.approvals.rules.set('Acme_Webapp_Build', { users: ['admin'], groups: [], timeoutMs: 3_600_000 });
    const tokenId = ((await demo.host.invoke('demo', 'listTokens', {})) as { data: { tokens: Array<{ id: string }> } }).data.tokens[0]!.id;
    await demo.host.invoke(
      'demo',
      'triggerBuild',
      { tokenId, buildTypeId: 'Acme_Webapp_Build', branchName: 'feature/login' },
      extensionForFrame({ module: 'teamcity-run-build-pr', repo: 'webapp', pr: '1' }),
    );
    const waiting = sim.data.builds.all().at(-1)!;
    expect(sim.data.approvals.status(waiting, Date.now())).toBe('waitingForApproval');

    const { page, pageErrors, context } = await newTestPage(demo.browser, { height: 1200 });
    try {
      await page.goto(`${demo.host.url}/acme/webapp/pull-requests/1?as=demo`);
      const panel = page.frameLocator('section[data-module="teamcity-pull-request-builds"] iframe');
      const approval = panel.getByTestId('approval-Acme_Webapp_Build');
      await approval.getByText('Waiting for approval: 1 approval still needed (Administrator).').waitFor();
      await screenshot(page, 'build-results-7-approval');
      await approval.getByTestId('approve-Acme_Webapp_Build').click();
      await approval.waitFor({ state: 'detached' });
      expect(sim.data.approvals.status(waiting, Date.now())).toBe('approved');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
