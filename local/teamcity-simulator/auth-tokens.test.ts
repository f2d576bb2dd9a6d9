import { startTeamCitySimulator } from './index';
import type { TeamCitySimulator } from './types';
import { basic, bearer, call } from './test-helpers';
import { createTestClock, type TestClock } from '../../test/support/test-clock';

const TOKEN_SHAPE = /^eyJ0eXAiOiAiVENWMiJ9\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

describe('authentication and access tokens', () => {
  let sim: TeamCitySimulator;
  let clock: TestClock;
  beforeEach(async () => {
    clock = createTestClock();
    sim = await startTeamCitySimulator({ now: clock.now });
  });
  afterEach(() => sim.close());

  it('creates a token with Basic auth and accepts it as a Bearer token', async () => {
    const created = await call(sim, '/app/rest/users/current/tokens/bitbucket', { method: 'POST', auth: basic('admin', 'admin') });
    expect(created.status).toBe(200);
    const token = created.json();
    expect(Object.keys(token).sort()).toEqual(['creationTime', 'name', 'value']);
    expect(token.name).toBe('bitbucket');
    expect(token.creationTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(token.value).toMatch(TOKEN_SHAPE);

    const me = await call(sim, '/app/rest/users/current', { auth: bearer(token.value) });
    expect(me.status).toBe(200);
    expect(me.json()).toMatchObject({ username: 'admin', name: 'Administrator', id: 1, href: '/app/rest/users/id:1' });

    const listed = (await call(sim, '/app/rest/users/current/tokens', { auth: bearer(token.value) })).json();
    expect(listed.count).toBe(1);
    expect(listed.token[0].value).toBeUndefined();
  });

  it('answers 401 text/plain for no, wrong and unknown credentials', async () => {
    const none = await call(sim, '/app/rest/server');
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(none.headers.get('www-authenticate')).toContain('Basic realm="TeamCity"');
    expect(none.text).toBe('Authentication required\nTo login manually go to "/login.html" page');

    const wrong = await call(sim, '/httpAuth/app/rest/server', { auth: basic('admin', 'nope') });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toBe('Incorrect username or password\nTo login manually go to "/login.html" page');

    const badToken = await call(sim, '/app/rest/server', { auth: bearer('eyJ0eXAiOiAiVENWMiJ9.bm9wZQ.bm9wZQ') });
    expect(badToken.status).toBe(401);
    expect(badToken.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(badToken.text).toBe(
      'Invalid authentication request or authentication scheme is not supported\nTo login manually go to "/login.html" page',
    );
  });

  it('rejects revoked and expired tokens', async () => {
    const revoked = sim.createToken('developer', 'one');
    expect((await call(sim, '/app/rest/server', { auth: bearer(revoked) })).status).toBe(200);
    sim.revokeToken(revoked);
    expect((await call(sim, '/app/rest/server', { auth: bearer(revoked) })).status).toBe(401);

    const deleted = sim.createToken('developer', 'two');
    const del = await call(sim, '/app/rest/users/current/tokens/two', { method: 'DELETE', auth: bearer(deleted) });
    expect(del.status).toBe(204);
    expect((await call(sim, '/app/rest/server', { auth: bearer(deleted) })).status).toBe(401);

    const expiring = sim.createToken('developer', 'three', { expiresAt: clock.date(1000) });
    expect((await call(sim, '/app/rest/server', { auth: bearer(expiring) })).status).toBe(200);
    clock.advance(1000);
    expect((await call(sim, '/app/rest/server', { auth: bearer(expiring) })).status).toBe(401);

    const dated = await call(sim, '/app/rest/users/current/tokens', {
      method: 'POST',
      auth: basic('developer', 'developer'),
      body: { name: 'dated', expirationTime: '20991231T235959+0000' },
    });
    expect(dated.json()).toMatchObject({ name: 'dated', expirationTime: '2099-12-31T23:59:59.000Z' });
    expect((await call(sim, '/app/rest/server', { auth: bearer(dated.json().value) })).status).toBe(200);
  });

  it('refuses a duplicate token name with 400 and never logs token values', async () => {
    const value = sim.createToken('admin', 'dup');
    const again = await call(sim, '/app/rest/users/current/tokens/dup', { method: 'POST', auth: bearer(value) });
    expect(again.status).toBe(400);
    expect(again.text).toContain('BadRequestException');
    expect(again.text).not.toContain(value);
    expect(JSON.stringify(sim.requests)).not.toContain(value);
    expect(sim.requests.map((r) => r.authenticated)).toEqual([true]);
  });

  it("lists a token's expiry and refuses a user whose access was taken away with 403", async () => {
    const value = sim.createToken('developer', 'expiring', { expiresAt: new Date('2099-06-30T12:00:00.000Z') });
    const listed = (await call(sim, '/app/rest/users/current/tokens', { auth: bearer(value) })).json();
    expect(listed.token).toEqual([{ name: 'expiring', creationTime: clock.iso(), expirationTime: '2099-06-30T12:00:00.000Z' }]);

    sim.data.setAccessDenied('developer', true);
    const denied = await call(sim, '/app/rest/users/current', { auth: bearer(value) });
    expect(denied.status).toBe(403);
    expect(denied.text).toContain('AuthorizationFailedException');
    sim.data.setAccessDenied('developer', false);
    expect((await call(sim, '/app/rest/users/current', { auth: bearer(value) })).status).toBe(200);
  });

  it('sets TeamCity cache and session headers on REST responses', async () => {
    const r = await call(sim, '/app/rest/server', { auth: basic('admin', 'admin') });
    expect(r.headers.get('cache-control')).toBe('no-cache, no-store');
    expect(r.headers.get('pragma')).toBe('no-cache');
    expect(r.headers.get('expires')).toBe('Thu, 01 Jan 1970 00:00:00 GMT');
    expect(r.headers.get('set-cookie')).toMatch(/^TCSESSIONID=[0-9A-F]{32}; Path=\/; HttpOnly/);
  });
});

describe('old server (2018.2)', () => {
  it('has no access tokens and uses the pre-2019.2 error wording', async () => {
    const sim = await startTeamCitySimulator({ version: { major: 2018, minor: 2, build: '58245' } });
    try {
      const server = (await call(sim, '/httpAuth/app/rest/server', { auth: basic('admin', 'admin') })).json();
      expect(server).toMatchObject({ version: '2018.2 (build 58245)', versionMajor: 2018, versionMinor: 2, buildNumber: '58245' });
      const tokens = await call(sim, '/app/rest/users/current/tokens/x', { method: 'POST', auth: basic('admin', 'admin') });
      expect(tokens.status).toBe(404);
      expect(tokens.text).toMatch(
        /^Error has occurred during request processing \(Not Found\)\.\nError: jetbrains\.buildServer\.server\.rest\.errors\.NotFoundException: /,
      );
      const withBearer = await call(sim, '/app/rest/server', { auth: bearer('eyJ0eXAiOiAiVENWMiJ9.a.b') });
      expect(withBearer.status).toBe(401);
      expect(withBearer.headers.get('www-authenticate')).toBe('Basic realm="TeamCity"');
    } finally {
      await sim.close();
    }
  });
});
