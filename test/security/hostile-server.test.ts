/**
 * A TeamCity impostor on loopback (src/teamcity/testing/hostile-server.ts) against the real resolver, storage
 * and logs of the local host. It sends the request's token back in every place the client reads (reason phrase,
 * headers, every string of every body, error pages, redirects) and in each encoding the secret-canary suite
 * searches for; answers that never end, gzip bombs and huge lists; and lists with malformed items. Then it
 * searches resolver responses, every non-secret storage entry, the host log and everything the process printed.
 */
import { randomBytes } from 'node:crypto';
import { createGzip } from 'node:zlib';
import type { Result } from '../../src/shared/result';
import type { AddTokenResponse, FindBuildConfigurationsResponse, ListRecentBuildsResponse } from '../../src/shared/schemas';
import { buildJson, buildTypeJson, echoAnswer, HOSTILE_BUILD_TYPE } from '../../src/teamcity/testing/hostile-answers';
import { restPath, startHostileServer, type Behaviour, type HostileServer } from '../../src/teamcity/testing/hostile-server';
import { MAX_RESPONSE_BYTES } from '../../src/teamcity/teamcity-body';
import { addToken, call, entriesOf, repoExtension, startTestHost, type TestHost } from './support/host-calls';
import { captureOutput, type OutputCapture } from './support/output-capture';

jest.setTimeout(120_000);

const TOKEN = `eyJ0eXAiOiAiVENWMiJ9.${randomBytes(30).toString('base64url')}.${randomBytes(45).toString('base64url')}`;
/** The forms a server could echo the token in; the same set (and more) as secret-canary.test.ts searches for. */
const ECHOES = [
  `Bearer ${TOKEN}`,
  TOKEN,
  TOKEN.split('.')[1]!,
  Buffer.from(TOKEN).toString('base64'),
  Buffer.from(TOKEN).toString('base64url'),
  Buffer.from(`Bearer ${TOKEN}`).toString('base64'),
  encodeURIComponent(`Bearer ${TOKEN}`),
];
const NEEDLES = [TOKEN, TOKEN.split('.')[1]!, Buffer.from(TOKEN).toString('base64'), encodeURIComponent(TOKEN)];
const MiB = 1024 * 1024;

let host: TestHost;
let hostile: HostileServer;
let output: OutputCapture;
const hostLog: string[] = [];
const summary: string[] = [];

beforeAll(async () => {
  output = captureOutput({ passThrough: false });
  host = await startTestHost((line) => hostLog.push(line));
  hostile = await startHostileServer(echoAnswer(() => ECHOES[0]!));
});
afterAll(async () => {
  output.stop();
  for (const line of summary) console.log(line);
  await hostile?.close();
  await host?.close();
});

