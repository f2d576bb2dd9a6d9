/**
 * Runs every client method against a recording server on 127.0.0.1 (behind a /teamcity context path) and holds
 * what the client sent to the TeamCity REST spec: each method+path exists in swagger.json, each query parameter
 * is one the operation declares, and each JSON body uses only properties of the declared body definition.
 * Answers are recorded fixtures; every answer sets a TCSESSIONID cookie that must never come back.
 */
import { createTeamCityClient, type TeamCityClient } from './teamcity-client';
import { startHttp, type Loopback } from './testing/loopback-server';
import { fixtureJson, swagger } from './testing/teamcity-reference';

const TOKEN = 'eyJ0eXAiOiAiVENWMiJ9.recording-test-token';
const CONTEXT = '/teamcity';

type Recorded = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: string;
};

const spec = swagger();
const queuedBuild = fixtureJson<{ build: Record<string, unknown>[] }>('buildQueue-fields.json').build[0]!;
const runningBuild = fixtureJson('build-running-canceled.json');
const finishedBuild = fixtureJson('build-finished.json');
const newerServer = {
  ...fixtureJson('server.json'),
  version: '2024.12 (build 174331)',
  versionMajor: 2024,
  versionMinor: 12,
  buildNumber: '174331',
};
// No recording of /users/current exists; this is the user object exactly as recorded inside triggered.user.
const currentUser = (queuedBuild.triggered as { user: unknown }).user;

function answer(method: string, path: string): { status: number; body: unknown } {
  const routes: Record<string, unknown> = {
    'GET /app/rest/server': newerServer,
    'GET /app/rest/users/current': currentUser,
    'GET /app/rest/buildTypes': fixtureJson('buildTypes.json'),
    'GET /app/rest/buildTypes/id:MattermostTeamcityPlugin_TestBuild': fixtureJson('buildType.json'),
    'POST /app/rest/buildQueue': queuedBuild,
    'GET /app/rest/builds/id:76': queuedBuild,
    'POST /app/rest/buildQueue/id:76': queuedBuild,
    'GET /app/rest/builds/id:29': runningBuild,
    'POST /app/rest/builds/id:29': runningBuild,
    'GET /app/rest/builds/id:35': finishedBuild,
    'GET /app/rest/builds': fixtureJson('builds-fields.json'),
  };
  const body = routes[`${method} ${path}`];
  return body === undefined ? { status: 404, body: 'not routed' } : { status: 200, body };
}

let server: Loopback;
let recorded: Recorded[] = [];
let client: TeamCityClient;

beforeAll(async () => {
  server = await startHttp((req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname.startsWith(CONTEXT) ? url.pathname.slice(CONTEXT.length) : url.pathname;
    recorded.push({ method: req.method ?? '', path, query: url.searchParams, headers: req.headers, body });
    const { status, body: out } = answer(req.method ?? '', path);
    res.writeHead(status, {
      'Content-Type': status === 200 ? 'application/json' : 'text/plain',
      'Set-Cookie': ['TCSESSIONID=SESSION123; Path=/; HttpOnly', 'RememberMe=""; Path=/; HttpOnly'],
    });
    res.end(typeof out === 'string' ? out : JSON.stringify(out));
  });
  client = createTeamCityClient({ serverUrl: `${server.url}${CONTEXT}`, token: TOKEN, fetch, timeoutMs: 5000 });
});

afterAll(() => server.close());
beforeEach(() => {
  recorded = [];
});

/** The swagger template a concrete path instantiates, preferring the most literal one. */
function templateFor(method: string, path: string): string | undefined {
  const candidates = Object.entries(spec.paths)
    .filter(([, ops]) => ops[method.toLowerCase()] !== undefined)
    .map(([template]) => template)
    .filter((template) => new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path));
  return candidates.sort((a, b) => b.replace(/\{[^}]+\}/g, '').length - a.replace(/\{[^}]+\}/g, '').length)[0];
}

function bodyDefinition(method: string, template: string): string | undefined {
  const param = spec.paths[template]?.[method.toLowerCase()]?.parameters?.find((p) => p.in === 'body') as
    { schema?: { $ref?: string } } | undefined;
  return param?.schema?.$ref?.replace('#/definitions/', '');
}

