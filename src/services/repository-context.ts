/**
 * Which repository and pull request a call is about, read from the Forge extension context that the runtime
 * passes to the resolver (never from the payload). Bitbucket puts at least `repository.uuid` and, on a pull
 * request page, `pullRequest.id` there, plus the workspace as `context.workspaceId`; richer API-shaped objects
 * are used when present.
 */
import { fail, ok, type Result } from '../shared/result';
import { pullRequestFields, repositoryFields, text, type PullRequestFields, type RepositoryFields } from './repository-json';

export type ExtensionTarget = {
  /** Workspace UUID (braced) or slug: what requestBitbucket routes accept. */
  workspace: string;
  repository: RepositoryFields & { uuid: string };
  pullRequest: (PullRequestFields & { id: number }) | null;
};

const REPOSITORY_MODULES = new Set(['bitbucket:repoCodeOverviewAction', 'bitbucket:repoCodeOverviewCard']);
const PULL_REQUEST_MODULES = new Set([
  'bitbucket:repoPullRequestAction',
  'bitbucket:repoPullRequestOverviewPanel',
  'bitbucket:repoPullRequestCard',
]);

const notOnRepositoryPage = () =>
  fail('invalid_input', 'Run TeamCity builds from a repository or pull request page in Bitbucket; this page has no repository.');

export function readExtensionTarget(context: Record<string, unknown>): Result<ExtensionTarget> {
  const extension = (context.extension ?? {}) as Record<string, unknown>;
  const type = typeof extension.type === 'string' ? extension.type : '';
  if (!REPOSITORY_MODULES.has(type) && !PULL_REQUEST_MODULES.has(type)) return notOnRepositoryPage();

  const repository = repositoryFields(extension.repository);
  const workspaceRef = (extension.workspace ?? {}) as Record<string, unknown>;
  const workspace =
    text(context.workspaceId) ?? text(workspaceRef.uuid) ?? repository.workspaceUuid ?? text(workspaceRef.slug) ?? repository.workspaceSlug;
  const workspaceSlug = repository.workspaceSlug ?? text(workspaceRef.slug);
  if (!repository.uuid || !workspace) return notOnRepositoryPage();

  let pullRequest: ExtensionTarget['pullRequest'] = null;
  if (PULL_REQUEST_MODULES.has(type)) {
    const fields = pullRequestFields(extension.pullRequest);
    if (fields.id === undefined)
      return fail('invalid_input', 'Bitbucket did not say which pull request this is. Reload the page and try again.');
    pullRequest = { ...fields, id: fields.id };
  }
  return ok({ workspace, repository: { ...repository, uuid: repository.uuid, workspaceSlug }, pullRequest });
}