/** A JSON answer; a string is sent as it is (already serialized). */
const json = (body: unknown, status = 200, reason = 'OK'): ReturnType<Behaviour> => ({
  status,
  reason,
  headers: { 'Content-Type': 'application/json' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

/** Answers `/app/rest/server`, `/users/current` and `/users/current/tokens` like a real TeamCity, so a token can be added. */
const teamCity =
  (rest: Behaviour): Behaviour =>
  (req) => {
    const path = restPath(req);
    if (path.endsWith('/app/rest/server')) return json({ version: '2025.11 (build 197398)', versionMajor: 2025, versionMinor: 11 });
    if (path.endsWith('/app/rest/users/current')) return json({ id: 7, username: 'alice', name: 'Alice' });
    if (path.endsWith('/app/rest/users/current/tokens')) return json({ count: 0, token: [] });
    return rest(req);
  };

/** Every build configuration on the server, as the dialog's "all" scope asks for them. */
const findAll = (user: string, tokenId: string) =>
  call<FindBuildConfigurationsResponse>(host, user, 'findBuildConfigurations', { tokenId, scope: 'all' }, repoExtension());

async function addedTokenId(user: string): Promise<string> {
  const added = await addToken(host, user, hostile.url, TOKEN);
  if (!added.ok) throw new Error(`addToken failed: ${added.error.code} ${added.error.message}`);
  return added.data.token.id;
}

describe('a server that echoes the token', () => {
  it('never gets it into responses, storage or logs, from any field the client reads', async () => {
    const places: Array<{ where: string; text: string }> = [];
    const seen = (where: string, value: unknown) => places.push({ where, text: JSON.stringify(value) ?? String(value) });
    let echoedFields = 0;
    const failedAdds: string[] = [];
    let calls = 0;
    const invoke = async (user: string, fn: string, payload: unknown, extension?: Record<string, unknown>) => {
      calls++;
      const result = await call(host, user, fn, payload, extension);
      seen(`${fn} as ${user}`, result);
      return result;
    };
    const counting =
      (behaviour: Behaviour, echo: string): Behaviour =>
      (req) => {
        const answer = behaviour(req);
        const all = `${answer.reason}\n${JSON.stringify(answer.headers ?? {})}\n${typeof answer.body === 'string' ? answer.body : ''}`;
        echoedFields += all.split(JSON.stringify(echo).slice(1, -1)).length - 1;
        return answer;
      };

    for (const [i, echo] of ECHOES.entries()) {
      const user = `echo${i}`;
      // Success answers with the token in the reason phrase, headers and every string field.
      // Every other round the version string carries the token too (the app stores and shows it).
      hostile.behaviour = counting(
        echoAnswer(() => echo, i % 2 === 1),
        echo,
      );
      // Searched even when it fails, so a run on a leaky client shows where the token went.
      const added = (await invoke(user, 'addToken', { serverUrl: hostile.url, token: TOKEN })) as Result<AddTokenResponse>;
      if (!added.ok) {
        failedAdds.push(`${echo.slice(0, 12)}…: ${added.error.code}`);
        continue;
      }
      const tokenId = added.data.token.id;
      await invoke(user, 'listTokens', {});
      await invoke(user, 'checkTokens', { ids: [tokenId] });
      await invoke(user, 'findBuildConfigurations', { tokenId, scope: 'all' }, repoExtension());
      await invoke(user, 'findBuildConfigurations', { tokenId, scope: 'all', search: 'e' }, repoExtension());
      await invoke(user, 'getRunParameters', { tokenId, buildTypeId: HOSTILE_BUILD_TYPE }, repoExtension());
      await invoke(user, 'triggerBuild', { tokenId, buildTypeId: HOSTILE_BUILD_TYPE, branchName: 'main' }, repoExtension());
      await invoke(user, 'triggerBuild', { tokenId, buildTypeId: HOSTILE_BUILD_TYPE, tag: 'v1.3.0' }, repoExtension());
      await invoke(user, 'getBuild', { tokenId, buildId: 5 }, repoExtension());
      await invoke(user, 'listRecentBuilds', { tokenId, buildTypeId: HOSTILE_BUILD_TYPE }, repoExtension());
      await invoke(user, 'cancelBuild', { tokenId, buildId: 5 }, repoExtension());

      // Failures whose status line, error body, page title or redirect target carries the token.
      const failures: Array<[string, Behaviour]> = [
        [
          '401 reason',
          () => ({ status: 401, reason: echo, headers: { 'WWW-Authenticate': `Bearer ${echo}` }, body: 'Authentication required' }),
        ],
        [
          '500 TeamCity text',
          () => ({
            status: 500,
            reason: echo,
            headers: { 'Content-Type': 'text/plain' },
            body: `Responding with error, status code: 500 (Internal Server Error).\nDetails: java.lang.IllegalStateException: ${echo}\nUnexpected error.`,
          }),
        ],
        [
          '404 page title',
          () => ({
            status: 404,
            reason: echo,
            headers: { 'Content-Type': 'text/html' },
            body: `<html><head><title>${echo}</title></head></html>`,
          }),
        ],
        [
          '400 JSON',
          () => ({
            status: 400,
            reason: echo,
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ errors: [{ message: echo }] }),
          }),
        ],
        ['403 reason', () => ({ status: 403, reason: echo, headers: { 'Content-Type': 'text/plain' }, body: `Access denied: ${echo}` })],
        ['302 to sign-in', () => ({ status: 302, reason: echo, headers: { Location: `/login.html?t=${echo}` } })],
        ['301 elsewhere', () => ({ status: 301, reason: echo, headers: { Location: `https://evil.example/${echo}/app/rest` } })],
      ];
      for (const [label, behaviour] of failures) {
        hostile.behaviour = counting(behaviour, echo);
        await invoke(user, 'addToken', { serverUrl: hostile.url, token: TOKEN });
        await invoke(user, 'checkTokens', { ids: [tokenId] });
        await invoke(user, 'getRunParameters', { tokenId, buildTypeId: HOSTILE_BUILD_TYPE }, repoExtension());
        await invoke(user, 'triggerBuild', { tokenId, buildTypeId: HOSTILE_BUILD_TYPE, branchName: 'main' }, repoExtension());
        await invoke(user, 'triggerBuild', { tokenId, buildTypeId: HOSTILE_BUILD_TYPE, tag: 'v1.3.0' }, repoExtension());
        await invoke(user, 'listRecentBuilds', { tokenId, buildTypeId: HOSTILE_BUILD_TYPE }, repoExtension());
        seen(
          `storage after ${label}`,
          entriesOf(host, user).filter((e) => !e.secret),
        );
      }
      await invoke(user, 'listTokens', {});
    }

    const plain = host.kvs.rawEntries().filter((e) => !e.secret);
    for (const entry of plain) seen(`stored ${entry.key}`, entry);
    for (const line of hostLog) seen('host log', line);
    for (const line of output.lines) seen('process output', line);
    const hits = places.filter((p) => NEEDLES.some((n) => p.text.includes(n)) || p.text.includes(`Bearer ${TOKEN}`));

    // Controls: the echoes did reach what the app stores and shows, scrubbed; the token is in the secret store.
    const metadata = plain.find((e) => e.key.startsWith('tc-token:') && !e.key.endsWith(':status'));
    const secrets = host.kvs.rawEntries().filter((e) => e.secret && String(e.value) === TOKEN).length;
    summary.push(
      `hostile server: fields echoed: the token in ${echoedFields} places (reason phrases, headers, every string of every answer, ` +
        `error bodies, page titles, redirects) in ${ECHOES.length} encodings over ${calls} resolver calls; searched ${places.length} places ` +
        `(responses, ${plain.length} storage entries, logs, process output); hits ${hits.length}` +
        `${hits.length ? `:\n  ${hits.map((h) => h.where.slice(0, 120)).join('\n  ')}` : ''}`,
    );
    expect(hits.map((h) => h.where)).toEqual([]);
    expect(failedAdds).toEqual([]);
    // The client's structured facts stay in the backend: responses carry only { code, message, field }.
    expect(places.filter((p) => p.text.includes('"teamcity":{')).map((p) => p.where)).toEqual([]);
    expect(JSON.stringify(metadata?.value)).toContain('[redacted]');
    expect(secrets).toBe(ECHOES.length);
    expect(echoedFields).toBeGreaterThan(500);
  });

  it('keeps stored names bounded: a 300 KB user name is cut, not a storage failure', async () => {
    const long = 'N'.repeat(300_000);
    hostile.behaviour = (req) =>
      restPath(req).endsWith('/app/rest/users/current') ? json({ id: 8, username: long, name: long }) : teamCity(() => json({}))(req);
    const added = await addToken(host, 'longname', hostile.url, TOKEN);
    expect(added).toMatchObject({ ok: true });
    const stored = JSON.stringify(entriesOf(host, 'longname'));
    expect(stored.length).toBeLessThan(5_000);
  });
});

/** Peak resident memory over a call, sampled every 10 ms. */
async function peakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakMb: Math.round((peak - base) / MiB) };
  } finally {
    clearInterval(timer);
  }
}

