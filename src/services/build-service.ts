/**
 * Use cases of the "Run TeamCity build" dialog on repository and pull request pages. Each TeamCity call runs
 * with the user's own token (so TeamCity's permissions apply), and every accepted call refreshes the token's
 * "Last authenticated". The repository and pull request come from the extension context only.
 */
import { logEvent } from '../logging/log';
import { isServerAllowed } from '../shared/server-policy';
import { ok, type AppError, type Result } from '../shared/result';
import type {
  BuildConfigurationView,
  BuildRequest,
  BuildResponse,
  FindBuildConfigurationsRequest,
  FindBuildConfigurationsResponse,
  GetBuildSetupResponse,
  ListRecentBuildsRequest,
  ListRecentBuildsResponse,
  TokenView,
  TriggerBuildResponse,
  triggerBuildRequestSchema,
} from '../shared/schemas';
import { buildPreferencesStore, type BuildPreferences, type BuildPreferencesStore } from '../stores/build-preferences-store';
import type { TeamCityBuildType } from '../teamcity/teamcity-client';
import type { StoredToken } from '../stores/token-store';
import type { TokenService } from './token-service';
import { buildFailure, triggerFailure } from './build-errors';
import { checkUserParameters, shortBranchName } from './build-parameters';
import { pullRequestParameters } from '../shared/pull-request-parameters';
import { toBuildView } from './build-view';
import { createWithToken } from './with-token';
import { forgeBitbucketReader, type BitbucketReader } from './repository-bitbucket';
import { createRepositoryDetails } from './repository-details';
import type { z } from 'zod';

type Context = Record<string, unknown>;
type TriggerInput = z.output<typeof triggerBuildRequestSchema>;

export type BuildServiceDeps = {
  tokens: TokenService;
  bitbucket?: BitbucketReader;
  preferences?: BuildPreferencesStore;
};

export const RECENT_BUILDS = 5;
/** A repository rarely has more configurations than this; text search reads bigger pages because it filters them. */
const PAGE_SIZE = 50;
const SEARCH_PAGE_SIZE = 500;
const CANCEL_COMMENT = 'Canceled from Bitbucket';
/** Choosing and starting builds obey the workspace's server allowlist; following or cancelling a started one does not. */
const RUNNING = { forRunning: true } as const;

const toConfigurationView = (b: TeamCityBuildType): BuildConfigurationView => ({
  id: b.id,
  name: b.name,
  projectId: b.projectId,
  projectName: b.projectName,
  webUrl: b.webUrl,
  paused: b.paused === true,
});

/** The remembered server if the user still has its token and may use it, else the only usable one. */
const selectToken = (servers: TokenView[], remembered: string | null, allowedServers: string[]): string | null => {
  const usable = servers.filter((s) => isServerAllowed({ allowedServers }, s.serverUrl));
  return usable.find((s) => s.id === remembered)?.id ?? (usable.length === 1 ? usable[0]!.id : null);
};

