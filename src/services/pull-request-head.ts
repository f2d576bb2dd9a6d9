/**
 * The pull request a merge check runs for, read from Bitbucket as the app: a merge check has no user to act for
 * (its payload only names the workspace, repository and pull request: Forge docs, "Bitbucket custom merge
 * check", Invocation payload), and the app's scope read:pullrequest:bitbucket covers it. Bitbucket's pull request
 * carries a shortened head hash, so a short one is expanded with GET .../commit/{hash} (read:repository:bitbucket).
 */
import api, { route, type Route } from '@forge/api';
import { logEvent } from '../logging/log';

export type PullRequestHead = { commit: string; targetBranch: string; sourceBranch: string | null };

export type PullRequestHeadReader = (
  workspace: string,
  repositoryUuid: string,
  pullRequestId: number,
) => Promise<PullRequestHead | undefined>;

const FULL_HASH = /^[0-9a-f]{40}$/;
const SHORT_HASH = /^[0-9a-f]{7,39}$/;

async function readAsApp(what: string, path: Route): Promise<Record<string, unknown> | undefined> {
  try {
    const response = await api.asApp().requestBitbucket(path, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      logEvent('bitbucket_read_failed', { what, status: response.status });
      return undefined;
    }
    const body = (await response.json()) as unknown;
    return body && typeof body === 'object' ? (body as Record<string, unknown>) : undefined;
  } catch (error) {
    logEvent('bitbucket_read_failed', { what, error: error instanceof Error ? error.name : typeof error });
    return undefined;
  }
}

const field = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), value);

export const bitbucketPullRequestHead: PullRequestHeadReader = async (workspace, repositoryUuid, pullRequestId) => {
  const pr = await readAsApp(
    'merge_check_pull_request',
    route`/2.0/repositories/${workspace}/${repositoryUuid}/pullrequests/${pullRequestId}`,
  );
  const hash = field(pr, 'source', 'commit', 'hash');
  const targetBranch = field(pr, 'destination', 'branch', 'name');
  const sourceBranch = field(pr, 'source', 'branch', 'name');
  if (typeof hash !== 'string' || typeof targetBranch !== 'string' || targetBranch === '') return undefined;
  const head = { targetBranch, sourceBranch: typeof sourceBranch === 'string' ? sourceBranch : null };
  if (FULL_HASH.test(hash)) return { ...head, commit: hash };
  if (!SHORT_HASH.test(hash)) return undefined;
  const commit = field(
    await readAsApp('merge_check_commit', route`/2.0/repositories/${workspace}/${repositoryUuid}/commit/${hash}`),
    'hash',
  );
  // The expansion must be the same commit, not whatever a prefix lookup found.
  return typeof commit === 'string' && FULL_HASH.test(commit) && commit.startsWith(hash) ? { ...head, commit } : undefined;
};
