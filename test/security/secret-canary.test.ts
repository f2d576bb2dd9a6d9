/**
 * Real TeamCity tokens (their values are the canaries) go through every resolver function, on success and on
 * every TeamCity failure, and through the pages in Chromium. Then every place a token could leak to is searched:
 * resolver responses, thrown errors, every HTTP response the browser got, the frames' rendered HTML, the
 * browser console, the host's log, everything the process printed, request URLs, and the non-secret storage.
 */
import type { Browser } from 'playwright-core';
import { FAULTS } from '../../local/teamcity-simulator';
import type { TriggerBuildResponse } from '../../src/shared/schemas';
import { launchChromium, newTestPage } from '../browser/browser-helpers';
import { addedTokenId, call, prExtension, repoExtension, startTestHost, type TestHost, type Simulator } from './support/host-calls';
import { captureOutput, type OutputCapture } from './support/output-capture';

jest.setTimeout(180_000);

const USER = 'canary';
const TIMEOUT_MS = 500;
const previousTimeout = process.env.TEAMCITY_TIMEOUT_MS;

let host: TestHost;
let sim: Simulator;
let browser: Browser | undefined;
let output: OutputCapture;
const hostLog: string[] = [];
/** Each searched text with where it came from. */
const places: Array<{ kind: string; where: string; text: string }> = [];
const canaries: string[] = [];
const searched = (kind: string, where: string, text: unknown) =>
  places.push({ kind, where, text: typeof text === 'string' ? text : (JSON.stringify(text) ?? String(text)) });

/** A token, its secret middle part and the forms it could be re-encoded in. */
const needlesOf = (token: string) =>
  [token, token.split('.')[1]!, Buffer.from(token).toString('base64'), encodeURIComponent(token)].filter((n) => n.length >= 16);

beforeAll(async () => {
  process.env.TEAMCITY_TIMEOUT_MS = String(TIMEOUT_MS);
  output = captureOutput({ passThrough: false });
  host = await startTestHost((line) => hostLog.push(line));
  sim = host.simulator;
});
afterAll(async () => {
  output.stop();
  await browser?.close();
  await host.close();
  if (previousTimeout === undefined) delete process.env.TEAMCITY_TIMEOUT_MS;
  else process.env.TEAMCITY_TIMEOUT_MS = previousTimeout;
});

const canary = (teamcityUser: string, name: string) => {
  const token = sim.createToken(teamcityUser, name);
  canaries.push(token);
  return token;
};

async function invoke(fn: string, payload: unknown, extension?: Record<string, unknown>, label = fn) {
  try {
    const result = await call(host, USER, fn, payload, extension);
    searched('resolver response', label, result);
    return result;
  } catch (error) {
    searched('thrown error', label, error instanceof Error ? `${error.message}\n${error.stack}` : error);
    return undefined;
  }
}

