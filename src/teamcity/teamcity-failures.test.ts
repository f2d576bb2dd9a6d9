/**
 * Failure mapping through real sockets on 127.0.0.1. One server plays many misbehaving hosts: the first path
 * segment (the client's "context path") picks the scenario, so each case is a plain client call.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type http from 'node:http';
import type { Result } from '../shared/result';
import { createTeamCityClient, type TeamCityError } from './teamcity-client';
import { startHostileServer } from './testing/hostile-server';
import { startHttp, startHttps, type Loopback } from './testing/loopback-server';
import { fixtureText } from './testing/teamcity-reference';

const TOKEN = 'eyJ0eXAiOiAiVENWMiJ9.failure-test-secret-token-0123456789';

type Scenario = (req: http.IncomingMessage, res: http.ServerResponse) => void;

const text =
  (status: number, body: string, type = 'text/plain', extra: Record<string, string> = {}): Scenario =>
  (_req, res) => {
    res.writeHead(status, { 'Content-Type': type, ...extra }).end(body);
  };

const pending = new Set<http.ServerResponse>();

const scenarios: Record<string, Scenario> = {
  '401': text(401, 'Authentication required\nTo login manually go to "/login.html" page', 'text/plain', {
    'WWW-Authenticate': 'Basic realm="TeamCity"',
  }),
  '403-teamcity': text(403, fixtureText('error-403-users-guest.txt')),
  '403-forge-egress': text(403, '', 'text/plain', { 'forge-proxy-error': 'BLOCKED_EGRESS' }),
  '404-teamcity': text(404, fixtureText('error-404-buildtype.txt')),
  '404-html': text(404, '<!DOCTYPE html><html><head><title>404 Not Found</title></head><body>nginx</body></html>', 'text/html'),
  '400-json': text(400, JSON.stringify({ errors: [{ message: 'Bad locator: unknown dimension' }] }), 'application/json'),
  '400-xml': text(
    400,
    '<?xml version="1.0"?><errors><error><message>Nothing is found by locator</message></error></errors>',
    'application/xml',
  ),
  '500': text(
    500,
    'Responding with error, status code: 500 (Internal Server Error).\nDetails: java.lang.NullPointerException: boom\nUnexpected error.',
  ),
  '502': text(502, '<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>', 'text/html'),
  '503': text(503, '<html><head><title>TeamCity is starting</title></head></html>', 'text/html'),
  '504': text(504, '', 'text/plain'),
  '200-html': text(200, '<!DOCTYPE html><html><head><title>Welcome to nginx!</title></head></html>', 'text/html'),
  '200-not-json': text(200, 'hello', 'text/plain'),
  '200-wrong-json': text(200, JSON.stringify({ hello: 'world' }), 'application/json'),
  'login-redirect': text(302, '', 'text/plain', { Location: '/login.html?redirect=%2Fapp%2Frest%2Fserver' }),
  'other-redirect': text(301, '', 'text/plain', { Location: 'https://teamcity.example.com/app/rest/server' }),
  'echo-token': (req, res) => {
    res.writeHead(500, { 'Content-Type': 'text/plain' }).end(`Bad header: ${req.headers.authorization} token=${TOKEN}`);
  },
  // A proxy error page that quotes the request's headers in its title.
  'echo-token-404-html': (req, res) => {
    res
      .writeHead(404, { 'Content-Type': 'text/html' })
      .end(`<html><head><title>No route for ${req.headers.authorization}</title></head></html>`);
  },
  slow: (_req, res) => {
    pending.add(res);
  },
  'slow-body': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write('{"version":');
    pending.add(res);
  },
  'reset-before-answer': (req) => {
    req.socket.destroy();
  },
  'reset-mid-body': (req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
    res.write('{"version":"2024.1');
    setTimeout(() => req.socket.destroy(), 20);
  },
};

let server: Loopback;
let requestedPaths: string[] = [];

beforeAll(async () => {
  server = await startHttp((req, res) => {
    requestedPaths.push(req.url ?? '');
    const scenario = scenarios[(req.url ?? '').split('/')[1] ?? ''];
    if (scenario) scenario(req, res);
    else res.writeHead(599).end();
  });
});

afterAll(async () => {
  for (const res of pending) res.destroy();
  await server.close();
});

const seen: Array<Result<unknown, TeamCityError>> = [];

function clientFor(scenario: string, timeoutMs = 5000) {
  return createTeamCityClient({ serverUrl: `${server.url}/${scenario}`, token: TOKEN, fetch, timeoutMs });
}

async function failureOf(promise: Promise<Result<unknown, TeamCityError>>) {
  const result = await promise;
  seen.push(result);
  if (result.ok) throw new Error('expected a failure');
  expect(result.error.message).not.toContain(TOKEN);
  expect(result.error.message).not.toContain('Bearer eyJ');
  return result.error;
}

test.each([
  ['401', 'unauthorized', /401.*My Profile > Access tokens/],
  ['403-teamcity', 'forbidden', /403.*does not have any of the permissions/],
  ['403-forge-egress', 'egress_blocked', /egress permissions/],
  ['404-teamcity', 'not_found', /404.*No build type nor template is found by id 'janet'/],
  ['404-html', 'not_teamcity', /404.*404 Not Found.*server URL/],
  ['400-json', 'bad_request', /400.*Bad locator: unknown dimension/],
  ['400-xml', 'bad_request', /400.*Nothing is found by locator/],
  ['500', 'server_error', /500.*boom/],
  ['502', 'server_error', /proxy.*502 Bad Gateway/],
  ['503', 'server_error', /503.*TeamCity is starting/],
  ['504', 'server_error', /proxy.*504/],
  ['200-html', 'not_teamcity', /200 with a web page/],
  ['200-not-json', 'not_teamcity', /not JSON/],
  ['200-wrong-json', 'not_teamcity', /200 with JSON that does not describe/],
  ['login-redirect', 'unauthorized', /sign-in page \(302 to \/login\.html\)/],
  ['other-redirect', 'not_teamcity', /redirect \(301 to https:\/\/teamcity\.example\.com\/app\/rest\/server\)/],
  ['echo-token', 'server_error', /500.*Bad header: Bearer \[redacted\] token=\[redacted\]/],
  ['echo-token-404-html', 'not_teamcity', /404.*No route for Bearer \[redacted\]/],
])('%s -> %s', async (scenario, code, message) => {
  const error = await failureOf(clientFor(scenario).getServerInfo());
  expect(error.code).toBe(code);
  expect(error.message).toMatch(message);
});

test('redirects are not followed, so the token is not sent on', async () => {
  requestedPaths = [];
  await failureOf(clientFor('login-redirect').getCurrentUser());
  expect(requestedPaths).toEqual(['/login-redirect/app/rest/users/current?fields=id%2Cusername%2Cname%2Cemail']);
});

test('a server that never answers times out', async () => {
  const started = Date.now();
  const error = await failureOf(clientFor('slow', 300).getServerInfo());
  expect(error.code).toBe('timeout');
  expect(error.message).toContain('0.3 seconds');
  expect(Date.now() - started).toBeLessThan(3000);
});

test('a body that stalls after the headers times out', async () => {
  const error = await failureOf(clientFor('slow-body', 300).getServerInfo());
  expect(error.code).toBe('timeout');
});

test('a port with nothing listening is unreachable (refused)', async () => {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  const client = createTeamCityClient({ serverUrl: `http://127.0.0.1:${port}`, token: TOKEN, fetch });
  const error = await failureOf(client.getServerInfo());
  expect(error.code).toBe('unreachable');
  expect(error.message).toContain(`127.0.0.1 refused the connection on port ${port} (ECONNREFUSED)`);
});

test('https:// against a plain-HTTP port says the server answered plain HTTP, not that a certificate is untrusted', async () => {
  const client = createTeamCityClient({ serverUrl: server.url.replace('http://', 'https://'), token: TOKEN, fetch });
  const error = await failureOf(client.getServerInfo());
  expect(error.code).toBe('tls');
  expect(error.message).toMatch(new RegExp(`^127\\.0\\.0\\.1:${server.port} answered in plain HTTP, not HTTPS`));
  expect(error.message).not.toMatch(/certificate/);
});

test('a reason phrase carrying the token is scrubbed from the message and the facts', async () => {
  const raw = await startHostileServer(() => ({ status: 401, reason: `Bearer ${TOKEN}`, body: '' }));
  try {
    const result = await createTeamCityClient({ serverUrl: raw.url, token: TOKEN, fetch }).getCurrentUser();
    const error = await failureOf(Promise.resolve(result));
    expect(error).toMatchObject({
      code: 'unauthorized',
      teamcity: { status: 401, statusText: 'Bearer [redacted]', cause: { kind: 'http' } },
    });
    expect(error.message).toContain('(401 Bearer [redacted])');
  } finally {
    await raw.close();
  }
});

test('a connection reset before the answer is unreachable', async () => {
  const error = await failureOf(clientFor('reset-before-answer').getServerInfo());
  expect(error.code).toBe('unreachable');
  expect(error.message).toMatch(/closed before TeamCity finished answering/);
});

test('a connection reset in the middle of the body is unreachable', async () => {
  const error = await failureOf(clientFor('reset-mid-body').getServerInfo());
  expect(error.code).toBe('unreachable');
  expect(error.message).toMatch(/closed before TeamCity finished answering/);
});

describe('https with a self-signed certificate', () => {
  let dir: string;
  let tlsServer: Loopback;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tc-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-subj',
        '/CN=localhost',
        '-days',
        '1',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    tlsServer = await startHttps(
      { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) },
      (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
      },
    );
  });

  afterAll(async () => {
    await tlsServer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('is reported as a TLS problem', async () => {
    const client = createTeamCityClient({ serverUrl: tlsServer.url, token: TOKEN, fetch });
    const error = await failureOf(client.getServerInfo());
    expect(error.code).toBe('tls');
    expect(error.message).toMatch(/self-signed|not trusted|different host name/);
  });
});

test('no failure message anywhere carried the token', () => {
  expect(seen.length).toBeGreaterThan(20);
  for (const result of seen) expect(JSON.stringify(result)).not.toContain(TOKEN);
});
