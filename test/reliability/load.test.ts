/**
 * Bounded load over loopback HTTP: 50 emulated users at once, each making 40 resolver calls through the host's
 * bridge endpoint (session cookie as the browser sends it), 2,000 calls in all. Every call must succeed, and
 * afterwards each user's storage and each user's TeamCity builds must be exactly what that user did.
 */
import type { Result } from '../../src/shared/result';
import type { AddTokenResponse, ListTokensResponse, TriggerBuildResponse } from '../../src/shared/schemas';
import { entriesOf, listTokens, startTestHost, type TestHost, type Simulator } from '../security/support/host-calls';
import { captureOutput } from '../security/support/output-capture';

const USERS = 50;
const ROUNDS = 11;
const CALLS_PER_USER = 5 + ROUNDS * 3 + 2;
const SETTINGS_FRAME = { module: 'teamcity-personal-settings', workspace: 'acme' };
const REPO_FRAME = { module: 'teamcity-run-build-repo', workspace: 'acme', repo: 'webapp' };

// Generous so a slow run still reports its numbers; the assertion below holds it to 50 s.
jest.setTimeout(120_000);

let host: TestHost;
let sim: Simulator;
beforeAll(async () => {
  // 2,000 calls in under a minute from one installation read the KVS about 6,700 times, past Forge's 4,000 read
  // units a minute (local/forge-host/README.md); this test measures the app's own concurrency, not that quota.
  host = await startTestHost(undefined, { kvsRateLimits: false });
  sim = host.simulator;
});
afterAll(() => host.close());

const latencies: number[] = [];
const errors: string[] = [];

async function bridge<T>(user: string, functionKey: string, payload: unknown, frame = SETTINGS_FRAME): Promise<T | undefined> {
  const started = performance.now();
  try {
    const response = await fetch(`${host.url}/__forge/bridge/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forge-bridge': '1', cookie: `forge_local_user=${user}` },
      body: JSON.stringify({ frame, functionKey, payload }),
    });
    const body = (await response.json()) as { result?: Result<T> };
    if (response.status !== 200 || !body.result?.ok) {
      errors.push(`${user} ${functionKey}: HTTP ${response.status} ${body.result && !body.result.ok ? body.result.error.code : ''}`);
      return undefined;
    }
    return body.result.data;
  } catch (error) {
    // Counted, not thrown, so every session still finishes and the summary shows all failures.
    errors.push(
      `${user} ${functionKey}: ${error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? '')}` : String(error)}`,
    );
    return undefined;
  } finally {
    latencies.push(performance.now() - started);
  }
}

/** What one user does; returns what storage and TeamCity should hold for them afterwards. */
async function session(i: number) {
  const user = `load-user-${i}`;
  const teamcityUser = `tc-load-${i}`;
  sim.data.addUser({ username: teamcityUser, password: 'x', runBuild: 'all' });
  const token = sim.createToken(teamcityUser, 'load');
  const otherServer = sim.url.replace('127.0.0.1', 'localhost');
  const kept = await bridge<AddTokenResponse>(user, 'addToken', { serverUrl: sim.url, token });
  const dropped = await bridge<AddTokenResponse>(user, 'addToken', { serverUrl: otherServer, token });
  const both = await bridge<ListTokensResponse>(user, 'listTokens', {});
  if (both && both.tokens.length !== 2) errors.push(`${user} listed ${both.tokens.length} tokens, expected 2`);
  await bridge(user, 'deleteToken', { id: dropped?.token.id });
  const one = await bridge<ListTokensResponse>(user, 'listTokens', {});
  if (one && one.tokens.length !== 1) errors.push(`${user} listed ${one.tokens.length} tokens, expected 1`);
  const tokenId = kept?.token.id;
  for (let round = 0; round < ROUNDS; round++) {
    const queued = await bridge<TriggerBuildResponse>(
      user,
      'triggerBuild',
      { tokenId, buildTypeId: 'Acme_Webapp_Build', branchName: 'main', comment: `${user} round ${round}` },
      REPO_FRAME,
    );
    await bridge(user, 'getBuild', { tokenId, buildId: queued?.build.id }, REPO_FRAME);
    await bridge(user, 'listTokens', {});
  }
  await bridge(user, 'findBuildConfigurations', { tokenId, scope: 'repository' }, REPO_FRAME);
  await bridge(user, 'getBuildSetup', {}, REPO_FRAME);
  return { user, teamcityUser, token, tokenId };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

describe('load', () => {
  it(`${USERS} users x ${CALLS_PER_USER} calls over HTTP, no errors, each user's state exactly their own`, async () => {
    const output = captureOutput({ passThrough: false });
    const started = performance.now();
    let outcomes: Awaited<ReturnType<typeof session>>[];
    try {
      outcomes = await Promise.all(Array.from({ length: USERS }, (_, i) => session(i)));
    } finally {
      output.stop();
    }
    const seconds = (performance.now() - started) / 1000;
    const sorted = [...latencies].sort((a, b) => a - b);

    const mismatches: string[] = [];
    for (const { user, teamcityUser, token, tokenId } of outcomes) {
      const tokens = await listTokens(host, user);
      if (tokens.length !== 1 || tokens[0]!.id !== tokenId || tokens[0]!.teamcityUsername !== teamcityUser)
        mismatches.push(`${user}: tokens ${JSON.stringify(tokens.map((t) => t.teamcityUsername))}`);
      const entries = entriesOf(host, user);
      const secrets = entries.filter((e) => e.secret).map((e) => e.value);
      if (secrets.length !== 1 || secrets[0] !== token)
        mismatches.push(`${user}: ${secrets.length} secrets, own token ${secrets[0] === token}`);
      // Metadata and its status record, one secret, and the remembered build choice.
      const keys = entries
        .map((e) => e.key.split(':')[0])
        .sort()
        .join(',');
      if (keys !== 'tc-build-pref,tc-secret,tc-token,tc-token') mismatches.push(`${user}: stored ${keys}`);
      const builds = sim.data.builds.all().filter((b) => b.triggeredBy.username === teamcityUser);
      const comments = builds.map((b) => b.comment).sort();
      const expected = Array.from({ length: ROUNDS }, (_, r) => `${user} round ${r}`).sort();
      if (JSON.stringify(comments) !== JSON.stringify(expected)) mismatches.push(`${user}: builds ${JSON.stringify(comments)}`);
    }
    const leaked = output.lines.filter((line) => outcomes.some((o) => line.includes(o.token))).length;

    console.log(
      `load: ${latencies.length} resolver calls over HTTP by ${USERS} users in ${seconds.toFixed(1)} s = ${(latencies.length / seconds).toFixed(0)} calls/s; ` +
        `p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms; ` +
        `errors ${errors.length}; users with a wrong final state ${mismatches.length}; log lines ${output.lines.length} (with a token: ${leaked})` +
        `${errors.length + mismatches.length ? `\n  ${[...errors, ...mismatches].slice(0, 20).join('\n  ')}` : ''}`,
    );
    expect(latencies).toHaveLength(USERS * CALLS_PER_USER);
    expect(errors).toEqual([]);
    expect(mismatches).toEqual([]);
    expect(leaked).toBe(0);
    expect(seconds).toBeLessThan(50);
  });
});