describe('secret canary', () => {
  it('no token value appears anywhere outside the secret store', async () => {
    const main = canary('admin', 'canary-main');
    const second = canary('developer', 'canary-second');
    const localhost = sim.url.replace('127.0.0.1', 'localhost');
    const mainId = await addedTokenId(host, USER, sim.url, main);
    const secondId = await addedTokenId(host, USER, localhost, second);
    const queued = await call<TriggerBuildResponse>(
      host,
      USER,
      'triggerBuild',
      { tokenId: mainId, buildTypeId: 'Acme_Webapp_Build', branchName: 'main' },
      repoExtension(),
    );
    if (!queued.ok) throw new Error(`setup trigger failed: ${queued.error.code}`);
    const buildId = queued.data.build.id;

    // Failing adds whose token is a canary too.
    const revoked = canary('admin', 'canary-revoked');
    sim.revokeToken(revoked);
    const expired = canary('admin', 'canary-expired');
    sim.revokeToken(expired);
    await invoke('addToken', { serverUrl: sim.url, token: revoked }, undefined, 'addToken revoked');
    await invoke('addToken', { serverUrl: sim.url, token: ` ${expired}\n` }, undefined, 'addToken expired, padded');
    await invoke('addToken', { serverUrl: sim.url, token: `${revoked}\r\nX-Injected: 1` }, undefined, 'addToken CR/LF');
    await invoke('addToken', { serverUrl: sim.url, token: `${revoked} ${revoked}` }, undefined, 'addToken twice pasted');
    await invoke('addToken', { serverUrl: 'http://127.0.0.1:9', token: revoked }, undefined, 'addToken unreachable');
    await invoke('addToken', { serverUrl: host.url, token: revoked }, undefined, 'addToken not TeamCity');
    await invoke('addToken', { serverUrl: revoked, token: revoked }, undefined, 'addToken token pasted as the server');

    // Every resolver function, with TeamCity answering normally and with each fault.
    const calls: Array<[string, () => unknown, () => Record<string, unknown> | undefined]> = [
      ['listTokens', () => ({}), () => undefined],
      ['addToken', () => ({ serverUrl: sim.url, token: main }), () => undefined],
      ['getBuildSetup', () => ({}), prExtension],
      ['findBuildConfigurations', () => ({ tokenId: mainId, scope: 'repository' }), repoExtension],
      ['findBuildConfigurations', () => ({ tokenId: secondId, scope: 'all', search: 'web' }), repoExtension],
      [
        'triggerBuild',
        () => ({
          tokenId: mainId,
          buildTypeId: 'Acme_Webapp_Build',
          branchName: 'feature/login',
          comment: 'canary run',
          parameters: [{ name: 'env.X', value: '1' }],
        }),
        prExtension,
      ],
      ['triggerBuild', () => ({ tokenId: secondId, buildTypeId: 'AcmeRelease_Production', branchName: 'main' }), repoExtension],
      ['getBuild', () => ({ tokenId: mainId, buildId }), repoExtension],
      ['getBuild', () => ({ tokenId: mainId, buildId: 999999 }), repoExtension],
      ['listRecentBuilds', () => ({ tokenId: mainId, buildTypeId: 'Acme_Webapp_Build', branchName: 'main' }), repoExtension],
      ['cancelBuild', () => ({ tokenId: secondId, buildId }), repoExtension],
    ];
    for (const fault of ['none' as const, ...FAULTS]) {
      if (fault !== 'none') sim.setFault(fault, fault === 'slow' ? { delayMs: TIMEOUT_MS * 4 } : {});
      for (const [fn, payload, extension] of calls) await invoke(fn, payload(), extension(), `${fn} with ${fault}`);
      sim.setFault(null);
    }
    await invoke('cancelBuild', { tokenId: mainId, buildId }, repoExtension(), 'cancelBuild running');

    // The pages in Chromium, for the same user.
    browser = await launchChromium();
    const { page, context } = await newTestPage(browser);
    const bodies: Array<Promise<void>> = [];
    let bridgeResponses = 0;
    page.on('response', (response) => {
      if (response.url().includes('/__forge/bridge/')) bridgeResponses++;
      bodies.push(
        response.text().then(
          (text) => void searched('browser response', response.url(), `${JSON.stringify(response.headers())}\n${text}`),
          () => undefined,
        ),
      );
    });
    page.on('console', (message) => searched('browser console', page.url(), message.text()));
    page.on('pageerror', (error) => searched('browser error', page.url(), `${error.message}\n${error.stack}`));
    const frames = async (where: string) => {
      for (const frame of page.frames()) searched('rendered frame', `${where} ${frame.url()}`, await frame.content().catch(() => ''));
    };

    await page.goto(`${host.url}/account/teamcity?as=${USER}`);
    await page.frameLocator('iframe.forge-frame').getByTestId('token-server').first().waitFor({ timeout: 30_000 });
    await frames('settings');
    for (const pagePath of ['/acme/webapp', '/acme/webapp/pull-requests/1']) {
      await page.goto(host.url + pagePath);
      await page.getByLabel('More actions').click();
      await page.locator('[data-open-modal]').first().click();
      {
        await page.locator('iframe.modal-frame').waitFor({ timeout: 10_000 });
      }
      await page.waitForLoadState('networkidle').catch(() => undefined);
      await page.waitForTimeout(1500);
      await frames(pagePath);
    }
    await context.close();
    await Promise.all(bodies);

    // The host's own records and storage.
    for (const line of hostLog) searched('host log', 'log option', line);
    for (const line of output.lines) searched('process output', 'console/stdout', line);
    for (const entry of host.httpLog) searched('host request log', entry.path, entry);
    for (const request of sim.requests) searched('TeamCity request URL', request.path, request.path);
    const entries = host.kvs.rawEntries();
    for (const entry of entries.filter((e) => !e.secret)) searched('stored entity', entry.key, entry);

    const needles = canaries.flatMap(needlesOf);
    const hits = places.filter((p) => needles.some((n) => p.text.includes(n)));
    const byKind = places.reduce<Record<string, number>>((acc, p) => ({ ...acc, [p.kind]: (acc[p.kind] ?? 0) + 1 }), {});
    // Controls: the search finds the tokens where they belong, and the pages really showed the stored tokens.
    const secretHits = entries.filter((e) => e.secret && needles.some((n) => String(e.value).includes(n))).length;
    output.stop();
    console.log(
      `secret canary: ${canaries.length} tokens (${needles.length} needles) searched in ${places.length} places ` +
        `(${Object.entries(byKind)
          .map(([k, n]) => `${n} ${k}`)
          .join(', ')}); hits ${hits.length}` +
        `${hits.length ? `:\n  ${hits.map((h) => `${h.kind} @ ${h.where.slice(0, 120)}`).join('\n  ')}` : ''}; control: found in ${secretHits} secret entries`,
    );
    expect(hits.map((h) => `${h.kind} @ ${h.where}`)).toEqual([]);
    expect(secretHits).toBe(2);
    expect(bridgeResponses).toBeGreaterThan(0);
    expect(byKind['resolver response']).toBeGreaterThan(100);
    expect(byKind['process output']).toBeGreaterThan(100);
  });
});
