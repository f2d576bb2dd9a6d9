/**
 * Running a build from a repository or pull request page, end to end through the local host and the TeamCity
 * simulator: one POST to the build queue, pull request parameters from the page, precise failures.
 */
import type { LocalHost } from '../../local/forge-host/start-local-host';
import { storageKeys } from '../../src/stores/storage-keys';
import type {
  FindBuildConfigurationsResponse,
  GetBuildSetupResponse,
  ListTokensResponse,
  TriggerBuildResponse,
} from '../../src/shared/schemas';
import { createTestClock } from '../support/test-clock';
import { addToken, caller, followBuild, postsToBuildQueue, prPage, repoPage, startBuildHost, unwrap, type Call } from './build-fixture';

let host: LocalHost;
let call: Call;
let admin: { tokenId: string; secret: string };
/** Running, so simulated builds progress; stopped where a test checks what time the app wrote down. */
const clock = createTestClock({ running: true });

const trigger = (user: string, payload: Record<string, unknown>, extension = repoPage()) =>
  call<TriggerBuildResponse>(user, 'triggerBuild', { tokenId: admin.tokenId, branchName: 'main', ...payload }, extension);

beforeAll(async () => {
  host = await startBuildHost({ now: clock.now });
  call = caller(host);
  const added = await addToken(host, 'alice', 'admin');
  admin = { tokenId: added.token.id, secret: added.secret };
});
afterAll(() => host.close());