/** gzip of `size` bytes of spaces, made a megabyte at a time so the test itself stays small. */
async function gzipBomb(size: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const parts: Buffer[] = [];
  gzip.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise((resolve) => gzip.on('end', resolve));
  const block = Buffer.alloc(MiB, ' ');
  for (let written = 0; written < size; written += MiB) if (!gzip.write(block)) await new Promise((r) => gzip.once('drain', r));
  gzip.end();
  await done;
  return Buffer.concat(parts);
}

describe('answers too large to hold', () => {
  it('stop being read past the limit, with their own message, and memory stays bounded', async () => {
    const ENDLESS = 128 * MiB;
    // An answer that would go on for 128 MiB (on each of the three requests of adding a token).
    hostile.behaviour = () => ({
      status: 200,
      reason: 'OK',
      headers: { 'Content-Type': 'application/json' },
      body: async (write) => {
        const chunk = Buffer.alloc(256 * 1024, 'a');
        if (!(await write(Buffer.from('{"version":"')))) return;
        for (let sent = 0; sent < ENDLESS; sent += chunk.length) if (!(await write(chunk))) return;
        await write(Buffer.from('"}'));
      },
    });
    hostile.bodyBytesSent = 0;
    const endless = await peakRss(() => addToken(host, 'big', hostile.url, TOKEN));
    const sentMb = Math.round(hostile.bodyBytesSent / MiB);
    expect(endless.result).toMatchObject({ ok: false, error: { code: 'response_too_large', field: 'serverUrl' } });
    expect(endless.result.ok || endless.result.error.message).toMatch(/^TeamCity's answer was too large/);
    expect(hostile.bodyBytesSent).toBeLessThan(3 * ENDLESS * 0.2);

    // A gzip bomb: a few hundred KB on the wire, 256 MiB once fetch has decompressed it.
    const bomb = await gzipBomb(256 * MiB);
    hostile.behaviour = teamCity(() => json({}));
    const tokenId = await addedTokenId('bomb');
    hostile.behaviour = teamCity(() => ({
      status: 200,
      reason: 'OK',
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
      body: bomb,
    }));
    const bombed = await peakRss(() => findAll('bomb', tokenId));
    expect(bombed.result).toMatchObject({ ok: false, error: { code: 'response_too_large' } });
    expect(bombed.peakMb).toBeLessThan(100);

    // A declared Content-Length past the limit is refused before reading.
    hostile.behaviour = teamCity(() => ({
      status: 200,
      reason: 'OK',
      headers: { 'Content-Type': 'application/json', 'Content-Length': '600000000' },
      body: '{',
    }));
    expect(await findAll('bomb', tokenId)).toMatchObject({
      ok: false,
      error: { code: 'response_too_large' },
    });

    // 100,000 build configurations (about 20 MB) are refused as too large ...
    const many = (n: number) => ({
      count: n,
      buildType: Array.from({ length: n }, (_, i) => ({
        ...buildTypeJson(`Configuration ${i}`, `Hostile_B${i}`),
        parameters: undefined,
        description: undefined,
      })),
    });
    const hundredThousand = JSON.stringify(many(100_000));
    hostile.behaviour = teamCity(() => json(hundredThousand));
    const huge = await findAll('bomb', tokenId);
    expect(huge).toMatchObject({ ok: false, error: { code: 'response_too_large' } });

    // ... and 5,000 where a page of 50 was asked for give the page, marked truncated ("refine your search").
    const fiveThousand = JSON.stringify(many(5_000));
    hostile.behaviour = teamCity(() => json(fiveThousand));
    const page = await findAll('bomb', tokenId);
    if (!page.ok) throw new Error(`expected a page, got ${page.error.code}`);
    expect(page.data.items).toHaveLength(50);
    expect(page.data.truncated).toBe(true);

    summary.push(
      `hostile server: bodies capped at ${MAX_RESPONSE_BYTES / MiB} MiB decoded: 3 endless answers of ${ENDLESS / MiB} MiB stopped after ` +
        `${sentMb} MiB sent in all (peak RSS +${endless.peakMb} MB); gzip bomb of ${Math.round(bomb.length / 1024)} KiB ` +
        `(256 MiB decoded) peak RSS +${bombed.peakMb} MB; declared Content-Length 600 MB refused unread; 100,000 build types ` +
        `(${Math.round(hundredThousand.length / MiB)} MB) refused as too large; 5,000 build types for a page of 50: ${page.data.items.length} taken, truncated`,
    );
  });
});

describe('lists with malformed items', () => {
  it('keep the good items and count the bad ones; a 200 with no list members is an error', async () => {
    hostile.behaviour = teamCity(() => json({}));
    const tokenId = await addedTokenId('lists');
    hostile.behaviour = teamCity(() =>
      json({
        count: 4,
        buildType: [
          buildTypeJson('Good one'),
          { id: 42, name: 'id is a number' },
          buildTypeJson('Good two', 'Hostile_Two'),
          { id: 'Hostile_Three' },
        ],
      }),
    );
    const configurations = await findAll('lists', tokenId);
    expect(configurations).toMatchObject({ ok: true, data: { skipped: 2 } });
    expect(configurations.ok && configurations.data.items.map((b) => b.name)).toEqual(['Good one', 'Good two']);

    // TeamCity leaves webUrl and buildTypeId out under a narrower fields=; the link is built from the server URL.
    const { webUrl: _webUrl, buildTypeId: _buildTypeId, buildType: _buildType, ...narrow } = buildJson('narrow', 9);
    hostile.behaviour = teamCity(() => json({ count: 3, build: [buildJson('good', 8), { id: 'not a number' }, narrow] }));
    const builds = await call<ListRecentBuildsResponse>(
      host,
      'lists',
      'listRecentBuilds',
      { tokenId, buildTypeId: HOSTILE_BUILD_TYPE },
      repoExtension(),
    );
    if (!builds.ok) throw new Error(`expected builds, got ${builds.error.code}: ${builds.error.message}`);
    expect(builds.data.skipped).toBe(1);
    expect(builds.data.builds.map((b) => [b.id, b.buildTypeId, b.webUrl])).toEqual([
      [8, HOSTILE_BUILD_TYPE, `${hostile.url}/viewLog.html?buildId=8&buildTypeId=${HOSTILE_BUILD_TYPE}`],
      [9, HOSTILE_BUILD_TYPE, `${hostile.url}/viewLog.html?buildId=9&buildTypeId=${HOSTILE_BUILD_TYPE}`],
    ]);

    hostile.behaviour = teamCity(() => json({ hello: 'world' }));
    expect(await findAll('lists', tokenId)).toMatchObject({
      ok: false,
      error: { code: 'not_teamcity' },
    });
    expect(await call(host, 'lists', 'listRecentBuilds', { tokenId, buildTypeId: HOSTILE_BUILD_TYPE }, repoExtension())).toMatchObject({
      ok: false,
      error: { code: 'not_teamcity' },
    });
    summary.push(
      'hostile server: lists with malformed items: 2 of 4 build configurations and 1 of 3 builds skipped, the rest kept; {} refused as not a list',
    );
  });
});
