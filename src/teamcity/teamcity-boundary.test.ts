/**
 * The client as the edge of untrusted input, over real loopback sockets: what a server sends is scrubbed and
 * bounded before decoding, lists survive a bad item, links stay on the token's server, bodies are capped.
 */
import type http from 'node:http';
import { createTeamCityClient } from './teamcity-client';
import { scrubberFor, scrubJson } from './teamcity-redact';
import { startHttp, type Loopback } from './testing/loopback-server';

const TOKEN = 'eyJ0eXAiOiAiVENWMiJ9.boundary-test-secret-part-0123456789.c2lnbmF0dXJlLXBhcnQ';

let server: Loopback;
let answer: (req: http.IncomingMessage, res: http.ServerResponse) => void = (_req, res) => res.end();

beforeAll(async () => {
  server = await startHttp((req, res) => answer(req, res));
});
afterAll(() => server.close());

const json = (body: unknown) => (_req: http.IncomingMessage, res: http.ServerResponse) => {
  res.writeHead(200, { 'Content-Type': 'application/json' }).end(typeof body === 'string' ? body : JSON.stringify(body));
};

const client = (options: { maxResponseBytes?: number } = {}) =>
  createTeamCityClient({ serverUrl: server.url, token: TOKEN, fetch, ...options });

describe('scrubbing', () => {
  const scrub = scrubberFor(TOKEN);

  test.each([
    ['raw', TOKEN],
    ['signed middle part', TOKEN.split('.')[1]!],
    ['base64', Buffer.from(TOKEN).toString('base64')],
    ['base64url', Buffer.from(TOKEN).toString('base64url')],
    ['base64 of the header', Buffer.from(`Bearer ${TOKEN}`).toString('base64')],
    ['percent-encoded header', encodeURIComponent(`Bearer ${TOKEN}`)],
    ['any bearer value', 'Bearer some-other-credential'],
  ])('removes the token %s', (_label, form) => {
    const clean = scrub(`before ${form} after`);
    expect(clean).toMatch(/^before .*\[redacted\].* after$/);
    expect(clean).not.toContain(TOKEN.split('.')[1]);
  });

  test('reaches every string of a body, keys included, and bounds each one', () => {
    const body = { a: [{ b: TOKEN }], [TOKEN]: 'x', long: 'y'.repeat(100_000) };
    const clean = JSON.stringify(scrubJson(body, scrub));
    expect(clean).not.toContain(TOKEN);
    expect(clean.length).toBeLessThan(70_000);
  });
});

describe('lists', () => {
  test('a bad token item is left out and the rest kept', async () => {
    answer = json({ count: 3, token: [{ name: 'good' }, { name: 42 }, { name: 'also good', expirationTime: '2099-01-01T00:00:00Z' }] });
    expect(await client().listOwnTokens()).toEqual({
      ok: true,
      data: [{ name: 'good' }, { name: 'also good', expiresAt: '2099-01-01T00:00:00.000Z' }],
    });
  });

  test.each([
    ['an object without count, href or the item array', { hello: 'world' }],
    ['a bare array', [{ id: 'A_B', name: 'x' }]],
    ['an item array that is not an array', { buildType: 'A_B' }],
  ])('%s is not a list', async (_label, body) => {
    answer = json(body);
    expect(await client().searchBuildTypes('')).toMatchObject({ ok: false, error: { code: 'not_teamcity' } });
  });

  test('an empty list with count 0 is an empty list', async () => {
    answer = json({ count: 0 });
    expect(await client().searchBuildTypes('')).toMatchObject({ ok: true, data: { items: [], skipped: 0, truncated: false } });
  });

  test('a build configuration id that could not be used again is a bad item', async () => {
    answer = json({
      count: 2,
      buildType: [
        { id: 'Good_One', name: 'Good' },
        { id: 'bad id; with spaces', name: 'Bad' },
      ],
    });
    const page = await client().searchBuildTypes('');
    expect(page).toMatchObject({ ok: true, data: { skipped: 1, count: 1 } });
  });

  test('no more items are taken than the page asked for', async () => {
    answer = json({ count: 30, buildType: Array.from({ length: 30 }, (_, i) => ({ id: `B_${i}`, name: `B ${i}` })) });
    const page = await client().searchBuildTypes('', { start: 10, count: 20 });
    expect(page).toMatchObject({ ok: true, data: { count: 20, truncated: true, nextStart: 30 } });
  });
});

describe('links', () => {
  test('a webUrl on another host or scheme is replaced by one on the server', async () => {
    answer = json({
      count: 3,
      buildType: [
        { id: 'A_One', name: 'a', webUrl: `${server.url}/viewType.html?buildTypeId=A_One` },
        { id: 'A_Two', name: 'b', webUrl: 'https://evil.example/phish' },
        { id: 'A_Three', name: 'c', webUrl: 'javascript:alert(1)' },
      ],
    });
    const page = await client().searchBuildTypes('');
    expect(page.ok && page.data.items.map((b) => b.webUrl)).toEqual([
      `${server.url}/viewType.html?buildTypeId=A_One`,
      `${server.url}/viewType.html?buildTypeId=A_Two`,
      `${server.url}/viewType.html?buildTypeId=A_Three`,
    ]);
  });

  test('a queued build without webUrl links to the queue page; its configuration comes from the request', async () => {
    answer = json({ id: 12, state: 'queued' });
    const queued = await client().triggerBuild({ buildTypeId: 'A_One' });
    expect(queued).toMatchObject({ ok: true, data: { id: 12, buildTypeId: 'A_One', webUrl: `${server.url}/viewQueued.html?itemId=12` } });
  });
});

describe('size', () => {
  test('a body past the limit is a response_too_large error of its own', async () => {
    answer = json({ version: 'x'.repeat(5000) });
    const result = await client({ maxResponseBytes: 1024 }).getServerInfo();
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'response_too_large', teamcity: { cause: { kind: 'too_large', limitBytes: 1024 } } },
    });
    expect(result.ok || result.error.message).toMatch(
      /^TeamCity's answer was too large: .* sent more than 1 KiB when asked to report its version/,
    );
  });

  test('JSON nested deeper than TeamCity ever sends is not TeamCity data', async () => {
    answer = json(`${'['.repeat(5000)}${']'.repeat(5000)}`);
    expect(await client().getServerInfo()).toMatchObject({ ok: false, error: { code: 'not_teamcity' } });
  });
});
