/**
 * Which repository and pull request a call is about: the caller's page as the resolver edge parsed it from the
 * Forge extension context (never the payload). Forge documents only identifiers there (repository UUID, pull
 * request id; the workspace in the function context), so that is all this takes; the rest is read from
 * Bitbucket's API.
 */
import { fail, ok, type Result } from '../shared/result';
import type { Caller } from './caller';

export type RepositoryTarget = {
  /** Workspace UUID (braced) or slug: what requestBitbucket routes accept. */
  workspace: string;
  repositoryUuid: string;
  pullRequestId: number | null;
};

const REPOSITORY_MODULES = new Set(['bitbucket:repoCodeOverviewAction', 'bitbucket:repoCodeOverviewCard']);
const PULL_REQUEST_MODULES = new Set([
  'bitbucket:repoPullRequestAction',
  'bitbucket:repoPullRequestOverviewPanel',
  'bitbucket:repoPullRequestCard',
]);
/** The repository settings page: a repository context without a pull request. */
const REPOSITORY_SETTINGS_MODULE = 'bitbucket:repoSettingsMenuPage';

const notOnRepositoryPage = () =>
  fail('invalid_input', 'Run TeamCity builds from a repository or pull request page in Bitbucket; this page has no repository.');

export function repositoryTarget({ workspaceId, page }: Pick<Caller, 'workspaceId' | 'page'>): Result<RepositoryTarget> {
  const type = page.type ?? '';
  const onPullRequest = PULL_REQUEST_MODULES.has(type);
  if (!REPOSITORY_MODULES.has(type) && !onPullRequest && type !== REPOSITORY_SETTINGS_MODULE) return notOnRepositoryPage();
  if (!page.repositoryUuid || !workspaceId) return notOnRepositoryPage();
  if (onPullRequest && page.pullRequestId === null) {
    return fail('invalid_input', 'Bitbucket did not say which pull request this is. Reload the page and try again.');
  }
  return ok({
    workspace: workspaceId,
    repositoryUuid: page.repositoryUuid,
    pullRequestId: onPullRequest ? page.pullRequestId : null,
  });
}
