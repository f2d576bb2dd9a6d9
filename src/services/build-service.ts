/**
 * Use cases of the "Run TeamCity build" dialog on repository and pull request pages. Each TeamCity call runs
 * with the user's own token (so TeamCity's permissions apply), and every accepted call refreshes the token's
 * "Last authenticated". The repository and pull request come from the extension context only.
 */
import { logEvent } from '../logging/log';
import { isServerAllowed } from '../shared/server-policy';
import { fail, ok, type AppError, type Result } from '../shared/result';
import type {
  ApproveBuildResponse,
  BuildRequest,
  BuildResponse,
  BuildView,
  FindBuildConfigurationsRequest,
  FindBuildConfigurationsResponse,
  GetBuildSetupResponse,
  GetRunParametersRequest,
  GetRunParametersResponse,
  ListRecentBuildsRequest,
  ListRecentBuildsResponse,
  TokenView,
  TriggerBuildResponse,
  triggerBuildRequestSchema,
} from '../shared/schemas';
import { buildPreferencesStore, type BuildPreferences, type BuildPreferencesStore } from '../stores/build-preferences-store';
import type { StoredToken } from '../stores/token-store';
import type { TokenService } from './token-service';
import { outOfTime } from './deadline-errors';
import { buildFailure, triggerFailure } from './build-errors';
import { checkUserParameters, shortBranchName } from './build-parameters';
import { pullRequestParameters } from '../shared/pull-request-parameters';
import { toApprovalView, toBuildView, toConfigurationView } from './build-view';
import { createWithToken } from './with-token';
import { readConfigurationChoices } from './configuration-choices';
import { repositorySettingsStore, type RepositorySettingsStore } from '../stores/repository-settings-store';
import { expandCommit, forgeCommitReader, type CommitReader } from './pull-request-head';
import { forgeBitbucketReader, type BitbucketReader } from './repository-bitbucket';
import { createRepositoryDetails } from './repository-details';
import { runValuesStore, type RunValuesStore } from '../stores/run-values-store';
import { checkRunParameters, passwordNames, rememberedValues, runParametersView, specsOf } from './run-parameters';
import { createRecentCommits, type CommitHistoryReader } from './recent-commits';
import type { z } from 'zod';
import type { Caller } from './caller';
import { forgeTagReader, type RepositoryTag, type TagReader } from './repository-tags';
import { tagCoverage } from './tag-branches';
import { foundTag, runTagsView, tagBranch } from './run-tags';
type TriggerInput = z.output<typeof triggerBuildRequestSchema>;

export type BuildServiceDeps = {
  tokens: TokenService;
  bitbucket?: BitbucketReader;
  preferences?: BuildPreferencesStore;
  runValues?: RunValuesStore;
  /** Expands a typed commit to its full hash in the repository (Bitbucket, as the user). */
  commits?: CommitReader;
  /** The repository's tags (Bitbucket, as the user). */
  tags?: TagReader;
  /** A branch's newest commits (Bitbucket, as the user). */
  commitHistory?: CommitHistoryReader;
  settings?: RepositorySettingsStore;
};

export const RECENT_BUILDS = 5;
/** A repository rarely has more configurations than this; text search reads bigger pages because it filters them. */
const PAGE_SIZE = 50;
const SEARCH_PAGE_SIZE = 500;
const CANCEL_COMMENT = 'Canceled from Bitbucket';
/** Choosing and starting builds obey the workspace's server allowlist; following or cancelling a started one does not. */
const RUNNING = { forRunning: true } as const;

/** The remembered server if the user still has its token and may use it, else the only usable one. */
const selectToken = (servers: TokenView[], remembered: string | null, allowedServers: string[]): string | null => {
  const usable = servers.filter((s) => isServerAllowed({ allowedServers }, s.serverUrl));
  return usable.find((s) => s.id === remembered)?.id ?? (usable.length === 1 ? usable[0]!.id : null);
};

/** A password given for a run is TeamCity's alone: blank it wherever TeamCity's answer repeats it. */
const withoutPasswords = (build: BuildView, secrets: Set<string>, values: readonly string[]): BuildView => {
  const redact = (text: string) => values.reduce((t, v) => (v.length >= 4 ? t.split(v).join('[hidden]') : t), text);
  return {
    ...build,
    parameters: build.parameters.map((p) => (secrets.has(p.name) ? { name: p.name, value: '' } : { name: p.name, value: redact(p.value) })),
    ...(build.statusText !== undefined && { statusText: redact(build.statusText) }),
    ...(build.comment !== undefined && { comment: redact(build.comment) }),
  };
};