async function runEveryMethod(): Promise<void> {
  const results = [
    await client.getServerInfo(),
    await client.getCurrentUser(),
    await client.findBuildTypesByVcsUrls(['https://bitbucket.org/acme/app.git', 'git@bitbucket.org:acme/app.git']),
    await client.searchBuildTypes('bt', { start: 0, count: 10 }),
    await client.getBuildType('MattermostTeamcityPlugin_TestBuild'),
    await client.triggerBuild({
      buildTypeId: 'MattermostTeamcityPlugin_TestBuild',
      branchName: 'feature/x',
      comment: 'from Bitbucket',
      properties: [{ name: 'env.X', value: '1' }],
      queueAtTop: true,
      cleanCheckout: true,
      personal: false,
    }),
    await client.getBuild(35),
    await client.cancelBuild(76, 'queued, not needed'),
    await client.cancelBuild(29, 'running, not needed'),
    await client.listBuilds({ buildTypeId: 'MattermostTeamcityPlugin_Build', branchName: 'main', count: 5 }),
  ];
  for (const result of results) {
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  }
}

test('every request the client makes is an operation of the TeamCity REST spec', async () => {
  await runEveryMethod();
  const used = new Set<string>();
  for (const r of recorded) {
    const template = templateFor(r.method, r.path);
    expect({ request: `${r.method} ${r.path}`, template }).toEqual({ request: `${r.method} ${r.path}`, template: expect.any(String) });
    used.add(`${r.method} ${template}`);
    const declared = new Set(
      (spec.paths[template!]![r.method.toLowerCase()]!.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
    );
    for (const name of r.query.keys()) expect({ template, name, declared: declared.has(name) }).toEqual({ template, name, declared: true });
    if (r.body !== '') {
      const definition = bodyDefinition(r.method, template!);
      expect(definition).toBeDefined();
      const allowed = Object.keys(spec.definitions[definition!]!.properties ?? {});
      for (const key of Object.keys(JSON.parse(r.body) as object))
        expect({ definition, key, allowed: allowed.includes(key) }).toEqual({ definition, key, allowed: true });
    }
  }
  expect([...used].sort()).toEqual(
    [
      'GET /app/rest/server',
      'GET /app/rest/users/{userLocator}',
      'GET /app/rest/buildTypes',
      'GET /app/rest/buildTypes/{btLocator}',
      'POST /app/rest/buildQueue',
      'GET /app/rest/builds/{buildLocator}',
      'POST /app/rest/buildQueue/{queuedBuildLocator}',
      'POST /app/rest/builds/{buildLocator}',
      'GET /app/rest/builds',
    ].sort(),
  );
});

test('requests carry the bearer token and JSON headers, and never echo the session cookie', async () => {
  await runEveryMethod();
  expect(recorded.length).toBeGreaterThan(5);
  for (const r of recorded) {
    expect(r.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(r.headers.accept).toBe('application/json');
    expect(r.headers.cookie).toBeUndefined();
    if (r.method === 'POST') expect(r.headers['content-type']).toBe('application/json');
  }
});

test('a trigger is one POST to the build queue with TeamCity build fields', async () => {
  await runEveryMethod();
  const posts = recorded.filter((r) => r.method === 'POST' && r.path === '/app/rest/buildQueue');
  expect(posts).toHaveLength(1);
  expect(JSON.parse(posts[0]!.body)).toEqual({
    buildType: { id: 'MattermostTeamcityPlugin_TestBuild' },
    personal: false,
    branchName: 'feature/x',
    comment: { text: 'from Bitbucket' },
    properties: { property: [{ name: 'env.X', value: '1' }] },
    triggeringOptions: { queueAtTop: true, cleanSources: true },
  });
  const options = Object.keys(spec.definitions.buildTriggeringOptions!.properties ?? {});
  expect(options).toEqual(expect.arrayContaining(['queueAtTop', 'cleanSources']));
});

test('cancel uses the queue for a queued build and the build for a running one', async () => {
  await client.cancelBuild(76, 'q');
  await client.cancelBuild(29, 'r');
  expect(recorded.map((r) => `${r.method} ${r.path}`)).toEqual([
    'GET /app/rest/builds/id:76',
    'POST /app/rest/buildQueue/id:76',
    'GET /app/rest/builds/id:29',
    'POST /app/rest/builds/id:29',
  ]);
  expect(JSON.parse(recorded[1]!.body)).toEqual({ comment: 'q', readdIntoQueue: false });
  const finished = await client.cancelBuild(35, 'too late');
  expect(finished.ok ? 'ok' : finished.error.code).toBe('bad_request');
  expect(recorded.filter((r) => r.method === 'POST')).toHaveLength(2);
});

test('user text reaches locators only base64-encoded, so it cannot add dimensions', async () => {
  const hostile = 'git@bitbucket.org:acme/x),id:(Evil_Build),name:(y';
  await client.findBuildTypesByVcsUrls(['https://bitbucket.org/acme/app.git', hostile], { start: 10, count: 5 });
  await client.listBuilds({ buildTypeId: 'Acme_Build', branchName: 'release),buildType(Other),(x' });
  const [vcs, builds] = recorded.map((r) => r.query.get('locator') ?? '');
  const shape = (text: string) => text.replace(/\$base64:[A-Za-z0-9_-]+/g, 'B64');
  expect(shape(vcs!)).toBe(
    'vcsRootInstance:(item:(property:(name:url,value:(B64),matchType:equals,ignoreCase:true)),' +
      'item:(property:(name:url,value:(B64),matchType:equals,ignoreCase:true))),start:10,count:5',
  );
  const decoded = [...vcs!.matchAll(/\$base64:([A-Za-z0-9_-]+)/g)].map((m) => Buffer.from(m[1]!, 'base64url').toString('utf8'));
  expect(decoded).toEqual(['https://bitbucket.org/acme/app.git', hostile]);
  expect(shape(builds!)).toBe('buildType:(id:Acme_Build),branch:(name:(B64)),defaultFilter:false,count:20');
  expect(recorded[0]!.query.get('fields')).toBe('count,nextHref,buildType(id,name,projectId,projectName,webUrl,paused)');
});

test('bad ids are refused before any request is made', async () => {
  const results = [
    await client.getBuildType('1abc'),
    await client.getBuildType('Abc,id:(x)'),
    await client.getBuildType('A'.repeat(226)),
    await client.triggerBuild({ buildTypeId: 'Abc)', branchName: 'main' }),
    await client.listBuilds({ buildTypeId: 'x y' }),
    await client.getBuild(-1),
    await client.getBuild(1.5),
    await client.cancelBuild(0, 'x'),
    await client.findBuildTypesByVcsUrls(['https://bitbucket.org/acme/app.git'], {}, ['Ok_Id', 'x),id:(Evil']),
    await client.findBuildTypesByVcsUrls(
      [],
      {},
      Array.from({ length: 51 }, (_, i) => `Id${i}`),
    ),
    await client.results.buildsForCommit({ vcsUrls: [], revision: 'a'.repeat(40), branch: 'main', alsoBuildTypeIds: ['1x'] }),
    await client.results.buildsOnBranch({ vcsUrls: [], branch: null, alsoBuildTypeIds: ['a b'] }),
  ];
  expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(Array(results.length).fill('invalid_input'));
  expect(recorded).toHaveLength(0);
  expect((await client.getBuildType('A'.repeat(225))).ok).toBe(false);
  expect(recorded).toHaveLength(1);
});

test('a failed trigger is not retried', async () => {
  const failing = await startHttp((req, res) => {
    recorded.push({ method: req.method ?? '', path: req.url ?? '', query: new URLSearchParams(), headers: req.headers, body: '' });
    res.writeHead(503, { 'Content-Type': 'text/html' }).end('<html><title>503 Service Temporarily Unavailable</title></html>');
  });
  try {
    const flaky = createTeamCityClient({ serverUrl: failing.url, token: TOKEN, fetch });
    const result = await flaky.triggerBuild({ buildTypeId: 'Acme_Build' });
    expect(result.ok ? 'ok' : result.error.code).toBe('server_error');
    expect(recorded).toHaveLength(1);
  } finally {
    await failing.close();
  }
});
