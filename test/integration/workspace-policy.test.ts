/**
 * The workspace's TeamCity policy end to end: admin-only access checked against the emulated Bitbucket (demo is
 * the workspace admin, everyone else a member), the allowlist refusing servers before any TeamCity request, and
 * tokens for servers taken off the list kept but unable to run builds.
 */
import { workspaceSettingsExtension } from '../../local/forge-host/runtime/extension-context';
import type { Result } from '../../src/shared/result';
import type { AddTokenResponse, GetBuildSetupResponse, ListTokensResponse, WorkspacePolicyResponse } from '../../src/shared/schemas';
import { addToken, caller, repoPage, startBuildHost, unwrap } from './build-fixture';

type LocalHost = Awaited<ReturnType<typeof startBuildHost>>;

let host: LocalHost;
const ALLOWED = 'https://teamcity.example.com';

const admin = <T>(user: string, key: string, payload: unknown) =>
  host.invoke(user, key, payload, workspaceSettingsExtension()) as Promise<Result<T>>;
const getPolicy = (user = 'demo') => admin<WorkspacePolicyResponse>(user, 'getWorkspacePolicy', {});
const savePolicy = (allowedServers: string[], defaultServerUrl: string | null = null, user = 'demo') =>
  admin<WorkspacePolicyResponse>(user, 'saveWorkspacePolicy', { allowedServers, defaultServerUrl });
const storedValues = () => JSON.stringify(host.kvs.rawEntries().filter((e) => !e.secret));

beforeAll(async () => {
  host = await startBuildHost();
});
afterAll(() => host.close());
afterEach(async () => {
  unwrap(await savePolicy([]));
});