export const createBuildService = ({ tokens, bitbucket = forgeBitbucketReader, preferences = buildPreferencesStore }: BuildServiceDeps) => {
  const repositories = createRepositoryDetails(bitbucket);

  const withToken = createWithToken(tokens);

  /** One TeamCity call whose success is the proof of authentication. */
  const single = <T>(result: Result<T>) => ({ result, authenticated: result.ok });

  const readPreferences = async (accountId: string, repositoryUuid: string): Promise<BuildPreferences> => {
    try {
      return await preferences.get(accountId, repositoryUuid);
    } catch (error) {
      logEvent('build_preferences_read_failed', { error: error instanceof Error ? error.name : typeof error });
      return { tokenId: null, buildTypeIds: {} };
    }
  };

  return {
    async getBuildSetup(accountId: string, context: Context): Promise<Result<GetBuildSetupResponse>> {
      const [details, tokenList] = await Promise.all([repositories.resolve(context, { withBranches: true }), tokens.list(accountId)]);
      if (!details.ok) return details;
      if (!tokenList.ok) return tokenList;
      const { tokens: servers, policy } = tokenList.data;
      const remembered = servers.length > 0 ? await readPreferences(accountId, details.data.uuid) : { tokenId: null, buildTypeIds: {} };
      const known = new Set(servers.map((s) => s.id));
      const { repository, pullRequest } = details.data;
      return ok({
        servers,
        selectedTokenId: selectToken(servers, remembered.tokenId, policy.allowedServers),
        repository,
        pullRequest,
        defaultBranch: pullRequest?.sourceBranch ?? repository.mainBranch,
        lastBuildTypeIds: Object.fromEntries(Object.entries(remembered.buildTypeIds).filter(([id]) => known.has(id))),
        allowedServers: policy.allowedServers,
      });
    },

    async findBuildConfigurations(
      accountId: string,
      context: Context,
      input: FindBuildConfigurationsRequest,
    ): Promise<Result<FindBuildConfigurationsResponse>> {
      let urls: string[] = [];
      if (input.scope === 'repository') {
        const details = await repositories.resolve(context, { withBranches: false });
        if (!details.ok) return details;
        urls = details.data.vcsUrls;
      }
      return withToken(
        accountId,
        input.tokenId,
        async (client) => {
          const search = input.search?.trim() ?? '';
          const page =
            input.scope === 'repository'
              ? await client.findBuildTypesByVcsUrls(urls, { start: input.start ?? 0, count: PAGE_SIZE })
              : await client.searchBuildTypes(search, { start: input.start ?? 0, count: search === '' ? PAGE_SIZE : SEARCH_PAGE_SIZE });
          if (!page.ok) return single(page);
          return single(ok({ items: page.data.items.map(toConfigurationView), nextStart: page.data.nextStart ?? null }));
        },
        RUNNING,
      );
    },

    async triggerBuild(accountId: string, context: Context, input: TriggerInput): Promise<Result<TriggerBuildResponse>> {
      const badParameters = checkUserParameters(input.parameters);
      if (badParameters) return badParameters;
      const details = await repositories.resolve(context, { withBranches: false });
      if (!details.ok) return details;
      const { uuid, pullRequest } = details.data;
      const properties = [...input.parameters, ...(pullRequest ? pullRequestParameters(pullRequest) : [])];

      const result = await withToken(
        accountId,
        input.tokenId,
        async (client, token) => {
          const queued = await client.triggerBuild({
            buildTypeId: input.buildTypeId,
            branchName: shortBranchName(input.branchName),
            properties,
            ...(input.comment !== undefined && input.comment.trim() !== '' && { comment: input.comment }),
            ...(input.queueAtTop !== undefined && { queueAtTop: input.queueAtTop }),
            ...(input.cleanCheckout !== undefined && { cleanCheckout: input.cleanCheckout }),
          });
          if (queued.ok) return single(ok({ build: toBuildView(queued.data) }));
          // Only a refusal costs a second request: the configuration's project names who must grant the permission.
          const type = queued.error.code === 'forbidden' ? await client.getBuildType(input.buildTypeId) : undefined;
          const error = triggerFailure(queued.error, {
            serverUrl: token.serverUrl,
            buildTypeId: input.buildTypeId,
            ...(type?.ok && { projectName: type.data.projectName, buildTypeName: type.data.name }),
          });
          return { result: { ok: false as const, error }, authenticated: type?.ok === true || queued.error.code === 'forbidden' };
        },
        RUNNING,
      );

      if (result.ok) {
        // The build is already queued: failing to remember the choice must not report the trigger as failed.
        await preferences
          .remember(accountId, uuid, input.tokenId, input.buildTypeId)
          .catch((error: unknown) =>
            logEvent('build_preferences_write_failed', { error: error instanceof Error ? error.name : typeof error }),
          );
      }
      return result;
    },

    getBuild: (accountId: string, input: BuildRequest): Promise<Result<BuildResponse>> =>
      withToken(accountId, input.tokenId, async (client, token) => {
        const build = await client.getBuild(input.buildId);
        if (!build.ok) return single(mapError(build.error, token, 'read this build', `build with id ${input.buildId}`));
        return single(ok({ build: toBuildView(build.data) }));
      }),

    cancelBuild: (accountId: string, input: BuildRequest): Promise<Result<BuildResponse>> =>
      withToken(accountId, input.tokenId, async (client, token) => {
        const build = await client.cancelBuild(input.buildId, CANCEL_COMMENT);
        // cancelBuild reads the build first: TeamCity answering "not allowed", "not found" or "already finished"
        // still proves it accepted the token; anything else proves nothing.
        const authenticated = build.ok || ['forbidden', 'not_found', 'bad_request'].includes(build.error.code);
        if (!build.ok)
          return { result: mapError(build.error, token, 'cancel this build', `build with id ${input.buildId}`), authenticated };
        return { result: ok({ build: toBuildView(build.data) }), authenticated };
      }),

    listRecentBuilds: (accountId: string, input: ListRecentBuildsRequest): Promise<Result<ListRecentBuildsResponse>> =>
      withToken(accountId, input.tokenId, async (client, token) => {
        const builds = await client.listBuilds({
          buildTypeId: input.buildTypeId,
          ...(input.branchName !== undefined && { branchName: shortBranchName(input.branchName) }),
          count: RECENT_BUILDS,
        });
        if (!builds.ok)
          return single(mapError(builds.error, token, 'list the builds of this configuration', `build configuration ${input.buildTypeId}`));
        return single(ok({ builds: builds.data.map(toBuildView) }));
      }),
  };
};

const mapError = (error: AppError, token: StoredToken, action: string, missing: string): { ok: false; error: AppError } => ({
  ok: false,
  error: buildFailure(error, token.serverUrl, action, missing),
});

export type BuildService = ReturnType<typeof createBuildService>;
