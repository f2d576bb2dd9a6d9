/**
 * Reads repository details from the Bitbucket Cloud REST API as the signed-in user (so Bitbucket applies the
 * user's own permissions), with the manifest's read:repository:bitbucket and read:pullrequest:bitbucket scopes.
 * A failed read returns undefined and the caller says what it could not learn, except a missing consent, which
 * must reach Forge (see forge-consent.ts).
 */
import api, { route, type Route } from '@forge/api';
import { logEvent } from '../logging/log';
import { needsUserConsent } from './forge-consent';
import { branchNames } from './repository-json';

export type BitbucketReader = {
  repository(workspace: string, repositoryUuid: string): Promise<unknown>;
  branches(workspace: string, repositoryUuid: string): Promise<string[] | undefined>;
  pullRequest(workspace: string, repositoryUuid: string, id: number): Promise<unknown>;
};

/** One page is plenty for a branch picker; the user can still type any other branch. */
const BRANCH_PAGE = 100;

/** What a GET brought back: the JSON, or the status Bitbucket refused it with (none when no answer came). */
export type BitbucketRead = { ok: true; body: unknown } | { ok: false; status?: number };

/**
 * GET as the signed-in user (or, for the merge check, which has no user, as the app); a failure is logged with the
 * status only. Throws only when the user has not yet allowed the app to act for them, so Forge can ask.
 */
export async function readBitbucket(what: string, path: Route, actor: 'user' | 'app' = 'user'): Promise<BitbucketRead> {
  try {
    const bitbucket = actor === 'app' ? api.asApp() : api.asUser();
    const response = await bitbucket.requestBitbucket(path, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      logEvent('bitbucket_read_failed', { what, status: response.status });
      return { ok: false, status: response.status };
    }
    return { ok: true, body: (await response.json()) as unknown };
  } catch (error) {
    if (needsUserConsent(error)) throw error;
    logEvent('bitbucket_read_failed', { what, error: error instanceof Error ? error.name : typeof error });
    return { ok: false };
  }
}

/** The JSON of a GET, or undefined when Bitbucket does not answer 2xx (see readBitbucket). */
export async function readJson(what: string, path: Route, actor: 'user' | 'app' = 'user'): Promise<unknown> {
  const read = await readBitbucket(what, path, actor);
  return read.ok ? read.body : undefined;
}

export const forgeBitbucketReader: BitbucketReader = {
  repository: (workspace, repo) => readJson('repository', route`/2.0/repositories/${workspace}/${repo}`),
  async branches(workspace, repo) {
    const page = await readJson(
      'branches',
      route`/2.0/repositories/${workspace}/${repo}/refs/branches?pagelen=${BRANCH_PAGE}&sort=${'-target.date'}`,
    );
    return page === undefined ? undefined : branchNames(page);
  },
  pullRequest: (workspace, repo, id) => readJson('pull_request', route`/2.0/repositories/${workspace}/${repo}/pullrequests/${id}`),
};
