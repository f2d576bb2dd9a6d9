/**
 * The "TeamCity builds passed" merge check through the real function, @forge/kvs, the emulated Bitbucket and the
 * TeamCity simulator: it passes only on finished, green builds of the pull request's head commit.
 */
import type { LocalHost } from '../../local/forge-host/start-local-host';
import { startBuildHost } from './build-fixture';
import { configureRepository, headCommit, placeBuild, PR, settingsCall } from './merge-check-fixture';
import { resetBranchHeads } from '../../local/forge-host/bitbucket/branch-heads';

let host: LocalHost;
let secret: string;

const BUILD = 'Acme_Webapp_Build';
const TESTS = 'Acme_Webapp_UnitTests';

const check = () => host.mergeChecks.run(PR.repo, PR.id, 'on-code-pushed');
const revisionRequests = () => host.simulator!.requests.filter((r) => r.path.includes('revision')).length;

beforeAll(async () => {
  resetBranchHeads();
  host = await startBuildHost();
  ({ secret } = await configureRepository(host, [
    { id: BUILD, required: true },
    { id: TESTS, required: true },
  ]));
});
afterAll(() => host.close());
beforeEach(async () => {
  host.simulator!.setFault(null);
  // Each test starts from a commit no build has seen.
  await host.mergeChecks.push(PR.repo, PR.id);
  host.simulator!.clearRequests();
});

