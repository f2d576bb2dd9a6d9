/**
 * The pull request panel, card and repository card through the real resolver, @forge/kvs and the TeamCity
 * simulator: every build state, the head commit moving, viewers without a token or without permission, and a
 * hostile server.
 */
import { startLocalHost, type LocalHost } from '../../local/forge-host/start-local-host';
import { extensionForFrame } from '../../local/forge-host/runtime/extension-context';
import { pushDemoCommit, resetDemoPushes } from '../../local/forge-host/demo-builds';
import type {
  BuildFailureDetailsResponse,
  BuildResponse,
  BuildResultsResponse,
  ConfigurationResultView,
  PollBuildResultsResponse,
} from '../../src/shared/schemas';
import { addToken, caller, unwrap, type Call } from './build-fixture';
import { startHttp } from '../../src/teamcity/testing/loopback-server';

let host: LocalHost;
let call: Call;
let tokenId: string;

const panel = (pr = '1') => extensionForFrame({ module: 'teamcity-pull-request-builds', repo: 'webapp', pr });
const prCard = (pr = '1') => extensionForFrame({ module: 'teamcity-pull-request-card', repo: 'webapp', pr });
const repoCard = (branch?: string) => extensionForFrame({ module: 'teamcity-repository-card', repo: 'webapp', ...(branch && { branch }) });

const results = async (user: string, extension: Record<string, unknown>) =>
  unwrap(await call<BuildResultsResponse>(user, 'getBuildResults', {}, extension));
const rowsOf = (r: BuildResultsResponse): ConfigurationResultView[] => {
  const server = r.servers[0]!;
  if (!server.ok) throw new Error(`server failed: ${server.error.message}`);
  return server.configurations;
};
const restRequests = () =>
  host.simulator!.requests.filter((r) => r.path.startsWith('/app/rest/') || r.path.startsWith('/downloadBuildLog'));

beforeAll(async () => {
  host = await startLocalHost({ port: 0, dbPath: ':memory:', teamcity: {}, pullRequestBuilds: true });
  call = caller(host);
  tokenId = (await addToken(host, 'alice', 'admin')).token.id;
});
afterAll(() => host.close());
afterEach(() => resetDemoPushes());

