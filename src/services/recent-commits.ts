/**
 * The run dialog's list of a branch's newest commits, to pick the one to build. Read from Bitbucket Cloud as the
 * user (scope read:repository:bitbucket, so Bitbucket applies the user's own permissions), in the repository of the
 * caller's page: the browser names only the branch.
 *
 * The branch goes in `include` rather than in the path (`.../commits/{branch}`, the same list): @forge/api's route()
 * refuses a "/" in a path parameter, which most branches of a pull request have, and Bitbucket is reported not to
 * read an encoded one as a revision (BCLOUD-9969). `include` takes any ref, the way `git log <ref>` does.
 */
import { route } from '@forge/api';
import { fail, ok, type Result } from '../shared/result';
import type { ListRecentCommitsRequest, ListRecentCommitsResponse } from '../shared/schemas';
import type { Caller } from './caller';
import { MAX_RECENT_COMMITS, recentCommitsOf } from './commit-json';
import { readBitbucket, type BitbucketRead } from './repository-bitbucket';
import { repositoryTarget } from './repository-context';

/** GET the newest commits of `branch` in the repository, newest first. */
export type CommitHistoryReader = (workspace: string, repositoryUuid: string, branch: string) => Promise<BitbucketRead>;

export const forgeCommitHistoryReader: CommitHistoryReader = (workspace, repo, branch) =>
  readBitbucket('recent_commits', route`/2.0/repositories/${workspace}/${repo}/commits?include=${branch}&pagelen=${MAX_RECENT_COMMITS}`);

export const createRecentCommits =
  (read: CommitHistoryReader = forgeCommitHistoryReader) =>
  async (caller: Caller, input: ListRecentCommitsRequest): Promise<Result<ListRecentCommitsResponse>> => {
    const target = repositoryTarget(caller);
    if (!target.ok) return target;
    const { workspace, repositoryUuid } = target.data;
    const answer = await read(workspace, repositoryUuid, input.branch);
    if (answer.ok) return ok({ commits: recentCommitsOf(answer.body) });
    // Bitbucket answers 404 for a ref the repository does not have (and for a repository the user may not see,
    // which the page they are on rules out).
    if (answer.status === 404) return fail('not_found', `Bitbucket has no branch ${input.branch} in this repository.`, 'branch');
    return fail('internal_error', `Bitbucket didn't send the recent commits of ${input.branch}.`);
  };