describe('merge check', () => {
  it('passes when every required configuration has a green build of the head commit, with one TeamCity request', async () => {
    await host.mergeChecks.push(PR.repo, PR.id);
    const commit = headCommit();
    const a = placeBuild(host, { buildTypeId: BUILD, revision: commit, state: 'finished' });
    const b = placeBuild(host, { buildTypeId: TESTS, revision: commit, state: 'finished' });
    host.simulator!.clearRequests();
    const result = await check();
    expect(result.success).toBe(true);
    expect(result.message).toContain(`#${a.number}`);
    expect(result.message).toContain(`#${b.number}`);
    expect(result.message).toContain(commit.slice(0, 12));
    expect(host.simulator!.requests).toHaveLength(1);
    expect(revisionRequests()).toBe(1);
  });

  it('fails for a green build of an older commit, naming what is missing', async () => {
    const old = headCommit();
    placeBuild(host, { buildTypeId: BUILD, revision: old, state: 'finished' });
    placeBuild(host, { buildTypeId: TESTS, revision: old, state: 'finished' });
    await host.mergeChecks.push(PR.repo, PR.id);
    const result = host.mergeChecks.latest(PR.repo, PR.id)!;
    expect(result.success).toBe(false);
    expect(result.message).toMatch(/Build has no build of this commit/);
    expect(result.message).toMatch(/Unit Tests has no build of this commit/);
  });

  it('fails while a build is running or queued, and for a failed or canceled build', async () => {
    const commit = headCommit();
    placeBuild(host, { buildTypeId: BUILD, revision: commit, state: 'finished' });
    const running = placeBuild(host, { buildTypeId: TESTS, revision: commit, state: 'running' });
    let result = await check();
    expect(result).toMatchObject({ success: false });
    expect(result.message).toContain(`Unit Tests #${running.number} is still running`);

    const failed = placeBuild(host, { buildTypeId: TESTS, revision: commit, state: 'finished', fail: true });
    result = await check();
    expect(result.success).toBe(false);
    expect(result.message).toContain(`Unit Tests #${failed.number} failed`);

    placeBuild(host, { buildTypeId: TESTS, revision: commit, state: 'queued' });
    result = await check();
    expect(result.message).toContain('Unit Tests is queued');

    const canceled = placeBuild(host, { buildTypeId: TESTS, revision: commit, state: 'finished', canceled: true });
    result = await check();
    expect(result.success).toBe(false);
    expect(result.message).toMatch(/Unit Tests( #\S+)? was canceled/);
    void canceled;
  });

  it('the newest build decides: a failed re-run after a green build fails the check', async () => {
    const commit = headCommit();
    placeBuild(host, { buildTypeId: BUILD, revision: commit, state: 'finished' });
    placeBuild(host, { buildTypeId: TESTS, revision: commit, state: 'finished' });
    expect((await check()).success).toBe(true);
    placeBuild(host, { buildTypeId: TESTS, revision: commit, state: 'finished', fail: true });
    expect((await check()).success).toBe(false);
  });

  it('fails for a configuration deleted in TeamCity', async () => {
    const commit = headCommit();
    placeBuild(host, { buildTypeId: BUILD, revision: commit, state: 'finished' });
    const data = host.simulator!.data;
    const tests = data.requireBuildType(TESTS);
    data.buildTypes.delete(TESTS);
    try {
      const result = await check();
      expect(result.success).toBe(false);
      expect(result.message).toContain('Unit Tests has no build of this commit');
    } finally {
      data.buildTypes.set(TESTS, tests);
    }
  });

  it('fails closed with the reason when the credential is revoked, TeamCity is unreachable or answers 5xx', async () => {
    const commit = headCommit();
    placeBuild(host, { buildTypeId: BUILD, revision: commit, state: 'finished' });
    placeBuild(host, { buildTypeId: TESTS, revision: commit, state: 'finished' });

    host.simulator!.setFault('status503');
    let result = await check();
    expect(result.success).toBe(false);
    expect(result.message).toMatch(/could not be checked/);
    // One retry for a transient failure, never more.
    expect(revisionRequests()).toBe(2);
    host.simulator!.setFault(null);

    host.simulator!.revokeToken(secret);
    result = await check();
    expect(result.success).toBe(false);
    expect(result.message).toMatch(/rejected the repository's read credential/);
  });
});

describe('merge check without a reachable server', () => {
  it('fails closed when the connection is refused or reset', async () => {
    const commit = headCommit();
    placeBuild(host, { buildTypeId: BUILD, revision: commit, state: 'finished' });
    host.simulator!.setFault('reset');
    const started = Date.now();
    const result = await check();
    expect(result.success).toBe(false);
    expect(result.message).toMatch(/could not be checked/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('gives up on a server that does not answer inside the time budget, retry included', async () => {
    const previous = process.env.TEAMCITY_TIMEOUT_MS;
    process.env.TEAMCITY_TIMEOUT_MS = '1000';
    try {
      host.simulator!.setFault('slow', { delayMs: 5_000 });
      const started = Date.now();
      const result = await check();
      const took = Date.now() - started;
      expect(result.success).toBe(false);
      expect(result.message).toMatch(/could not be checked/);
      expect(revisionRequests()).toBe(2);
      expect(took).toBeLessThan(4_000);
    } finally {
      if (previous === undefined) delete process.env.TEAMCITY_TIMEOUT_MS;
      else process.env.TEAMCITY_TIMEOUT_MS = previous;
    }
  });
});

describe('merge check configuration', () => {
  it('applies branch patterns and makes no TeamCity request when nothing applies', async () => {
    const call = settingsCall(host);
    const current = await call('demo', 'getRepositorySettings');
    if (!current.ok) throw new Error(current.error.message);
    const save = (patterns: Record<string, string | null>) =>
      call('demo', 'saveRepositorySettings', {
        serverUrl: current.data.serverUrl,
        configurations: current.data.configurations.map((c) => ({
          id: c.id,
          shown: c.shown,
          required: true,
          branchPattern: patterns[c.id] ?? null,
        })),
      });
    // An earlier test revoked the credential; a fresh one keeps this test independent of the order.
    const fresh = host.simulator!.createToken('viewer', 'patterns');
    expect((await call('demo', 'setRepositoryCredential', { token: fresh })).ok).toBe(true);
    try {
      expect((await save({ [BUILD]: 'main', [TESTS]: 'release/*' })).ok).toBe(true);
      host.simulator!.clearRequests();
      const result = await check();
      expect(result).toMatchObject({ success: true, message: `No TeamCity builds are required for pull requests into ${PR.target}.` });
      expect(host.simulator!.requests).toHaveLength(0);

      expect((await save({ [BUILD]: 'dev*', [TESTS]: 'release/*' })).ok).toBe(true);
      const applies = await check();
      expect(applies.success).toBe(false);
      expect(applies.message).toContain('1 of 1 required');
      expect(applies.message).toContain('Build has no build');
    } finally {
      await save({});
    }
  });
});
