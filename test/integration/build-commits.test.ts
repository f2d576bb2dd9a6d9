/**
 * Building one exact commit from the run dialog, through the local host, its emulated Bitbucket and the TeamCity
 * simulator: a typed (short) hash is expanded by Bitbucket and sent in TeamCity's lastChanges, the build reports the
 * commit it took, a commit the repository does not have is refused before TeamCity hears of it, and a pull request
 * offers its head commit.
 */
import type { LocalHost } from '../../local/forge-host/start-local-host';
import { headOf, pushCommit } from '../../local/forge-host/bitbucket/branch-heads';
import type { GetBuildSetupResponse, TriggerBuildResponse } from '../../src/shared/schemas';
import { closeBuildSuite, followBuild, prPage, repoPage, startBuildSuite, unwrap, type Call } from './build-fixture';

let host: LocalHost;
let call: Call;
let tokenId: string;

beforeAll(async () => {
  ({ host, call, tokenId } = await startBuildSuite('gina'));
});
afterAll(() => closeBuildSuite(host));

const trigger = (payload: Record<string, unknown>, extension = repoPage()) =>
  call<TriggerBuildResponse>(
    'gina',
    'triggerBuild',
    { tokenId, buildTypeId: 'Acme_Webapp_Build', branchName: 'main', ...payload },
    extension,
  );

describe('building a specific commit', () => {
  it('expands a short hash with Bitbucket, builds exactly that commit and reports it', async () => {
    const full = headOf('acme', 'webapp', 'main');
    // The branch has moved on: without the commit in the request TeamCity would build the new head.
    const newHead = pushCommit('acme', 'webapp', 'main');
    expect(newHead).not.toBe(full);
    host.simulator!.clearRequests();
    const { build } = unwrap(await trigger({ revision: full.slice(0, 9).toUpperCase() }));
    expect(host.simulator!.data.builds.get(build.id)!.revision).toBe(full);
    expect(host.simulator!.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    const last = (await followBuild(call, 'gina', tokenId, build.id)).at(-1)!;
    expect(last).toMatchObject({ state: 'finished', revision: full });
  });

  it('refuses a commit this repository does not have, without asking TeamCity', async () => {
    host.simulator!.clearRequests();
    const result = await trigger({ revision: 'deadbeef00' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'revision' } });
    expect(!result.ok && result.error.message).toMatch(/^This repository has no commit deadbeef00\./);
    expect(host.simulator!.requests).toEqual([]);
  });

  it.each(['abc', 'not-a-commit', 'g'.repeat(40), 'a'.repeat(41)])('refuses %s as a commit hash', async (revision) => {
    host.simulator!.clearRequests();
    expect(await trigger({ revision })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'revision' } });
    expect(host.simulator!.requests).toEqual([]);
  });

  it("offers a pull request's head commit as the default", async () => {
    const setup = unwrap(await call<GetBuildSetupResponse>('gina', 'getBuildSetup', {}, prPage('webapp', '1')));
    const full = headOf('acme', 'webapp', setup.pullRequest!.sourceBranch);
    expect(setup.pullRequest!.headCommit).toMatch(/^[0-9a-f]{12}$/);
    expect(full.startsWith(setup.pullRequest!.headCommit!)).toBe(true);
  });
});
