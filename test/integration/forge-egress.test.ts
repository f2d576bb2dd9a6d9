/**
 * What Forge's egress layer does to a TeamCity request, as the app's token use case sees it. In the Forge runtime
 * `fetch` from @forge/api is the runtime's own fetch unchanged (node_modules/@forge/api/out/api/fetch.js,
 * getFetchAPI), so these are the answers the app gets; loopback servers give them here over real HTTP:
 * - a host outside the manifest's egress list: a 403 Response (not an exception) carrying `forge-proxy-error`,
 *   or, in @forge/api's words, "URL not included in the external fetch backend permissions" (its
 *   ExternalEndpointNotAllowedError, which is also handled when thrown);
 * - Forge's outbound proxy failing to reach the host: an error status with `forge-proxy-error`.
 * Plain http:// never gets that far: the deployed app refuses it before any request (validation/server-url).
 */
import { ExternalEndpointNotAllowedError } from '@forge/api';
import { startLocalHost, type LocalHost } from '../../local/forge-host/start-local-host';
import { createTokenService } from '../../src/services/token-service';
import type { Result } from '../../src/shared/result';
import { startHttp, type Loopback } from '../../src/teamcity/testing/loopback-server';

let host: LocalHost;
const servers: Loopback[] = [];
const TOKEN = 'eyJ0eXAiOiAiVENWMiJ9.egress-test-token-value';

const storage = () => JSON.stringify(host.kvs.rawEntries());
const serverAnswering = async (status: number, headers: Record<string, string>, body: string) => {
  const server = await startHttp((_req, res) => {
    res.writeHead(status, { 'content-type': 'text/plain', ...headers });
    res.end(body);
  });
  servers.push(server);
  return server.url;
};

beforeAll(async () => {
  host = await startLocalHost({ port: 0, dbPath: ':memory:', teamcity: false });
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await host.close();
});

it.each([
  ['a 403 with forge-proxy-error', 403, { 'forge-proxy-error': 'BLOCKED_EGRESS' }, '', 'egress_blocked', /egress permissions/],
  [
    "a 403 in @forge/api's words",
    403,
    {},
    'URL not included in the external fetch backend permissions: https://tc.example.com. Visit go.atlassian.com/forge-egress for more information.',
    'egress_blocked',
    /egress permissions/,
  ],
  ["the proxy's own failure", 502, { 'forge-proxy-error': 'PROXY_ERR' }, '', 'unreachable', /outbound proxy could not reach/],
])('adding a token when Forge answers %s says so and stores nothing', async (_what, status, headers, body, code, message) => {
  const url = await serverAnswering(status, headers, body);
  const before = storage();
  const result = (await host.invoke('egress', 'addToken', { serverUrl: url, token: TOKEN })) as Result<unknown>;
  expect(result).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } });
  expect(JSON.stringify(result)).not.toContain(TOKEN);
  expect(storage()).toBe(before);
});

it('treats a thrown ExternalEndpointNotAllowedError as the same refusal', async () => {
  const tokens = createTokenService({
    fetch: (url) => Promise.reject(new ExternalEndpointNotAllowedError(url)),
    config: () => ({ allowHttpLoopback: false, teamcityTimeoutMs: 10_000, invocationLimitMs: 25_000 }),
  });
  const before = storage();
  const result = await tokens.add('712020:egress', { serverUrl: 'https://tc.example.com', token: TOKEN });
  expect(result).toMatchObject({ ok: false, error: { code: 'egress_blocked', field: 'serverUrl' } });
  expect(storage()).toBe(before);
});
