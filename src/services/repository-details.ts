/**
 * The repository and pull request a build is for: the extension context first, the Bitbucket API (as the
 * user) for whatever the context left out. Only the context's identifiers pick the repository, so a caller
 * can never point a build at another repository or pull request.
 */
import type { PullRequestView, RepositoryView } from '../shared/schemas';
import { fail, ok, type Result } from '../shared/result';
import type { BitbucketReader } from './repository-bitbucket';
import { readExtensionTarget } from './repository-context';
import { pullRequestFields, repositoryFields } from './repository-json';
import { vcsUrlCandidates } from './repository-vcs-urls';

export type RepositoryDetails = {
  uuid: string;
  repository: RepositoryView;
  pullRequest: PullRequestView | null;
  /** Clone URL spellings to look for in TeamCity VCS roots. */
  vcsUrls: string[];
};

const unknownRepository = () => fail('internal_error', "Bitbucket didn't tell us which repository this is. Reload the page and try again.");

const unique = (values: Array<string | undefined>) => [...new Set(values.filter((v): v is string => !!v))];

export const createRepositoryDetails = (bitbucket: BitbucketReader) => ({
  async resolve(context: Record<string, unknown>, options: { withBranches: boolean }): Promise<Result<RepositoryDetails>> {
    const target = readExtensionTarget(context);
    if (!target.ok) return target;
    const { workspace, pullRequest: prRef } = target.data;
    let repo = target.data.repository;

    const needsRepository = !repo.fullName || !repo.mainBranch;
    const needsPullRequest =
      prRef !== null && (!prRef.sourceBranch || !prRef.destinationBranch || prRef.title === undefined || !prRef.author);
    const [fetchedRepo, fetchedPr, branches] = await Promise.all([
      needsRepository ? bitbucket.repository(workspace, repo.uuid) : undefined,
      needsPullRequest ? bitbucket.pullRequest(workspace, repo.uuid, prRef.id) : undefined,
      options.withBranches ? bitbucket.branches(workspace, repo.uuid) : undefined,
    ]);

    if (fetchedRepo !== undefined) {
      const more = repositoryFields(fetchedRepo);
      // The fetched object must be the context's repository; anything else is ignored.
      if (more.uuid === repo.uuid) {
        repo = {
          ...repo,
          fullName: repo.fullName ?? more.fullName,
          mainBranch: repo.mainBranch ?? more.mainBranch,
          workspaceSlug: repo.workspaceSlug ?? more.workspaceSlug,
          cloneUrls: unique([...repo.cloneUrls, ...more.cloneUrls]),
        };
      }
    }
    const [workspaceSlug, slug] = (repo.fullName ?? '').split('/');
    if (!repo.fullName || !workspaceSlug || !slug) return unknownRepository();
    const mainBranch = repo.mainBranch ?? 'main';

    let pullRequest: PullRequestView | null = null;
    if (prRef !== null) {
      const more = fetchedPr !== undefined ? pullRequestFields(fetchedPr) : {};
      const fromApi = more.id === prRef.id ? more : {};
      const sourceBranch = prRef.sourceBranch ?? fromApi.sourceBranch;
      const destinationBranch = prRef.destinationBranch ?? fromApi.destinationBranch;
      if (!sourceBranch || !destinationBranch) {
        return fail('internal_error', `Bitbucket didn't tell us the branches of pull request #${prRef.id}. Reload the page and try again.`);
      }
      pullRequest = {
        id: prRef.id,
        title: prRef.title ?? fromApi.title ?? '',
        sourceBranch,
        destinationBranch,
        author: prRef.author ?? fromApi.author ?? '',
      };
    }

    return ok({
      uuid: repo.uuid,
      repository: {
        workspace: repo.workspaceSlug ?? workspaceSlug,
        slug,
        fullName: repo.fullName,
        mainBranch,
        branches: unique([mainBranch, pullRequest?.sourceBranch, pullRequest?.destinationBranch, ...(branches ?? [])]),
      },
      pullRequest,
      vcsUrls: vcsUrlCandidates(repo.fullName, repo.cloneUrls, repo.workspaceSlug ?? workspaceSlug),
    });
  },
});

export type RepositoryDetailsService = ReturnType<typeof createRepositoryDetails>;
