/**
 * The repository and pull request a build is for, read from the Bitbucket API as the user: Forge's extension
 * context only identifies them (repository UUID, pull request id). Only those identifiers pick the repository,
 * and an answer about anything else is ignored, so a caller can never point a build at another repository or
 * pull request.
 */
import type { PullRequestView, RepositoryView } from '../shared/schemas';
import { fail, ok, type Result } from '../shared/result';
import { sameUuid } from './bitbucket-uuid';
import type { Caller } from './caller';
import type { BitbucketReader } from './repository-bitbucket';
import { repositoryTarget } from './repository-context';
import { pullRequestFields, repositoryFields } from './repository-json';
import { vcsUrlCandidates } from './repository-vcs-urls';

export type RepositoryDetails = {
  /** The workspace as the page named it (UUID or slug): what requestBitbucket routes accept, with `uuid`. */
  workspaceId: string;
  uuid: string;
  repository: RepositoryView;
  pullRequest: PullRequestView | null;
  /** Clone URL spellings to look for in TeamCity VCS roots. */
  vcsUrls: string[];
};

const unknownRepository = () => fail('internal_error', "Bitbucket didn't tell us which repository this is. Reload the page and try again.");

const unique = (values: Array<string | undefined>) => [...new Set(values.filter((v): v is string => !!v))];

export const createRepositoryDetails = (bitbucket: BitbucketReader) => ({
  async resolve(caller: Pick<Caller, 'workspaceId' | 'page'>, options: { withBranches: boolean }): Promise<Result<RepositoryDetails>> {
    const target = repositoryTarget(caller);
    if (!target.ok) return target;
    const { workspace, repositoryUuid, pullRequestId } = target.data;

    const [fetchedRepo, fetchedPr, branches] = await Promise.all([
      bitbucket.repository(workspace, repositoryUuid),
      pullRequestId !== null ? bitbucket.pullRequest(workspace, repositoryUuid, pullRequestId) : undefined,
      options.withBranches ? bitbucket.branches(workspace, repositoryUuid) : undefined,
    ]);

    const repo = repositoryFields(fetchedRepo);
    if (!sameUuid(repo.uuid, repositoryUuid)) return unknownRepository();
    const [workspaceSlug, slug] = (repo.fullName ?? '').split('/');
    if (!repo.fullName || !workspaceSlug || !slug) return unknownRepository();
    const mainBranch = repo.mainBranch ?? 'main';

    let pullRequest: PullRequestView | null = null;
    if (pullRequestId !== null) {
      const more = fetchedPr !== undefined ? pullRequestFields(fetchedPr) : {};
      const fromApi = more.id === pullRequestId ? more : {};
      const { sourceBranch, destinationBranch } = fromApi;
      if (!sourceBranch || !destinationBranch) {
        return fail(
          'internal_error',
          `Bitbucket didn't tell us the branches of pull request #${pullRequestId}. Reload the page and try again.`,
        );
      }
      pullRequest = {
        id: pullRequestId,
        title: fromApi.title ?? '',
        sourceBranch,
        destinationBranch,
        author: fromApi.author ?? '',
        ...(fromApi.headCommit !== undefined && { headCommit: fromApi.headCommit }),
      };
    }

    const ownerSlug = repo.workspaceSlug ?? workspaceSlug;
    return ok({
      workspaceId: workspace,
      uuid: repositoryUuid,
      repository: {
        workspace: ownerSlug,
        slug,
        fullName: repo.fullName,
        mainBranch,
        branches: unique([mainBranch, pullRequest?.sourceBranch, pullRequest?.destinationBranch, ...(branches ?? [])]),
      },
      pullRequest,
      vcsUrls: vcsUrlCandidates(repo.fullName, repo.cloneUrls, ownerSlug),
    });
  },
});

export type RepositoryDetailsService = ReturnType<typeof createRepositoryDetails>;
