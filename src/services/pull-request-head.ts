/**
 * A pull request's head commit as TeamCity needs it: Bitbucket gives a pull request's commit as a short hash,
 * TeamCity matches full hashes, so it is expanded with GET .../commit/{hash} (read:repository:bitbucket), and the
 * expansion must be the same commit. The merge check reads as the app, since it has no user to act for (its
 * payload only names the workspace, repository and pull request: Forge docs, "Bitbucket custom merge check",
 * Invocation payload; scope read:pullrequest:bitbucket); the run dialog and the pull request panel read as the user.
 */
import { route } from '@forge/api';
import { readJson } from './repository-bitbucket';
import { pullRequestFields } from './repository-json';

export type PullRequestHead = { commit: string; targetBranch: string; sourceBranch: string | null };

export type PullRequestHeadReader = (
  workspace: string,
  repositoryUuid: string,
  pullRequestId: number,
) => Promise<PullRequestHead | undefined>;

/** GET .../commit/{hash}; read as the user unless said otherwise. */
export type CommitReader = (workspace: string, repositoryUuid: string, hash: string) => Promise<unknown>;

export const forgeCommitReader: CommitReader = (workspace, repo, hash) =>
  readJson('commit', route`/2.0/repositories/${workspace}/${repo}/commit/${hash}`);

const FULL_HASH = /^[0-9a-f]{40}$/;

/**
 * The full hash of the commit a (short) hash names in the repository, or undefined when Bitbucket does not know
 * it there; a prefix lookup that found another commit does not count.
 */
export async function expandCommit(read: CommitReader, workspace: string, repo: string, hash: string): Promise<string | undefined> {
  const typed = hash.toLowerCase();
  const found = (await read(workspace, repo, typed)) as { hash?: unknown } | undefined;
  const full = typeof found?.hash === 'string' ? found.hash.toLowerCase() : '';
  return FULL_HASH.test(full) && full.startsWith(typed) ? full : undefined;
}

/** For showing and matching builds: a full hash as is, a short one expanded (kept short if Bitbucket would not say). */
export const fullCommitHash = async (read: CommitReader, workspace: string, repo: string, hash: string): Promise<string> =>
  FULL_HASH.test(hash) ? hash : ((await expandCommit(read, workspace, repo, hash)) ?? hash);

const readAsApp: CommitReader = (workspace, repo, hash) =>
  readJson('merge_check_commit', route`/2.0/repositories/${workspace}/${repo}/commit/${hash}`, 'app');

export const bitbucketPullRequestHead: PullRequestHeadReader = async (workspace, repositoryUuid, pullRequestId) => {
  const pr = pullRequestFields(
    await readJson(
      'merge_check_pull_request',
      route`/2.0/repositories/${workspace}/${repositoryUuid}/pullrequests/${pullRequestId}`,
      'app',
    ),
  );
  if (pr.headCommit === undefined || pr.destinationBranch === undefined) return undefined;
  const head = { targetBranch: pr.destinationBranch, sourceBranch: pr.sourceBranch ?? null };
  // The merge check passes only on a build of exactly this commit: an unexpanded short hash fails it.
  const commit = FULL_HASH.test(pr.headCommit) ? pr.headCommit : await expandCommit(readAsApp, workspace, repositoryUuid, pr.headCommit);
  return commit === undefined ? undefined : { ...head, commit };
};