describe('only workspace admins', () => {
  it('can read and change the policy; members get forbidden and change nothing', async () => {
    for (const member of ['alice', 'bob']) {
      expect(await getPolicy(member)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const before = storedValues();
      expect(await savePolicy([ALLOWED], null, member)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(storedValues()).toBe(before);
    }
    expect(unwrap(await getPolicy())).toMatchObject({ allowedServers: [], defaultServerUrl: null });
  });

  it('checks the caller against Bitbucket, not the page: the admin resolvers called from a repository page are still member-only', async () => {
    expect(
      await host.invoke('alice', 'saveWorkspacePolicy', { allowedServers: [ALLOWED], defaultServerUrl: null }, repoPage()),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // A forged accountId or workspace in the payload is not even accepted.
    expect(await admin('alice', 'getWorkspacePolicy', { workspaceId: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('saving a policy', () => {
  it('normalizes and de-duplicates servers and requires the default server to be one of them', async () => {
    const saved = unwrap(
      await savePolicy(
        ['TeamCity.Example.com/', 'https://teamcity.example.com:443', 'https://ci.example.org/tc/login.html'],
        'teamcity.example.com',
      ),
    );
    expect(saved).toMatchObject({ allowedServers: [ALLOWED, 'https://ci.example.org/tc'], defaultServerUrl: ALLOWED });
    expect(saved.updatedAt).not.toBeNull();
    expect(await savePolicy([ALLOWED], 'https://other.example.com')).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'defaultServerUrl' },
    });
    expect(await savePolicy([ALLOWED, 'ftp://x.example.com'])).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'allowedServers' },
    });
    expect(unwrap(await getPolicy()).allowedServers).toEqual([ALLOWED, 'https://ci.example.org/tc']);
  });

  it('gives users the allowed servers and the default server with their token list, without counts', async () => {
    unwrap(await savePolicy([ALLOWED], ALLOWED));
    const { policy } = unwrap((await host.invoke('carol', 'listTokens', {})) as Result<ListTokensResponse>);
    expect(policy).toEqual({ allowedServers: [ALLOWED], defaultServerUrl: ALLOWED });
  });
});

describe('the allowlist', () => {
  it('refuses a token for another server, naming the allowed ones, without a request to that server', async () => {
    unwrap(await savePolicy([ALLOWED, 'https://ci.example.org']));
    const sim = host.simulator!;
    const secret = sim.createToken('admin', 'refused');
    sim.clearRequests();
    const before = storedValues();
    const result = (await host.invoke('dora', 'addToken', { serverUrl: sim.url, token: secret })) as Result<AddTokenResponse>;
    expect(result).toMatchObject({ ok: false, error: { code: 'server_not_allowed', field: 'serverUrl' } });
    if (!result.ok) {
      expect(result.error.message).toContain('https://teamcity.example.com and https://ci.example.org');
      expect(result.error.message).not.toContain(secret);
    }
    expect(sim.requests).toEqual([]);
    expect(storedValues()).toBe(before);

    unwrap(await savePolicy([]));
    expect((await host.invoke('dora', 'addToken', { serverUrl: sim.url, token: secret })) as Result<unknown>).toMatchObject({ ok: true });
  });

  it('keeps tokens for a server taken off the list, counts them, and refuses to run builds with them', async () => {
    const call = caller(host);
    const { token } = await addToken(host, 'emil', 'developer');
    await addToken(host, 'fynn', 'developer');
    const buildTypes = unwrap(
      await call<{ items: Array<{ id: string }> }>('emil', 'findBuildConfigurations', { tokenId: token.id, scope: 'repository' }),
    );
    expect(buildTypes.items.length).toBeGreaterThan(0);

    const saved = unwrap(await savePolicy([ALLOWED]));
    expect(saved.usage).toEqual([
      { serverUrl: ALLOWED, users: 0, allowed: true },
      { serverUrl: host.simulator!.url, users: expect.any(Number), allowed: false },
    ]);
    expect(saved.usage[1]!.users).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(saved)).not.toContain(host.accountIdFor('emil'));

    // The token is still there...
    const listed = unwrap((await host.invoke('emil', 'listTokens', {})) as Result<{ tokens: Array<{ id: string }> }>);
    expect(listed.tokens.map((t) => t.id)).toEqual([token.id]);
    // ...but TeamCity hears nothing from it: no configurations, no builds, no checks.
    host.simulator!.clearRequests();
    const find = await call('emil', 'findBuildConfigurations', { tokenId: token.id, scope: 'repository' });
    expect(find).toMatchObject({ ok: false, error: { code: 'server_not_allowed' } });
    if (!find.ok) expect(find.error.message).toContain(ALLOWED);
    const trigger = await call('emil', 'triggerBuild', { tokenId: token.id, buildTypeId: buildTypes.items[0]!.id, branchName: 'main' });
    expect(trigger).toMatchObject({ ok: false, error: { code: 'server_not_allowed' } });
    // The build dialog shows the server as not allowed and does not pick it.
    const setup = unwrap(await call<GetBuildSetupResponse>('emil', 'getBuildSetup', {}));
    expect(setup).toMatchObject({ allowedServers: [ALLOWED], selectedTokenId: null });
    expect(setup.servers.map((s) => s.id)).toEqual([token.id]);
    const checked = unwrap((await host.invoke('emil', 'checkTokens', { ids: [token.id] })) as Result<{ tokens: unknown[] }>);
    expect(checked.tokens).toHaveLength(1);
    expect(host.simulator!.requests).toEqual([]);

    // Allowed again: everything works as before, nothing was deleted.
    unwrap(await savePolicy([ALLOWED, host.simulator!.url]));
    expect(await call('emil', 'findBuildConfigurations', { tokenId: token.id, scope: 'repository' })).toMatchObject({ ok: true });
  });

  it('counts a user once per server and forgets them when they delete their token', async () => {
    const url = host.simulator!.url;
    const usersOn = async () => unwrap(await getPolicy()).usage.find((u) => u.serverUrl === url)?.users ?? 0;
    const before = await usersOn();
    const { token } = await addToken(host, 'gina', 'developer');
    await addToken(host, 'gina', 'developer');
    expect(await usersOn()).toBe(before + 1);
    unwrap((await host.invoke('gina', 'deleteToken', { id: token.id })) as Result<unknown>);
    expect(await usersOn()).toBe(before);
  });
});
