/**
 * TeamCity's Build Approval through the run dialog's resolvers and the simulator: a release waits for a release
 * manager, the dialog learns who may approve from the build itself (no extra request while following it), an
 * approver's approval starts it, and anybody else is refused with TeamCity's reason.
 */
import type { LocalHost } from '../../local/forge-host/start-local-host';
import type { ApproveBuildResponse, BuildResponse, BuildResultsResponse, TriggerBuildResponse } from '../../src/shared/schemas';
import { extensionForFrame } from '../../local/forge-host/runtime/extension-context';
import { addToken, caller, followBuild, prPage, startBuildHost, unwrap, type Call } from './build-fixture';

let host: LocalHost;
let call: Call;
let admin: string;
let viewer: string;

const RELEASE = 'AcmeRelease_Production';

beforeAll(async () => {
  host = await startBuildHost();
  call = caller(host);
  admin = (await addToken(host, 'erin', 'admin')).token.id;
  viewer = (await addToken(host, 'frank', 'viewer')).token.id;
});
afterAll(() => host.close());

const release = async () =>
  unwrap(await call<TriggerBuildResponse>('erin', 'triggerBuild', { tokenId: admin, buildTypeId: RELEASE, branchName: 'release/1.4' }))
    .build;

describe('build approval', () => {
  it('shows who may approve a waiting build, with the build itself, and starts it once approved', async () => {
    const queued = await release();
    expect(queued.approval).toMatchObject({
      status: 'waiting',
      canApprove: true,
      remaining: 1,
      groups: [{ name: 'Release managers', required: 1, approvedBy: [] }],
    });

    host.simulator!.clearRequests();
    const { build: polled } = unwrap(await call<BuildResponse>('erin', 'getBuild', { tokenId: admin, buildId: queued.id }));
    expect(host.simulator!.requests).toHaveLength(1);
    expect(polled).toMatchObject({ state: 'queued', approval: { status: 'waiting' } });

    const { approval } = unwrap(await call<ApproveBuildResponse>('erin', 'approveBuild', { tokenId: admin, buildId: queued.id }));
    expect(approval).toMatchObject({ status: 'approved', canApprove: false, remaining: 0, groups: [{ approvedBy: ['Administrator'] }] });
    const states = await followBuild(call, 'erin', admin, queued.id);
    expect(states.at(-1)).toMatchObject({ state: 'finished', status: 'SUCCESS' });
  });

  it('refuses the approval of a user TeamCity does not list, naming the reason, and leaves the build waiting', async () => {
    const queued = await release();
    const seen = unwrap(await call<BuildResponse>('frank', 'getBuild', { tokenId: viewer, buildId: queued.id })).build;
    expect(seen.approval).toMatchObject({ status: 'waiting', canApprove: false });

    const refused = await call('frank', 'approveBuild', { tokenId: viewer, buildId: queued.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(!refused.ok && refused.error.message).toMatch(/not allowed to approve this build/);
    expect(host.simulator!.data.approvals.status(host.simulator!.data.builds.get(queued.id)!, Date.now())).toBe('waitingForApproval');
  });

  it('says so when a build needs no approval', async () => {
    const { build } = unwrap(
      await call<TriggerBuildResponse>('erin', 'triggerBuild', { tokenId: admin, buildTypeId: 'Acme_Webapp_Build', branchName: 'main' }),
    );
    expect(build.approval).toBeUndefined();
    const result = await call('erin', 'approveBuild', { tokenId: admin, buildId: build.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses a build id TeamCity could not have sent without asking TeamCity', async () => {
    host.simulator!.clearRequests();
    expect(await call('erin', 'approveBuild', { tokenId: admin, buildId: -1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(host.simulator!.requests).toEqual([]);
  });

  it('shows a waiting build in the pull request panel with who may approve, read with the builds themselves', async () => {
    host.simulator!.data.approvals.rules.set('Acme_Webapp_Build', { users: ['admin'], groups: [], timeoutMs: 3_600_000 });
    try {
      const { build } = unwrap(
        await call<TriggerBuildResponse>(
          'erin',
          'triggerBuild',
          { tokenId: admin, buildTypeId: 'Acme_Webapp_Build', branchName: 'feature/login' },
          prPage('webapp', '1'),
        ),
      );
      const panel = extensionForFrame({ module: 'teamcity-pull-request-builds', repo: 'webapp', pr: '1' });
      const r = unwrap(await call<BuildResultsResponse>('erin', 'getBuildResults', {}, panel));
      const server = r.servers[0]!;
      if (!server.ok) throw new Error(server.error.message);
      const row = server.configurations.find((c) => c.id === 'Acme_Webapp_Build')!;
      expect(row.build).toMatchObject({ id: build.id, state: 'queued', approval: { status: 'waiting', canApprove: true, remaining: 1 } });
      expect(row.build!.approval!.users).toEqual([{ name: 'Administrator', approved: false }]);
    } finally {
      host.simulator!.data.approvals.rules.delete('Acme_Webapp_Build');
    }
  });
});
