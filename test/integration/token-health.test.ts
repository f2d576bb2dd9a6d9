/**
 * Token health and rotation end to end: the real resolvers, @forge/kvs on SQLite and the TeamCity simulator.
 * Each status is produced the way it happens in TeamCity (a revoked token, an expired token, a user whose
 * access was taken away, a server that is down), not by faking the app's own answers.
 */
import { startLocalHost, type LocalHost } from '../../local/forge-host/start-local-host';
import { startTeamCitySimulator, type TeamCitySimulator } from '../../local/teamcity-simulator';
import type { Result } from '../../src/shared/result';
import { storageKeys } from '../../src/stores/storage-keys';
import type { AddTokenResponse, CheckTokensResponse, ListTokensResponse, ReplaceTokenResponse, TokenView } from '../../src/shared/schemas';
import { createTestClock } from '../support/test-clock';

let host: LocalHost;
let sim: TeamCitySimulator;
/** The app's, its storage's and every simulator's clock: stopped, moved only by the tests. */
const clock = createTestClock();
const startSimulator = () => startTeamCitySimulator({ now: clock.now });

const DAY = 24 * 60 * 60 * 1000;

const unwrap = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.data;
};
const invoke = async <T>(user: string, key: string, payload: unknown) => (await host.invoke(user, key, payload)) as Result<T>;
const add = (user: string, token: string, serverUrl = sim.url) => invoke<AddTokenResponse>(user, 'addToken', { serverUrl, token });
const check = (user: string, ids: string[]) => invoke<CheckTokensResponse>(user, 'checkTokens', { ids });
const list = async (user: string) => unwrap(await invoke<ListTokensResponse>(user, 'listTokens', {})).tokens;
const checkOne = async (user: string, id: string): Promise<TokenView> => {
  const { tokens } = unwrap(await check(user, [id]));
  expect(tokens).toHaveLength(1);
  return tokens[0]!;
};
const name = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2)}`;

beforeAll(async () => {
  host = await startLocalHost({ port: 0, dbPath: ':memory:', now: clock.now });
  sim = host.simulator!;
});
afterAll(() => host.close());
afterEach(() => sim.setFault(null));

describe('the status of a token', () => {
  it('is Connected with its expiry right after adding, and a check costs one TeamCity request', async () => {
    const expiresAt = clock.date(5 * DAY);
    const { token } = unwrap(await add('hana', sim.createToken('developer', name('health'), { expiresAt })));
    expect(token.createdAt).toBe(clock.iso());
    expect(token.health).toEqual({ status: 'connected', checkedAt: token.createdAt });
    expect(token.expiresAt).toBe(expiresAt.toISOString());

    clock.advance(90_000);
    sim.clearRequests();
    const checked = await checkOne('hana', token.id);
    expect(sim.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual(['GET /app/rest/users/current/tokens']);
    expect(checked.health).toEqual({ status: 'connected', checkedAt: clock.iso() });
    expect(checked.expiresAt).toBe(expiresAt.toISOString());
    expect(checked.lastAuthenticatedAt).toBe(clock.iso());
  });

  it('is Expired/revoked (401) after TeamCity revokes the token, and "Last authenticated" stays', async () => {
    const secret = sim.createToken('developer', name('revoked'));
    const { token } = unwrap(await add('ivan', secret));
    sim.revokeToken(secret);
    const checked = await checkOne('ivan', token.id);
    expect(checked.health.status).toBe('unauthorized');
    expect(checked.health.message).toMatch(/TeamCity/);
    expect(checked.health.message).not.toContain(secret);
    expect(checked.lastAuthenticatedAt).toBe(token.lastAuthenticatedAt);
    // Stored: the list (one storage query) shows it without asking TeamCity again.
    sim.clearRequests();
    host.kvs.clearOperations();
    expect((await list('ivan'))[0]!.health).toEqual(checked.health);
    // Listing reads what was stored (one query, plus the workspace policy that comes with the list): no new check.
    expect(host.kvs.operations.map((o) => o.path).sort()).toEqual(['/api/v1/get', '/api/v1/query']);
    expect(sim.requests).toEqual([]);
  });

  it('is Expired/revoked (401) once the expiry date TeamCity reported has passed', async () => {
    const expiresAt = clock.date(DAY);
    const { token } = unwrap(await add('jana', sim.createToken('developer', name('short'), { expiresAt })));
    expect(token.expiresAt).toBe(expiresAt.toISOString());
    // A millisecond before its expiry the token still works; at its expiry TeamCity refuses it.
    clock.advance(DAY - 1);
    expect((await checkOne('jana', token.id)).health.status).toBe('connected');
    clock.advance(1);
    const checked = await checkOne('jana', token.id);
    expect(checked.health.status).toBe('unauthorized');
    expect(checked.expiresAt).toBe(expiresAt.toISOString());
    expect(checked.health.checkedAt).toBe(checked.expiresAt);
  });

  it("is No access (403) when the TeamCity user's access was taken away, and Connected again when restored", async () => {
    const { token } = unwrap(await add('karl', sim.createToken('viewer', name('denied'))));
    sim.data.setAccessDenied('viewer', true);
    try {
      sim.clearRequests();
      const checked = await checkOne('karl', token.id);
      expect(checked.health.status).toBe('forbidden');
      // The token list was refused, so who the user is was asked too: at most two requests.
      expect(sim.requests).toHaveLength(2);
    } finally {
      sim.data.setAccessDenied('viewer', false);
    }
    expect((await checkOne('karl', token.id)).health.status).toBe('connected');
  });

  it.each([
    ['reset', 'the connection is dropped'],
    ['status503', 'TeamCity is starting'],
    ['html-proxy', 'a proxy answers 502'],
  ] as const)('is Unreachable when %s (%s)', async (fault, _situation) => {
    const { token } = unwrap(await add('lena', sim.createToken('developer', name(fault))));
    sim.setFault(fault);
    const checked = await checkOne('lena', token.id);
    expect(checked.health.status).toBe('unreachable');
    expect(checked.lastAuthenticatedAt).toBe(token.lastAuthenticatedAt);
  });

  it('is Unreachable when the server is gone altogether', async () => {
    const other = await startSimulator();
    const { token } = unwrap(await add('mira', other.createToken('admin', 'gone'), other.url));
    await other.close();
    expect((await checkOne('mira', token.id)).health.status).toBe('unreachable');
  });

  it('checks several tokens at once, at most four at a time, and reports tokens that are gone', async () => {
    const servers = await Promise.all(Array.from({ length: 6 }, () => startSimulator()));
    try {
      const ids: string[] = [];
      for (const server of servers) ids.push(unwrap(await add('nico', server.createToken('admin', 'many'), server.url)).token.id);
      for (const server of servers) {
        server.clearRequests();
        server.setFault('slow', { delayMs: 400 });
      }
      const started = Date.now();
      const gone = 'f'.repeat(32);
      const result = unwrap(await check('nico', [...ids, gone]));
      expect(result.tokens.map((t) => t.id)).toEqual(ids);
      expect(result.tokens.every((t) => t.health.status === 'connected')).toBe(true);
      expect(result.missing).toEqual([gone]);
      const arrivals = servers.map((s) => s.requests[0]!.at - started).sort((a, b) => a - b);
      // Four start at once; the other two only when one of those has answered (after its 400 ms delay).
      expect(arrivals.filter((ms) => ms < 300)).toHaveLength(4);
      expect(arrivals.filter((ms) => ms >= 300)).toHaveLength(2);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
  });

  it("refuses bad check requests and never checks another user's token", async () => {
    const { token } = unwrap(await add('olga', sim.createToken('developer', name('mine'))));
    expect(await check('olga', [])).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await check('olga', [token.id, token.id])).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(
      await check(
        'olga',
        Array.from({ length: 21 }, (_, i) => i.toString(16).padStart(32, '0')),
      ),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    sim.clearRequests();
    expect(unwrap(await check('pavel', [token.id]))).toEqual({ tokens: [], missing: [token.id], notChecked: [] });
    expect(sim.requests).toEqual([]);
  });
});

describe('replacing a token', () => {
  it('authenticates the new token before it replaces the old one', async () => {
    const oldSecret = sim.createToken('developer', name('old'));
    const { token } = unwrap(await add('quinn', oldSecret));
    const replace = (secret: string, id = token.id) => invoke<ReplaceTokenResponse>('quinn', 'replaceToken', { id, token: secret });

    // A token TeamCity does not accept: refused, and the stored one keeps working.
    const revoked = sim.createToken('developer', name('bad'));
    sim.revokeToken(revoked);
    const refused = await replace(revoked);
    expect(refused).toMatchObject({ ok: false, error: { code: 'unauthorized', field: 'token' } });
    expect((await checkOne('quinn', token.id)).health.status).toBe('connected');

    // A good one takes over: the old token can be revoked in TeamCity and the stored one still works.
    // Made later than the old one: which token is ours is told by TeamCity's creation times.
    clock.advance(60_000);
    const newSecret = sim.createToken('developer', name('new'), { expiresAt: clock.date(3 * DAY) });
    const replaced = unwrap(await replace(newSecret));
    expect(replaced.token).toMatchObject({ id: token.id, serverUrl: token.serverUrl, health: { status: 'connected' } });
    expect(replaced.token.expiresAt).toBe(clock.iso(3 * DAY));
    sim.revokeToken(oldSecret);
    expect((await checkOne('quinn', token.id)).health.status).toBe('connected');
    expect(await list('quinn')).toHaveLength(1);
    const slots = (['a', 'b'] as const).map((slot) => storageKeys.tokenSecret(host.accountIdFor('quinn'), token.id, slot));
    expect(host.kvs.rawEntries().filter((e) => e.secret && slots.includes(e.key))).toHaveLength(1);
    expect(JSON.stringify(replaced)).not.toContain(newSecret);

    expect(await replace(newSecret, 'a'.repeat(32))).toMatchObject({ ok: false, error: { code: 'token_not_found' } });
  });
});