export const createBuildService = ({
  tokens,
  bitbucket = forgeBitbucketReader,
  preferences = buildPreferencesStore,
  runValues = runValuesStore,
  commits = forgeCommitReader,
  tags = forgeTagReader,
  commitHistory,
  settings = repositorySettingsStore,
}: BuildServiceDeps) => {
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
    async getBuildSetup(caller: Caller): Promise<Result<GetBuildSetupResponse>> {
      const { accountId } = caller;
      const [details, tokenList] = await Promise.all([repositories.resolve(caller, { withBranches: true }), tokens.list(accountId)]);
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

    async findBuildConfigurations(caller: Caller, input: FindBuildConfigurationsRequest): Promise<Result<FindBuildConfigurationsResponse>> {
      let urls: string[] = [];
      if (input.scope === 'repository') {
        const details = await repositories.resolve(caller, { withBranches: false });
        if (!details.ok) return details;
        urls = details.data.vcsUrls;
      }
      const choices = await readConfigurationChoices(settings, caller.page.repositoryUuid);
      return withToken(
        caller,
        input.tokenId,
        async (client, token) => {
          const search = input.search?.trim() ?? '';
          const page =
            input.scope === 'repository'
              ? await client.findBuildTypesByVcsUrls(urls, { start: input.start ?? 0, count: PAGE_SIZE }, choices.addedOn(token.serverUrl))
              : await client.searchBuildTypes(search, { start: input.start ?? 0, count: search === '' ? PAGE_SIZE : SEARCH_PAGE_SIZE });
          if (!page.ok) return single(page);
          const { skipped, truncated } = page.data;
          const hidden = choices.hiddenOn(token.serverUrl);
          return single(
            ok({
              items: page.data.items.filter((b) => !hidden.has(b.id)).map((b) => toConfigurationView(b, token.serverUrl)),
              nextStart: page.data.nextStart ?? null,
              ...(truncated && { truncated }),
              ...(skipped > 0 && { skipped }),
            }),
          );
        },
        RUNNING,
      );
    },

    async triggerBuild(caller: Caller, input: TriggerInput): Promise<Result<TriggerBuildResponse>> {
      const { accountId, deadline } = caller;
      const badParameters = checkUserParameters(input.parameters);
      if (badParameters) return badParameters;
      const details = await repositories.resolve(caller, { withBranches: false });
      if (!details.ok) return details;
      const { workspaceId, uuid, pullRequest } = details.data;
      // A tag's build is of the tag, not of the pull request whose page it was started from: it must not count as one.
      const properties = [...input.parameters, ...(pullRequest && input.tag === undefined ? pullRequestParameters(pullRequest) : [])];
      // A commit is named to TeamCity by its full hash, and only one this repository has: TeamCity would build
      // whatever it finds by that version in any VCS root of the configuration.
      let revision: string | undefined;
      if (input.revision !== undefined) {
        const typed = input.revision.toLowerCase();
        const full = await expandCommit(commits, workspaceId, uuid, typed);
        if (full === undefined) {
          return fail(
            'invalid_input',
            `This repository has no commit ${typed.slice(0, 40)}. Check the hash, or build the branch instead.`,
            'revision',
          );
        }
        revision = full;
      }
      // A tag is looked up before TeamCity hears of the run: its commit is what TeamCity is asked to build.
      let tag: RepositoryTag | undefined;
      if (input.tag !== undefined) {
        const found = foundTag(await tags.get(workspaceId, uuid, input.tag), input.tag);
        if (!found.ok) return found;
        tag = found.data;
      }

      let remember: Record<string, string> = {};
      const result = await withToken<TriggerBuildResponse>(
        caller,
        input.tokenId,
        async (client, token) => {
          // The configuration's parameter specs, read fresh: the run is checked against what TeamCity declares now,
          // not against anything the browser sends back.
          const type = await client.getBuildType(input.buildTypeId);
          if (!type.ok) {
            return single({
              ok: false as const,
              error: triggerFailure(type.error, { serverUrl: token.serverUrl, buildTypeId: input.buildTypeId }),
            });
          }
          const specs = specsOf(type.data.parameters ?? []);
          const invalid = checkRunParameters(specs, input.parameters);
          if (invalid) return { result: invalid, authenticated: true };
          const secrets = passwordNames(specs);
          const secretValues = input.parameters.filter((p) => secrets.has(p.name)).map((p) => p.value);
          // TeamCity builds a tag only as the branch its VCS root makes of it, and only with the root set up for tags.
          let branchName = shortBranchName(input.branchName ?? '');
          if (tag !== undefined) {
            const branch = tagBranch(tagCoverage(type.data.vcsRoots), type.data.name, tag.name);
            if (!branch.ok) return { result: branch, authenticated: true };
            branchName = branch.data;
          }
          const pinned = tag?.commit ?? revision;
          remember = rememberedValues(specs, input.parameters);
          // Reading the configuration may have used up the time: a POST that can only time out might still queue a build.
          if (!deadline.allowsTeamCityRequest()) return { result: outOfTime(token.serverUrl), authenticated: true };
          const queued = await client.triggerBuild({
            buildTypeId: input.buildTypeId,
            branchName,
            // An empty password (a "Run again" of a build whose password TeamCity hid) keeps the one TeamCity stores.
            properties: properties.filter((p) => !(secrets.has(p.name) && p.value === '')),
            ...(input.comment !== undefined && input.comment.trim() !== '' && { comment: input.comment }),
            ...(input.queueAtTop !== undefined && { queueAtTop: input.queueAtTop }),
            ...(input.cleanCheckout !== undefined && { cleanCheckout: input.cleanCheckout }),
            ...(pinned !== undefined && { revision: pinned }),
          });
          if (queued.ok) return single(ok({ build: withoutPasswords(toBuildView(queued.data, token.serverUrl), secrets, secretValues) }));
          const error = triggerFailure(queued.error, {
            serverUrl: token.serverUrl,
            buildTypeId: input.buildTypeId,
            projectName: type.data.projectName,
            buildTypeName: type.data.name,
          });
          return { result: { ok: false as const, error }, authenticated: true };
        },
        RUNNING,
      );

      if (result.ok && deadline.allowsStorageWrite()) {
        // The build is already queued: failing to remember the choice must not report the trigger as failed.
        const logFailure = (error: unknown) =>
          logEvent('build_preferences_write_failed', { error: error instanceof Error ? error.name : typeof error });
        await Promise.all([
          preferences.remember(accountId, uuid, input.tokenId, input.buildTypeId).catch(logFailure),
          runValues.remember(accountId, uuid, input.tokenId, input.buildTypeId, remember).catch(logFailure),
        ]);
      }
      return result;
    },

    async getRunParameters(caller: Caller, input: GetRunParametersRequest): Promise<Result<GetRunParametersResponse>> {
      const { accountId } = caller;
      const details = await repositories.resolve(caller, { withBranches: false });
      if (!details.ok) return details;
      const last = runValues.get(accountId, details.data.uuid, input.tokenId, input.buildTypeId).catch((error: unknown) => {
        logEvent('run_values_read_failed', { error: error instanceof Error ? error.name : typeof error });
        return {};
      });
      return withToken(
        caller,
        input.tokenId,
        async (client, token) => {
          const type = await client.getBuildType(input.buildTypeId);
          if (!type.ok)
            return single({
              ok: false as const,
              error: triggerFailure(type.error, { serverUrl: token.serverUrl, buildTypeId: input.buildTypeId }),
            });
          const tagsView = await runTagsView(tagCoverage(type.data.vcsRoots), () => tags.list(details.data.workspaceId, details.data.uuid));
          return single(ok({ ...runParametersView(input.buildTypeId, type.data.parameters ?? [], await last), tags: tagsView }));
        },
        RUNNING,
      );
    },

    getBuild: (caller: Caller, input: BuildRequest): Promise<Result<BuildResponse>> =>
      withToken(caller, input.tokenId, async (client, token) => {
        const build = await client.getBuild(input.buildId);
        if (!build.ok) return single(mapError(build.error, token, 'read this build', `build with id ${input.buildId}`));
        return single(ok({ build: toBuildView(build.data, token.serverUrl) }));
      }),

    cancelBuild: (caller: Caller, input: BuildRequest): Promise<Result<BuildResponse>> =>
      withToken(caller, input.tokenId, async (client, token) => {
        const build = await client.cancelBuild(input.buildId, CANCEL_COMMENT);
        // cancelBuild reads the build first: TeamCity answering "not allowed", "not found" or "already finished"
        // still proves it accepted the token; anything else proves nothing.
        const authenticated = build.ok || ['forbidden', 'not_found', 'bad_request'].includes(build.error.code);
        if (!build.ok)
          return { result: mapError(build.error, token, 'cancel this build', `build with id ${input.buildId}`), authenticated };
        return { result: ok({ build: toBuildView(build.data, token.serverUrl) }), authenticated };
      }),

    approveBuild: (caller: Caller, input: BuildRequest): Promise<Result<ApproveBuildResponse>> =>
      withToken(caller, input.tokenId, async (client, token) => {
        const approved = await client.approveBuild(input.buildId);
        // "Not allowed" or "not waiting" comes from TeamCity and so still proves it accepted the token.
        const authenticated = approved.ok || ['forbidden', 'not_found', 'bad_request'].includes(approved.error.code);
        if (!approved.ok)
          return { result: mapError(approved.error, token, 'approve this build', `queued build with id ${input.buildId}`), authenticated };
        return { result: ok({ approval: toApprovalView(approved.data) }), authenticated };
      }),

    listRecentBuilds: (caller: Caller, input: ListRecentBuildsRequest): Promise<Result<ListRecentBuildsResponse>> =>
      withToken(caller, input.tokenId, async (client, token) => {
        const builds = await client.listBuilds({
          buildTypeId: input.buildTypeId,
          ...(input.branchName !== undefined && { branchName: shortBranchName(input.branchName) }),
          count: RECENT_BUILDS,
        });
        if (!builds.ok)
          return single(mapError(builds.error, token, 'list the builds of this configuration', `build configuration ${input.buildTypeId}`));
        const { items, skipped } = builds.data;
        return single(ok({ builds: items.map((b) => toBuildView(b, token.serverUrl)), ...(skipped > 0 && { skipped }) }));
      }),

    listRecentCommits: createRecentCommits(commitHistory),
  };
};

const mapError = (error: AppError, token: StoredToken, action: string, missing: string): { ok: false; error: AppError } => ({
  ok: false,
  error: buildFailure(error, token.serverUrl, action, missing),
});

export type BuildService = ReturnType<typeof createBuildService>;
