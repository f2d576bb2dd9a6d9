import { startTeamCitySimulator } from './index';
import { NGINX_502 } from './fault-responses';
import type { TeamCitySimulator } from './types';
import { basic, call } from './test-helpers';

const ADMIN = basic('admin', 'admin');

describe('faults', () => {
  let sim: TeamCitySimulator;
  beforeEach(async () => {
    sim = await startTeamCitySimulator();
  });
  afterEach(() => sim.close());

  const server = () => call(sim, '/app/rest/server', { auth: ADMIN });

  it.each([
    ['status500', 500, /^text\/plain/, /^Responding with error, status code: 500 \(Internal Server Error\)\./],
    ['status502', 502, /^text\/plain/, /Bad Gateway/],
    ['status503', 503, /^text\/html/, /TeamCity server is starting/],
    ['unauthorized', 401, /^text\/plain/, /^Invalid authentication request/],
    ['token-expired', 401, /^text\/plain/, /^Invalid authentication request/],
    ['not-json', 200, /^text\/html/, /<html/],
  ] as const)('%s answers %i', async (fault, status, type, body) => {
    sim.setFault(fault, { times: 1 });
    const r = await server();
    expect(r.status).toBe(status);
    expect(r.headers.get('content-type')).toMatch(type);
    expect(r.text).toMatch(body);
    expect(() => JSON.parse(r.text)).toThrow();
    expect((await server()).status).toBe(200);
  });

  it('html-proxy answers the nginx 502 page', async () => {
    sim.setFault('html-proxy');
    const r = await server();
    expect(r.status).toBe(502);
    expect(r.headers.get('server')).toBe('nginx');
    expect(r.text).toBe(NGINX_502);
  });

  it('login-redirect answers 302 to /login.html', async () => {
    sim.setFault('login-redirect', { path: '/app/rest/server' });
    const r = await server();
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toBe(`${sim.url}/login.html`);
  });

  it('reset drops the connection', async () => {
    sim.setFault('reset', { times: 1 });
    await expect(server()).rejects.toThrow();
    expect((await server()).status).toBe(200);
  });

  it('slow delays beyond a client timeout, then answers normally', async () => {
    sim.setFault('slow', { delayMs: 400, times: 2 });
    await expect(call(sim, '/app/rest/server', { auth: ADMIN, signal: AbortSignal.timeout(100) })).rejects.toThrow();
    const started = Date.now();
    expect((await server()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
  });

  it('matches by path, regexp and method, counts times, and null clears', async () => {
    sim.setFault('status503', { path: '/app/rest/buildQueue', method: 'POST', times: 2 });
    sim.setFault('status500', { path: /buildTypes\?locator=/ });
    expect((await server()).status).toBe(200);
    expect((await call(sim, '/app/rest/buildQueue', { auth: ADMIN })).status).toBe(200);
    const post = () => call(sim, '/app/rest/buildQueue', { method: 'POST', auth: ADMIN, body: { buildType: { id: 'Acme_Webapp_Build' } } });
    expect((await post()).status).toBe(503);
    expect((await post()).status).toBe(503);
    expect((await post()).status).toBe(200);
    expect((await call(sim, '/app/rest/buildTypes?locator=id:Acme_Webapp_Build', { auth: ADMIN })).status).toBe(500);
    expect((await call(sim, '/app/rest/buildTypes', { auth: ADMIN })).status).toBe(200);
    sim.setFault(null);
    expect((await call(sim, '/app/rest/buildTypes?locator=id:Acme_Webapp_Build', { auth: ADMIN })).status).toBe(200);
  });

  it('is controllable over /__sim/ and logs requests without credentials', async () => {
    const control = (method: string, body?: unknown) => call(sim, '/__sim/faults', { method, body });
    expect((await control('POST', { fault: 'status502', path: '/app/rest/server', times: 1 })).status).toBe(200);
    expect((await server()).status).toBe(502);
    expect((await server()).status).toBe(200);
    await control('POST', { fault: 'status500' });
    expect((await control('GET')).json().faults).toHaveLength(1);
    await control('DELETE');
    expect((await server()).status).toBe(200);

    const log = (await call(sim, '/__sim/requests')).json() as { count: number; requests: Array<{ path: string }> };
    expect(log.count).toBe(3);
    expect(log.requests.every((r) => r.path === '/app/rest/server')).toBe(true);
    expect(JSON.stringify(log)).not.toContain(ADMIN.slice(6));
    expect((await control('POST', { fault: 'nope' })).status).toBe(400);
  });
});
