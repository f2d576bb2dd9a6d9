/**
 * Use cases of the pull request panel and card and the repository card: which builds TeamCity has for the pull
 * request's head commit (or the branch shown), refreshing the unfinished ones, the details of a failed build,
 * and re-running one. Every TeamCity read uses the viewer's own token, so nobody sees what another person's token
 * could see; the repository and pull request come from the extension context only.
 */
import { isServerAllowed } from '../shared/server-policy';
import { ok, type AppError, type Result } from '../shared/result';
import type {
  BuildFailureDetailsResponse,
  BuildRequest,
  BuildResponse,
  BuildResultsResponse,
  PollBuildResultsResponse,
  ServerResultsView,
  TokenView,
} from '../shared/schemas';
import { pullRequestParameters, userParametersOf } from '../shared/pull-request-parameters';
import type { TokenService } from './token-service';
import { buildFailure, tokenRejected, triggerFailure } from './build-errors';
import { toBuildView } from './build-view';
import { configurationRows, toResultBuildView } from './build-results-view';
import { createWithToken } from './with-token';
import { readConfigurationChoices } from './configuration-choices';
import { repositorySettingsStore, type RepositorySettingsStore } from '../stores/repository-settings-store';
import { forgeBitbucketReader, type BitbucketReader } from './repository-bitbucket';
import { createRepositoryDetails, type RepositoryDetails } from './repository-details';
import type { Caller } from './caller';
import { passwordNames, specsOf } from './run-parameters';
import { forgeCommitReader, fullCommitHash, type CommitReader } from './pull-request-head';
import { teamCityLink } from '../shared/teamcity-link';

export type BuildResultsDeps = {
  tokens: TokenService;
  bitbucket?: BitbucketReader;
  commits?: CommitReader;
  settings?: RepositorySettingsStore;
};

/** Enough configurations for any one repository; more are counted, not listed. */
const CONFIGURATION_PAGE = 100;
export const FAILED_TESTS_SHOWN = 20;
export const LOG_LINES_SHOWN = 100;

