/**
 * The merge check's "use Bitbucket build statuses" mode: it reads the head commit's statuses from (emulated)
 * Bitbucket, keyed by build configuration id as TeamCity's Commit Status Publisher reports them, and never asks
 * TeamCity or needs a read credential.
 */
import { pushCommit } from '../../local/forge-host/bitbucket/branch-heads';
import { setCommitStatus } from '../../local/forge-host/bitbucket/commit-statuses';
import type { LocalHost } from '../../local/forge-host/start-local-host';
import { startBuildHost, unwrap } from './build-fixture';
import { headCommit, PR, settingsCall } from './merge-check-fixture';

let host: LocalHost;
const BUILD = 'Acme_Webapp_Build';
const TESTS = 'Acme_Webapp_UnitTests';
const check = () => host.mergeChecks.run(PR.repo, PR.id, 'on-code-pushed');

beforeAll(async () => {
  host = await startBuildHost();
  const call = settingsCall(host);
  const view = unwrap(
    await call('demo', 'saveRepositorySettings', {
      serverUrl: null,
      buildSource: 'bitbucket',
      configurations: [BUILD, TESTS].map((id) => ({ id, shown: true, required: true, branchPattern: null })),
    }),
  );
  expect(view).toMatchObject({ buildSource: 'bitbucket', credential: null });
  expect(view.history[0]!.summary).toMatch(/Merge check reads Bitbucket build statuses/);
});
afterAll(() => host.close());

it('passes on successful statuses of the head commit only, without asking TeamCity', async () => {
  pushCommit('acme', PR.repo, PR.source);
  const commit = headCommit();
  host.simulator!.clearRequests();

  let result = await check();
  expect(result).toMatchObject({ success: false, message: expect.stringMatching(/Acme_Webapp_Build has no build of this commit/) });

  setCommitStatus(commit, { key: BUILD, state: 'SUCCESSFUL', name: 'Build' });
  setCommitStatus(commit, { key: TESTS, state: 'INPROGRESS', name: 'Unit Tests' });
  result = await check();
  expect(result).toMatchObject({ success: false, message: expect.stringMatching(/Acme_Webapp_UnitTests is still running/) });

  setCommitStatus(commit, { key: TESTS, state: 'FAILED', name: 'Unit Tests' });
  expect((await check()).message).toMatch(/Acme_Webapp_UnitTests failed/);

  setCommitStatus(commit, { key: TESTS, state: 'SUCCESSFUL', name: 'Unit Tests' });
  expect(await check()).toMatchObject({ success: true });

  // Green statuses of an older commit do not count for a new head.
  pushCommit('acme', PR.repo, PR.source);
  expect((await check()).success).toBe(false);
  expect(host.simulator!.requests).toHaveLength(0);
});
