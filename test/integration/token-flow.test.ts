/**
 * The TeamCity page's resolvers end to end: the real resolver handler, the unmodified @forge/kvs on SQLite
 * through the local host's storage transport, and the TeamCity simulator over loopback HTTP.
 */
import { startLocalHost, type LocalHost } from '../../local/forge-host/start-local-host';
import type { AddTokenResponse, ListTokensResponse, TokenView } from '../../src/shared/schemas';
import type { Result } from '../../src/shared/result';
import { createTestClock } from '../support/test-clock';

let host: LocalHost;
let adminToken: string;
const clock = createTestClock();

const list = async (user: string) => (await host.invoke(user, 'listTokens', {})) as Result<ListTokensResponse>;
const add = async (user: string, serverUrl: string, token: string) =>
  (await host.invoke(user, 'addToken', { serverUrl, token })) as Result<AddTokenResponse>;
const remove = async (user: string, id: string) => (await host.invoke(user, 'deleteToken', { id })) as Result<unknown>;

const tokensOf = async (user: string): Promise<TokenView[]> => {
  const result = await list(user);
  if (!result.ok) throw new Error(`listTokens failed: ${result.error.code}`);
  return result.data.tokens;
};
const storedKeys = () => host.kvs.rawEntries().map((e) => `${e.secret ? 'secret ' : ''}${e.key}`);

beforeAll(async () => {
  host = await startLocalHost({
    port: 0,
    dbPath: ':memory:',
    now: clock.now,
    teamcity: { buildDurations: { queuedMs: 50, runningMs: 100 } },
  });
  adminToken = host.simulator!.createToken('admin', 'token-flow');
});
afterAll(() => host.close());
afterEach(() => {
  host.simulator!.setFault(null);
  host.kvs.clearFaults();
});

describe('listing, adding, replacing and deleting a token', () => {
  it('walks the whole life of a token', async () => {
    expect(await tokensOf('alice')).toEqual([]);

    const added = await add('alice', `${host.simulator!.url}/`, adminToken);
    expect(added).toMatchObject({
      ok: true,
      data: { replaced: false, token: { serverUrl: host.simulator!.url, teamcityUsername: 'admin' } },
    });
    const token = (added as { data: AddTokenResponse }).data.token;
    expect(token.id).toMatch(/^[a-f0-9]{32}$/);
    expect(token.serverVersion).toMatch(/^\d{4}\.\d+/);
    expect(token.createdAt).toBe(clock.iso());
    expect(token.lastAuthenticatedAt).toBe(token.createdAt);
    expect(await tokensOf('alice')).toEqual([token]);

    // Same server written differently: replaces the token instead of adding a second one.
    const second = host.simulator!.createToken('admin', 'token-flow-2');
    const replaced = await add('alice', `  ${host.simulator!.url.replace('http', 'HTTP')}//login.html `, second);
    expect(replaced).toMatchObject({ ok: true, data: { replaced: true, token: { id: token.id } } });
    expect(await tokensOf('alice')).toHaveLength(1);
    expect(storedKeys().filter((k) => k.startsWith('secret '))).toHaveLength(1);

    expect(await remove('alice', token.id)).toEqual({ ok: true, data: { deleted: true } });
    expect(await tokensOf('alice')).toEqual([]);
    expect(storedKeys()).toEqual([]);
    expect(await remove('alice', token.id)).toMatchObject({ ok: false, error: { code: 'token_not_found' } });
  });

  it('lists every token of a user with one storage query and no per-token reads', async () => {
    const servers = [host.simulator!.url, host.simulator!.url.replace('127.0.0.1', 'localhost')];
    for (const server of servers) expect((await add('bob', server, adminToken)).ok).toBe(true);
    host.kvs.clearOperations();
    expect(await tokensOf('bob')).toHaveLength(2);
    // One query for the tokens, and one read of the workspace policy that comes with them: nothing per token.
    expect(host.kvs.operations.map((o) => `${o.path} ${o.key ?? ''}`.trim()).sort()).toEqual(['/api/v1/get tc-policy', '/api/v1/query']);
    for (const t of await tokensOf('bob')) await remove('bob', t.id);
  });
});