describe('the pull request panel', () => {
  it("lists every configuration of the repository with its build for the PR's head commit, in the order failed, running, queued, passed, not built", async () => {
    host.simulator!.clearRequests();
    const r = await results('alice', panel('1'));
    expect(r).toMatchObject({ view: 'pullRequest', branch: 'feature/login', needsToken: false, pullRequest: { id: 1 } });
    expect(r.headCommit).toMatch(/^[0-9a-f]{40}$/);
    const rows = rowsOf(r);
    expect(rows.map((c) => [c.id, c.outcome])).toEqual([
      ['Acme_Webapp_Build', 'failed'],
      ['Acme_Webapp_UnitTests', 'running'],
      ['Acme_Webapp_DeployStaging', 'queued'],
      ['AcmeRelease_Production', 'not_built'],
    ]);
    const failed = rows[0]!.build!;
    expect(failed).toMatchObject({
      state: 'finished',
      status: 'FAILURE',
      branchName: 'feature/login',
      revision: r.headCommit,
      agentName: 'sim-agent-1',
      triggeredBy: 'Administrator',
      tests: { passed: 38, failed: 3, newFailed: 1, ignored: 1, muted: 1 },
      webUrl: expect.stringMatching(new RegExp(`^${host.simulator!.url}/viewLog\\.html\\?buildId=\\d+`)),
    });
    expect(rows[1]!.build).toMatchObject({ state: 'running', percentageComplete: expect.any(Number), elapsedSeconds: expect.any(Number) });
    expect(rows[2]!.build).toMatchObject({ state: 'queued', queuePosition: expect.any(Number) });
    expect(rows[3]).toMatchObject({ build: null, forCommit: false });
    // Independent of the number of configurations: the configurations and all their builds, one request each.
    expect(restRequests()).toHaveLength(2);
  });

  it('shows passed, canceled and failed-to-start builds, and an older commit for a configuration that has not built this one', async () => {
    const rows = rowsOf(await results('alice', panel('2')));
    expect(rows.map((c) => [c.id, c.outcome, c.build?.failedToStart ?? null])).toEqual([
      ['Acme_Webapp_DeployStaging', 'failed', true],
      ['Acme_Webapp_Build', 'passed', false],
      ['Acme_Webapp_UnitTests', 'canceled', false],
      ['AcmeRelease_Production', 'not_built', false],
    ]);
    expect(rows[3]).toMatchObject({ forCommit: false, build: { revision: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', outcome: 'passed' } });
  });

  it('after a push to the source branch, no configuration has built the new head commit; the earlier builds are older commits', async () => {
    const before = await results('alice', panel('1'));
    const newHead = pushDemoCommit('webapp', 'feature/login');
    const after = await results('alice', panel('1'));
    expect(after.headCommit).toBe(newHead);
    expect(after.headCommit).not.toBe(before.headCommit);
    const rows = rowsOf(after);
    // A build still queued on the branch has checked nothing out yet: it will build the new head.
    expect(rows.map((c) => c.outcome).sort()).toEqual(['not_built', 'not_built', 'not_built', 'queued']);
    expect(rows.find((c) => c.id === 'Acme_Webapp_Build')).toMatchObject({ forCommit: false, build: { revision: before.headCommit } });
  });

  it('the card and the panel read the same results', async () => {
    expect(rowsOf(await results('alice', prCard('1'))).map((c) => c.outcome)).toEqual(
      rowsOf(await results('alice', panel('1'))).map((c) => c.outcome),
    );
  });
});

describe('the repository card', () => {
  it("shows each configuration's newest build on the main branch, or on the branch shown", async () => {
    const main = await results('alice', repoCard());
    expect(main).toMatchObject({ view: 'repository', branch: 'main', headCommit: null });
    expect(rowsOf(main).find((c) => c.id === 'Acme_Webapp_Build')).toMatchObject({ outcome: 'passed', build: { branchName: 'main' } });
    const develop = await results('alice', repoCard('develop'));
    expect(develop.branch).toBe('develop');
    expect(rowsOf(develop).find((c) => c.id === 'Acme_Webapp_UnitTests')).toMatchObject({ outcome: 'canceled' });
  });
});

describe('viewers', () => {
  it('a viewer without a token is told a TeamCity token is needed, and sees nothing from the server', async () => {
    const r = await results('carol', panel('1'));
    expect(r).toMatchObject({ needsToken: true, servers: [] });
    expect(JSON.stringify(r)).not.toContain('Acme_Webapp_Build');
  });

  it("each viewer sees what their own token sees: another user's token is never used", async () => {
    const bob = (await addToken(host, 'bob', 'viewer')).token.id;
    const r = await results('bob', panel('1'));
    expect(r.servers.map((s) => s.tokenId)).toEqual([bob]);
  });
});

describe('a token TeamCity no longer accepts', () => {
  it('is reported for its server with the message that leads to replacing it', async () => {
    const { token, secret } = await addToken(host, 'frank', 'developer');
    host.simulator!.revokeToken(secret);
    const r = await results('frank', panel('1'));
    expect(r.servers).toEqual([
      expect.objectContaining({
        tokenId: token.id,
        ok: false,
        error: expect.objectContaining({ code: 'unauthorized', message: expect.stringMatching(/replace this one/) }),
      }),
    ]);
  });
});

describe('polling, details and actions', () => {
  it('refreshes several unfinished builds in one request, and a finished one comes back finished', async () => {
    const rows = rowsOf(await results('alice', panel('1')));
    const running = rows.find((c) => c.outcome === 'running')!.build!;
    const queued = rows.find((c) => c.outcome === 'queued')!.build!;
    const sim = host.simulator!.data.builds.get(running.id)!;
    sim.finishAt = Date.now() - 1;
    host.simulator!.clearRequests();
    const { builds } = unwrap(
      await call<PollBuildResultsResponse>('alice', 'pollBuildResults', { tokenId, buildIds: [running.id, queued.id] }, panel('1')),
    );
    expect(restRequests()).toHaveLength(1);
    expect(builds.map((b) => [b.id, b.state])).toEqual(
      expect.arrayContaining([
        [running.id, 'finished'],
        [queued.id, 'queued'],
      ]),
    );
  });

  it('expanding a failed build reads its problems, first failed tests, log tail and artifacts in three requests', async () => {
    const failed = rowsOf(await results('alice', panel('1')))[0]!.build!;
    host.simulator!.clearRequests();
    const d = unwrap(
      await call<BuildFailureDetailsResponse>('alice', 'getBuildFailureDetails', { tokenId, buildId: failed.id }, panel('1')),
    );
    expect(restRequests()).toHaveLength(3);
    expect(d.problems.map((p) => p.type)).toEqual(['TC_FAILED_TESTS', 'TC_EXIT_CODE']);
    expect(d.failedTests.map((t) => [t.name.split('.').at(-1), t.newFailure, t.muted])).toEqual([
      ['redirectsToIdentityProvider', true, false],
      ['expiresAfterIdleTimeout', false, false],
      ['acceptsMd5Passwords', false, true],
    ]);
    expect(d.failedTests[0]!.details).toContain('AssertionError');
    expect(d.logTail!.lines.length).toBeLessThanOrEqual(100);
    expect(d.logUrl).toBe(`${host.simulator!.url}/downloadBuildLog.html?buildId=${failed.id}`);
    expect(d.artifacts).toEqual([
      expect.objectContaining({
        name: 'webapp.zip',
        size: 2_483_112,
        downloadUrl: expect.stringContaining('/repository/download/Acme_Webapp_Build/'),
      }),
      expect.objectContaining({ name: 'test-report.html' }),
    ]);
  });

  it("re-runs a build with the same branch and parameters and the pull request's bitbucket.pr.* parameters", async () => {
    const failed = rowsOf(await results('alice', panel('1')))[0]!.build!;
    const { build } = unwrap(await call<BuildResponse>('alice', 'rerunBuild', { tokenId, buildId: failed.id }, panel('1')));
    expect(build).toMatchObject({ buildTypeId: 'Acme_Webapp_Build', branchName: 'feature/login' });
    const sim = host.simulator!.data.builds.get(build.id)!;
    expect(sim.properties).toEqual(expect.arrayContaining([{ name: 'bitbucket.pr.id', value: '1' }]));
    expect(sim.revision).toBe((await results('alice', panel('1'))).headCommit);
  });

  it('a user without permission to run or cancel builds gets TeamCity’s refusal in words', async () => {
    const viewerToken = (await addToken(host, 'dave', 'viewer')).token.id;
    const failed = rowsOf(await results('dave', panel('1')))[0]!.build!;
    expect(await call('dave', 'rerunBuild', { tokenId: viewerToken, buildId: failed.id }, panel('1'))).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/permission to run builds/) },
    });
    const queued = rowsOf(await results('dave', panel('1'))).find((c) => c.outcome === 'queued')!.build!;
    expect(await call('dave', 'cancelBuild', { tokenId: viewerToken, buildId: queued.id }, panel('1'))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describe('a hostile TeamCity server', () => {
  it('gets no link shown that is not http(s) on its own address, and its echo of the token never reaches the viewer', async () => {
    const sim = host.simulator!;
    let seenToken = '';
    // In front of the simulator: passes requests on, then poisons what the build lists say.
    const proxy = await startHttp((req, res, body) => {
      seenToken = String(req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
      void fetch(`${sim.url}${req.url}`, {
        method: req.method,
        headers: { authorization: String(req.headers.authorization ?? ''), accept: 'application/json', 'content-type': 'application/json' },
        ...(body !== '' && { body }),
      }).then(async (upstream) => {
        let text = await upstream.text();
        if ((req.url ?? '').startsWith('/app/rest/builds?') || (req.url ?? '').startsWith('/app/rest/buildTypes?')) {
          const json = JSON.parse(text) as { build?: Array<Record<string, unknown>>; buildType?: Array<Record<string, unknown>> };
          for (const b of json.build ?? []) {
            b.webUrl = 'javascript:alert(document.domain)';
            b.statusText = `Leaked ${seenToken} <img src=x onerror=alert(1)>`;
          }
          for (const t of json.buildType ?? []) t.webUrl = 'https://evil.example/phish';
          text = JSON.stringify(json);
        }
        res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
        res.end(text);
      });
    });
    try {
      const secret = sim.createToken('admin', 'hostile');
      const added = await call<{ token: { id: string } }>('erin', 'addToken', { serverUrl: proxy.url, token: secret });
      expect(added.ok).toBe(true);
      const r = await results('erin', panel('1'));
      const rows = rowsOf(r);
      const text = JSON.stringify(r);
      expect(text).not.toContain(secret);
      expect(text).not.toContain('javascript:');
      expect(text).not.toContain('evil.example');
      expect(rows[0]!.build!.statusText).toContain('Leaked [redacted]');
      // The client rebuilds a link that is not on the server from the server's address and the id; nothing else.
      const links = rows.flatMap((c) => [c.webUrl, c.build?.webUrl]).filter((u): u is string => u !== undefined);
      expect(links.every((u) => u.startsWith(`${proxy.url}/`))).toBe(true);
    } finally {
      await proxy.close();
    }
  });
});
