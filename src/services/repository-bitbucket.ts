/**
 * Reads repository details from the Bitbucket Cloud REST API as the signed-in user (so Bitbucket applies the
 * user's own permissions). Every read is optional: a failure returns undefined and the caller falls back to
 * what the extension context held.
 */
import api, { NeedsAuthenticationError, route, type Route } from '@forge/api';
import { logEvent } from '../logging/log';
import { branchNames } from './repository-json';

export type BitbucketReader = {
  repository(workspace: string, repositoryUuid: string): Promise<unknown>;
  branches(workspace: string, repositoryUuid: string): Promise<string[] | undefined>;
  pullRequest(workspace: string, repositoryUuid: string, id: number): Promise<unknown>;
};

/** One page is plenty for a branch picker; the user can still type any other branch. */
const BRANCH_PAGE = 100;

/** GET as the signed-in user; undefined (and a log line with the status only) when Bitbucket does not answer 2xx. */
export async function readJson(what: string, path: Route): Promise<unknown> {
  try {
    const response = await api.asUser().requestBitbucket(path, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      logEvent('bitbucket_read_failed', { what, status: response.status });
      return undefined;
    }
    return (await response.json()) as unknown;
  } catch (error) {
    // Forge shows its consent prompt only if this reaches the platform.
    if (error instanceof NeedsAuthenticationError) throw error;
    logEvent('bitbucket_read_failed', { what, error: error instanceof Error ? error.name : typeof error });
    return undefined;
  }
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