describe('triggerBuild', () => {
  it('queues exactly one build from the repository page and follows it to SUCCESS', async () => {
    host.simulator!.clearRequests();
    const { build } = unwrap(await trigger('alice', { buildTypeId: 'Acme_Webapp_Build', comment: 'from the test' }));
    // The configuration's parameter specs are read fresh before the one POST, so the run is checked against them.
    expect(host.simulator!.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
      'GET /app/rest/buildTypes/id:Acme_Webapp_Build',
      'POST /app/rest/buildQueue',
    ]);
    expect(build).toMatchObject({ buildTypeId: 'Acme_Webapp_Build', state: 'queued', branchName: 'main', triggeredBy: 'Administrator' });
    expect(build.webUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);

    const states = await followBuild(call, 'alice', admin.tokenId, build.id);
    expect(states.at(-1)).toMatchObject({ state: 'finished', status: 'SUCCESS', number: expect.any(String) });
    expect(postsToBuildQueue(host)).toBe(1);
  });

  it('passes "Put the build at the top of the queue" and "Clean checkout" on to TeamCity', async () => {
    const { build } = unwrap(await trigger('alice', { buildTypeId: 'Acme_Webapp_Build', queueAtTop: true, cleanCheckout: true }));
    expect(host.simulator!.data.builds.get(build.id)).toMatchObject({ queueAtTop: true, cleanSources: true });
    const { build: plain } = unwrap(await trigger('alice', { buildTypeId: 'Acme_Webapp_Build' }));
    expect(host.simulator!.data.builds.get(plain.id)).toMatchObject({ queueAtTop: false, cleanSources: false });
  });

  it('adds the pull request parameters from the page, strips refs/heads/ once and keeps user parameters', async () => {
    const { build } = unwrap(
      await trigger(
        'alice',
        { buildTypeId: 'Acme_Webapp_UnitTests', branchName: 'refs/heads/feature/login', parameters: [{ name: 'env.EXTRA', value: 'yes' }] },
        prPage('webapp', '1'),
      ),
    );
    const stored = host.simulator!.data.builds.get(build.id)!;
    expect(stored.branchName).toBe('feature/login');
    expect(Object.fromEntries(stored.properties.map((p) => [p.name, p.value]))).toEqual({
      'env.EXTRA': 'yes',
      'bitbucket.pr.id': '1',
      'bitbucket.pr.title': 'Add login with SSO',
      'bitbucket.pr.source': 'feature/login',
      'bitbucket.pr.destination': 'develop',
      'bitbucket.pr.author': 'Alice',
    });
    // "Run again" gets back only what the user chose; the page supplies the pull request again.
    expect(build.parameters).toEqual([{ name: 'env.EXTRA', value: 'yes' }]);
  });

  it('refuses user parameters that would impersonate the pull request, before calling TeamCity', async () => {
    host.simulator!.clearRequests();
    const result = await trigger(
      'alice',
      { buildTypeId: 'Acme_Webapp_Build', parameters: [{ name: 'Bitbucket.PR.id', value: '99' }] },
      prPage('webapp', '1'),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'parameters', message: expect.stringMatching(/bitbucket\.pr\./) },
    });
    expect(host.simulator!.requests).toEqual([]);
  });

  it('remembers the server and configuration per user and repository', async () => {
    // A second server for alice, so the choice is not simply "the only one".
    const second = host.simulator!.createToken('admin', 'second-server');
    const other = unwrap(
      await call<{ token: { id: string } }>(
        'alice',
        'addToken',
        { serverUrl: host.simulator!.url.replace('127.0.0.1', 'localhost'), token: second },
        { type: 'bitbucket:workspacePersonalSettingsPage' },
      ),
    );
    const before = unwrap(await call<GetBuildSetupResponse>('alice', 'getBuildSetup', {}, repoPage('mobile')));
    expect(before.selectedTokenId).toBeNull();

    unwrap(
      await call(
        'alice',
        'triggerBuild',
        { tokenId: other.token.id, buildTypeId: 'Acme_Mobile_Ios', branchName: 'master' },
        repoPage('mobile'),
      ),
    );
    const after = unwrap(await call<GetBuildSetupResponse>('alice', 'getBuildSetup', {}, repoPage('mobile')));
    expect(after.selectedTokenId).toBe(other.token.id);
    expect(after.lastBuildTypeIds).toEqual({ [other.token.id]: 'Acme_Mobile_Ios' });
    // Another repository and another user keep their own memory.
    expect(unwrap(await call<GetBuildSetupResponse>('alice', 'getBuildSetup', {}, repoPage('api'))).lastBuildTypeIds).toEqual({});
    await call('alice', 'deleteToken', { id: other.token.id }, { type: 'bitbucket:workspacePersonalSettingsPage' });
  });

  it('updates "Last authenticated" after TeamCity accepted the token, at most once a minute', async () => {
    const listed = async () =>
      unwrap(await call<ListTokensResponse>('alice', 'listTokens', {})).tokens.find((t) => t.id === admin.tokenId)!;
    const statusKey = storageKeys.tokenStatus(host.accountIdFor('alice'), admin.tokenId);
    const writes = () => host.kvs.operations.filter((o) => o.key === statusKey && o.path === '/api/v1/set').length;
    clock.stop();
    try {
      host.kvs.writeRaw(statusKey, { lastAuthenticatedAt: clock.iso(-120_000), health: (await listed()).health });

      unwrap(await trigger('alice', { buildTypeId: 'Acme_Webapp_Build' }));
      const refreshed = clock.iso();
      expect((await listed()).lastAuthenticatedAt).toBe(refreshed);

      // Within the minute (a build being followed), accepted calls write nothing more.
      clock.advance(59_999);
      host.kvs.clearOperations();
      unwrap(await trigger('alice', { buildTypeId: 'Acme_Webapp_Build' }));
      expect(writes()).toBe(0);
      expect((await listed()).lastAuthenticatedAt).toBe(refreshed);

      // A minute later, the next accepted call writes the new time.
      clock.advance(1);
      unwrap(await trigger('alice', { buildTypeId: 'Acme_Webapp_Build' }));
      expect(writes()).toBe(1);
      expect((await listed()).lastAuthenticatedAt).toBe(clock.iso());
    } finally {
      clock.run();
    }
  });

  it("tells a user without TeamCity's Run build permission which project it is about", async () => {
    const { token } = await addToken(host, 'carol', 'developer');
    host.simulator!.clearRequests();
    const result = await call('carol', 'triggerBuild', {
      tokenId: token.id,
      buildTypeId: 'AcmeRelease_Production',
      branchName: 'release/1.4',
    });
    expect(postsToBuildQueue(host)).toBe(1);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const message = (result as { error: { message: string } }).error.message;
    expect(message).toMatch(/^You don't have permission to run builds in "Acme Release" on http:\/\/127\.0\.0\.1:\d+\./);
    expect(message).toMatch(/TeamCity said: ".*Run build.*"/);
  });

  it('says when the configuration does not exist', async () => {
    const result = await trigger('alice', { buildTypeId: 'Acme_Gone' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringMatching(/^The build configuration Acme_Gone was not found/) },
    });
  });

  it('marks a paused configuration in discovery and still queues a manual build of it, as TeamCity does', async () => {
    const found = unwrap(
      await call<FindBuildConfigurationsResponse>(
        'alice',
        'findBuildConfigurations',
        { tokenId: admin.tokenId, scope: 'repository' },
        repoPage('api'),
      ),
    );
    expect(found.items.find((i) => i.id === 'Acme_Api_IntegrationTests')).toMatchObject({ paused: true });
    const { build } = unwrap(await trigger('alice', { buildTypeId: 'Acme_Api_IntegrationTests' }, repoPage('api')));
    expect(build).toMatchObject({ state: 'queued', buildTypeId: 'Acme_Api_IntegrationTests' });
  });

  it("explains a build of a branch outside the VCS root's branch specification", async () => {
    const { build } = unwrap(await trigger('alice', { buildTypeId: 'AcmeRelease_Production', branchName: 'feature/login' }));
    const last = (await followBuild(call, 'alice', admin.tokenId, build.id)).at(-1)!;
    expect(last).toMatchObject({ state: 'finished', status: 'FAILURE' });
    expect(last.statusText).toMatch(/^TeamCity did not start the build: "feature\/login" is not in the branch specification/);
  });

  it('reports a revoked token as unauthorized so the dialog can offer to replace it', async () => {
    const revoked = await addToken(host, 'dave', 'admin');
    host.simulator!.revokeToken(revoked.secret);
    const result = await call('dave', 'triggerBuild', { tokenId: revoked.token.id, buildTypeId: 'Acme_Webapp_Build', branchName: 'main' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'unauthorized',
        message: expect.stringMatching(/no longer accepts your access token.*replace this one in your personal settings/),
      },
    });
    expect(JSON.stringify(result)).not.toContain(revoked.secret);
  });
});
