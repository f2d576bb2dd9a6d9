/**
 * Shared set-up for the build dialog's integration tests: a local host with the TeamCity simulator (short
 * build durations), helpers to store a token through the real addToken resolver and to call the build
 * resolvers from a repository or pull request page.
 */
import { startLocalHost, type LocalHost } from '../../local/forge-host/start-local-host';
import { extensionForFrame } from '../../local/forge-host/runtime/extension-context';
import type { Result } from '../../src/shared/result';
import type { AddTokenResponse, BuildView, TokenView } from '../../src/shared/schemas';
import { resetBranchHeads } from '../../local/forge-host/bitbucket/branch-heads';

export const DURATIONS = { queuedMs: 80, runningMs: 250 };

export const repoPage = (repo = 'webapp') => extensionForFrame({ module: 'teamcity-run-build-repo', repo });
export const prPage = (repo = 'webapp', pr = '1') => extensionForFrame({ module: 'teamcity-run-build-pr', repo, pr });

/** `now`: a test clock for the app and the simulator (running, so builds still progress). */
export const startBuildHost = (options: { now?: () => number } = {}) =>
  startLocalHost({ port: 0, dbPath: ':memory:', teamcity: { buildDurations: DURATIONS }, ...options });

export type Call = <T>(user: string, key: string, payload: unknown, extension?: Record<string, unknown>) => Promise<Result<T>>;

export const caller =
  (host: LocalHost): Call =>
  async (user, key, payload, extension = repoPage()) =>
    (await host.invoke(user, key, payload, extension)) as never;

/** Stores a token of `teamcityUser` for `bitbucketUser` through the settings page's resolver. */
export async function addToken(
  host: LocalHost,
  bitbucketUser: string,
  teamcityUser: string,
): Promise<{ token: TokenView; secret: string }> {
  const secret = host.simulator!.createToken(teamcityUser, `${bitbucketUser}-${Math.random().toString(36).slice(2)}`);
  const added = (await host.invoke(bitbucketUser, 'addToken', {
    serverUrl: host.simulator!.url,
    token: secret,
  })) as Result<AddTokenResponse>;
  if (!added.ok) throw new Error(`addToken failed: ${added.error.code}`);
  return { token: added.data.token, secret };
}

export const unwrap = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.data;
};

/** Polls getBuild as the dialog does until the build finishes; bounded so a stuck build fails the test. */
export async function followBuild(call: Call, user: string, tokenId: string, buildId: number): Promise<BuildView[]> {
  const seen: BuildView[] = [];
  for (let i = 0; i < 100; i++) {
    const { build } = unwrap(await call<{ build: BuildView }>(user, 'getBuild', { tokenId, buildId }));
    seen.push(build);
    if (build.state === 'finished') return seen;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`build ${buildId} did not finish`);
}

export const postsToBuildQueue = (host: LocalHost) =>
  host.simulator!.requests.filter((r) => r.method === 'POST' && r.path.split('?')[0]!.endsWith('/app/rest/buildQueue')).length;

export type BuildSuite = { host: LocalHost; call: Call; tokenId: string };

/** A host with `user`'s token for the simulator's `teamcityUser`: what a suite about one user's runs starts with. */
export async function startBuildSuite(user: string, teamcityUser = 'admin'): Promise<BuildSuite> {
  const host = await startBuildHost();
  return { host, call: caller(host), tokenId: (await addToken(host, user, teamcityUser)).token.id };
}

/** Closes the host and puts every emulated branch back where it started (the state is process-wide). */
export async function closeBuildSuite(host: LocalHost): Promise<void> {
  resetBranchHeads();
  await host.close();
}