describe('a token that TeamCity does not accept is never stored', () => {
  const before = () => storedKeys();

  it.each([
    ['a wrong token', () => ['SERVER', 'eyJ0eXAiOiAiVENWMiJ9.bm90LWEtcmVhbC10b2tlbg.d3Jvbmc'], 'unauthorized', 'token'],
    [
      'a revoked token',
      () => {
        const t = host.simulator!.createToken('admin', `revoked-${Math.random()}`);
        host.simulator!.revokeToken(t);
        return ['SERVER', t];
      },
      'unauthorized',
      'token',
    ],
    [
      'an expired token',
      () => ['SERVER', host.simulator!.createToken('admin', `expired-${Math.random()}`, { expiresAt: clock.date(-1000) })],
      'unauthorized',
      'token',
    ],
    ['nothing listening', () => ['http://127.0.0.1:9', adminToken], 'unreachable', 'serverUrl'],
  ])('%s', async (_name, input, code, field) => {
    const keys = before();
    const [server, token] = input();
    const result = await add('carol', server === 'SERVER' ? host.simulator!.url : server!, token!);
    expect(result).toMatchObject({ ok: false, error: { code, field } });
    expect(storedKeys()).toEqual(keys);
  });

  it.each([
    ['status500', 'server_error'],
    ['status502', 'server_error'],
    ['status503', 'server_error'],
    ['html-proxy', 'server_error'],
    ['unauthorized', 'unauthorized'],
    ['token-expired', 'unauthorized'],
    ['login-redirect', 'unauthorized'],
    ['not-json', 'not_teamcity'],
    ['reset', 'unreachable'],
  ] as const)('TeamCity fault %s gives %s and stores nothing', async (fault, code) => {
    const keys = before();
    host.simulator!.setFault(fault);
    const result = await add('carol', host.simulator!.url, adminToken);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).not.toContain(adminToken);
    }
    expect(storedKeys()).toEqual(keys);
  });

  it('rejects bad input before anything is sent to TeamCity', async () => {
    host.simulator!.clearRequests();
    const cases: Array<[unknown, string]> = [
      [{ serverUrl: 'ftp://x.example.com', token: adminToken }, 'serverUrl'],
      [{ serverUrl: host.simulator!.url, token: 'abc def ghi jkl mno pqr' }, 'token'],
      [{ serverUrl: host.simulator!.url, token: `${adminToken}\r\nX-Evil: 1` }, 'token'],
      [{ serverUrl: host.simulator!.url }, 'token'],
      [{ serverUrl: 42, token: adminToken }, 'serverUrl'],
      [{ serverUrl: host.simulator!.url, token: adminToken, accountId: 'someone-else' }, ''],
      [{ serverUrl: 'x'.repeat(1_000_000), token: adminToken }, 'serverUrl'],
    ];
    for (const [payload, field] of cases) {
      const result = (await host.invoke('carol', 'addToken', payload)) as Result<unknown>;
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      if (!result.ok && field) expect(result.error.field).toBe(field);
    }
    expect(host.simulator!.requests).toEqual([]);
  });
});

describe('storage failures', () => {
  it.each(['/api/v1/secret/set', '/api/v1/set'])('a failing %s leaves nothing half-saved', async (path) => {
    const keys = storedKeys();
    host.kvs.failNext(path);
    const result = await add('dave', host.simulator!.url, adminToken);
    expect(result).toMatchObject({ ok: false, error: { code: 'storage_error' } });
    expect(await tokensOf('dave')).toEqual([]);
    expect(storedKeys()).toEqual(keys);
  });

  it('a delete that fails halfway is finished by the next delete', async () => {
    const added = await add('dave', host.simulator!.url, adminToken);
    if (!added.ok) throw new Error('add failed');
    host.kvs.failNext('/api/v1/secret/delete');
    expect((await remove('dave', added.data.token.id)).ok).toBe(false);
    expect(await tokensOf('dave')).toEqual([]);
    await remove('dave', added.data.token.id);
    expect(storedKeys().filter((k) => k.includes('secret'))).toEqual([]);
  });
});

describe('isolation between users', () => {
  it("never lets one user see, use, replace or delete another user's token", async () => {
    const added = await add('erin', host.simulator!.url, adminToken);
    if (!added.ok) throw new Error('add failed');
    const id = added.data.token.id;

    expect(await tokensOf('frank')).toEqual([]);
    expect(await remove('frank', id)).toMatchObject({ ok: false, error: { code: 'token_not_found' } });
    const forged = (await host.invoke('frank', 'deleteToken', { id, accountId: host.accountIdFor('erin') })) as Result<unknown>;
    expect(forged).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // Frank adding the same server gets his own token; Erin's is untouched.
    expect(await add('frank', host.simulator!.url, host.simulator!.createToken('admin', 'frank'))).toMatchObject({
      ok: true,
      data: { replaced: false },
    });
    expect(await tokensOf('erin')).toEqual([added.data.token]);
  });
});