export const createBuildResultsService = ({
  tokens,
  bitbucket = forgeBitbucketReader,
  commits = forgeCommitReader,
  settings = repositorySettingsStore,
}: BuildResultsDeps) => {
  const repositories = createRepositoryDetails(bitbucket);

  const withToken = createWithToken(tokens);

  /**
   * The pull request's head commit as Bitbucket has it now (it moves with every push), as a full hash. Its short
   * form comes with the pull request that repository-details.ts already read; only the expansion is another read.
   */
  async function headCommitOf({ workspaceId, uuid, pullRequest }: RepositoryDetails): Promise<string | null> {
    if (pullRequest?.headCommit === undefined) return null;
    return fullCommitHash(commits, workspaceId, uuid, pullRequest.headCommit);
  }

  async function serverResults(
    caller: Caller,
    server: TokenView,
    q: { vcsUrls: string[]; branch: string; commit: string | null; defaultBranch: boolean; hidden: Set<string>; added: string[] },
  ): Promise<ServerResultsView> {
    const result = await withToken(caller, server.id, async (client, token) => {
      const [types, builds] = await Promise.all([
        client.findBuildTypesByVcsUrls(q.vcsUrls, { start: 0, count: CONFIGURATION_PAGE }, q.added),
        q.commit !== null
          ? client.results.buildsForCommit({ vcsUrls: q.vcsUrls, revision: q.commit, branch: q.branch, alsoBuildTypeIds: q.added })
          : client.results.buildsOnBranch({ vcsUrls: q.vcsUrls, branch: q.defaultBranch ? null : q.branch, alsoBuildTypeIds: q.added }),
      ]);
      const authenticated = types.ok || builds.ok;
      if (!types.ok) return { result: types, authenticated };
      if (!builds.ok) return { result: builds, authenticated };
      const shown = types.data.items.filter((t) => !q.hidden.has(t.id) && (!t.paused || builds.data.some((b) => b.buildTypeId === t.id)));
      return {
        result: ok({
          configurations: configurationRows(shown, builds.data, token.serverUrl, q.commit),
          moreConfigurations: types.data.nextStart !== null && types.data.nextStart !== undefined,
        }),
        authenticated,
      };
    });
    if (result.ok) return { tokenId: server.id, serverUrl: server.serverUrl, ok: true, ...result.data };
    return { tokenId: server.id, serverUrl: server.serverUrl, ok: false, error: readFailure(result.error, server.serverUrl) };
  }

  return {
    async getBuildResults(caller: Caller): Promise<Result<BuildResultsResponse>> {
      const [details, listed, choices] = await Promise.all([
        repositories.resolve(caller, { withBranches: false }),
        tokens.list(caller.accountId),
        readConfigurationChoices(settings, caller.page.repositoryUuid),
      ]);
      if (!details.ok) return details;
      if (!listed.ok) return listed;
      const { repository, pullRequest, vcsUrls } = details.data;
      const headCommit = await headCommitOf(details.data);
      const shownBranch = pullRequest === null ? (caller.page.branchName ?? undefined) : undefined;
      const branch = pullRequest?.sourceBranch ?? shownBranch ?? repository.mainBranch;
      const usable = listed.data.tokens.filter((s) => isServerAllowed(listed.data.policy, s.serverUrl));
      const servers = await Promise.all(
        usable.map((s) =>
          serverResults(caller, s, {
            vcsUrls,
            branch,
            commit: pullRequest === null ? null : headCommit,
            defaultBranch: pullRequest === null && branch === repository.mainBranch,
            hidden: choices.hiddenOn(s.serverUrl),
            added: choices.addedOn(s.serverUrl),
          }),
        ),
      );
      return ok({
        view: pullRequest === null ? 'repository' : 'pullRequest',
        repository: { fullName: repository.fullName, mainBranch: repository.mainBranch },
        pullRequest,
        branch,
        headCommit: pullRequest === null ? null : headCommit,
        needsToken: usable.length === 0,
        servers,
      });
    },

    pollBuildResults: (caller: Caller, input: { tokenId: string; buildIds: number[] }): Promise<Result<PollBuildResultsResponse>> =>
      withToken(caller, input.tokenId, async (client, token) => {
        const builds = await client.results.buildsById(input.buildIds);
        if (!builds.ok) return { result: { ok: false, error: readFailure(builds.error, token.serverUrl) }, authenticated: false };
        return { result: ok({ builds: builds.data.map((b) => toResultBuildView(b, token.serverUrl)) }), authenticated: true };
      }),

    getBuildFailureDetails: (caller: Caller, input: BuildRequest): Promise<Result<BuildFailureDetailsResponse>> =>
      withToken(caller, input.tokenId, async (client, token) => {
        const [details, tests, log] = await Promise.all([
          client.results.buildDetails(input.buildId),
          client.results.failedTests(input.buildId, FAILED_TESTS_SHOWN),
          client.results.logTail(input.buildId, LOG_LINES_SHOWN),
        ]);
        const authenticated = details.ok || tests.ok || log.ok;
        const missing = `build with id ${input.buildId}`;
        if (!details.ok)
          return { result: { ok: false, error: buildFailure(details.error, token.serverUrl, 'read this build', missing) }, authenticated };
        if (!tests.ok)
          return {
            result: { ok: false, error: buildFailure(tests.error, token.serverUrl, 'read the tests of this build', missing) },
            authenticated,
          };
        const server = token.serverUrl.replace(/\/+$/, '');
        const buildTypeId = details.data.buildTypeId;
        const download = (name: string) =>
          buildTypeId === undefined
            ? undefined
            : teamCityLink(
                `${server}/repository/download/${encodeURIComponent(buildTypeId)}/${input.buildId}:id/${encodeURIComponent(name)}`,
                server,
              );
        return {
          result: ok({
            problems: details.data.problems,
            failedTests: tests.data,
            logTail: log.ok ? log.data : null,
            ...(!log.ok && {
              logError: buildFailure(log.error, token.serverUrl, 'read the log of this build', `log of build ${input.buildId}`),
            }),
            ...withLink('logUrl', teamCityLink(`${server}/downloadBuildLog.html?buildId=${input.buildId}`, server)),
            artifacts: details.data.artifacts.map((a) => ({
              ...a,
              ...withLink('downloadUrl', a.directory ? undefined : download(a.name)),
            })),
            ...withLink(
              'artifactsUrl',
              buildTypeId === undefined
                ? undefined
                : teamCityLink(
                    `${server}/buildConfiguration/${encodeURIComponent(buildTypeId)}/${input.buildId}?buildTab=artifacts`,
                    server,
                  ),
            ),
          }),
          authenticated,
        };
      }),

    /** Same configuration, branch and parameters as the build it repeats; on a pull request, its current bitbucket.pr.* values. */
    async rerunBuild(caller: Caller, input: BuildRequest): Promise<Result<BuildResponse>> {
      const details = await repositories.resolve(caller, { withBranches: false });
      if (!details.ok) return details;
      const { pullRequest } = details.data;
      return withToken(
        caller,
        input.tokenId,
        async (client, token) => {
          const original = await client.getBuild(input.buildId);
          if (!original.ok) {
            return {
              result: {
                ok: false,
                error: buildFailure(original.error, token.serverUrl, 'read this build', `build with id ${input.buildId}`),
              },
              authenticated: false,
            };
          }
          const b = original.data;
          const repeated = userParametersOf(b.properties ?? []);
          // TeamCity sends a password parameter back empty; repeating "" would replace the password it stores. Only
          // a build with empty values costs the read of the configuration that tells which of them are passwords.
          let secrets = new Set<string>();
          if (repeated.some((p) => p.value === '')) {
            const type = await client.getBuildType(b.buildTypeId);
            if (type.ok) secrets = passwordNames(specsOf(type.data.parameters ?? []));
          }
          const queued = await client.triggerBuild({
            buildTypeId: b.buildTypeId,
            ...(b.branchName !== undefined && { branchName: b.branchName }),
            // The pull request's parameters go only with a build of its own source branch.
            properties: [
              ...repeated.filter((p) => !(p.value === '' && secrets.has(p.name))),
              ...(pullRequest && b.branchName === pullRequest.sourceBranch ? pullRequestParameters(pullRequest) : []),
            ],
            comment: 'Re-run from Bitbucket',
          });
          if (queued.ok) return { result: ok({ build: toBuildView(queued.data, token.serverUrl) }), authenticated: true };
          const error = triggerFailure(queued.error, {
            serverUrl: token.serverUrl,
            buildTypeId: b.buildTypeId,
            ...(b.projectName !== undefined && { projectName: b.projectName }),
            ...(b.buildTypeName !== undefined && { buildTypeName: b.buildTypeName }),
          });
          return { result: { ok: false, error }, authenticated: true };
        },
        { forRunning: true },
      );
    },
  };
};

const withLink = <K extends string>(key: K, url: string | undefined) => (url === undefined ? {} : ({ [key]: url } as Record<K, string>));

/** Reading builds: the dialog's wording for permission and missing-thing failures. */
const readFailure = (error: AppError, serverUrl: string): AppError =>
  error.code === 'unauthorized'
    ? tokenRejected(error, serverUrl)
    : buildFailure(error, serverUrl, 'see the builds of this repository', 'builds');

export type BuildResultsService = ReturnType<typeof createBuildResultsService>;
