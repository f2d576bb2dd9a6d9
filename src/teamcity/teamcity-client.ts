/**
 * The one TeamCity REST client. Every resolver reaches TeamCity through it, with fetch injected (Forge's fetch
 * in production, Node's against the simulator in tests). Each method is at most one request per call except
 * cancelBuild, which must first learn whether the build is still queued; POST /app/rest/buildQueue is never
 * retried because a second attempt would queue a second build.
 */
import { fail, ok } from '../shared/result';
import type { TeamCityApproval } from './teamcity-approval';
import {
  approvalDecoder,
  accessTokensDecoder,
  buildDecoder,
  buildListDecoder,
  buildTypeDecoder,
  buildTypePageDecoder,
  serverInfoDecoder,
  userDecoder,
} from './teamcity-decoders';
import {
  BUILD_FIELDS,
  BUILD_LIST_FIELDS,
  BUILD_TYPE_FIELDS,
  BUILD_TYPE_PAGE_FIELDS,
  SERVER_FIELDS,
  TOKEN_LIST_FIELDS,
  USER_FIELDS,
} from './teamcity-fields';
import { requestTeamCity, teamCityError, type FetchLike, type HttpSettings, type TeamCityResult } from './teamcity-http';
import {
  checkBranch,
  checkBuildId,
  checkBuildTypeId,
  checkComment,
  checkProperties,
  checkSearchText,
  checkVcsUrls,
  checkBuildTypeIds,
  normalizePage,
} from './teamcity-input';
import { locator, locatorText, repositoryBuildTypes } from './teamcity-locator';
import { displayUrl } from './teamcity-redact';
import { revisionBuildsMethods, type RevisionBuildsClient } from './teamcity-revision-builds';
import type {
  BuildList,
  BuildTypePage,
  TeamCityAccessToken,
  ListBuildsQuery,
  PageRequest,
  TeamCityBuild,
  TeamCityBuildType,
  TeamCityServerInfo,
  TeamCityUser,
  TriggerBuildRequest,
} from './teamcity-types';
import { isSupportedVersion, unsupportedVersion } from './teamcity-version';
import { createBuildResultsClient, type TeamCityBuildResults } from './teamcity-build-results';

export type { FetchLike, TeamCityResult } from './teamcity-http';
export type { TeamCityError, TeamCityFailure } from './teamcity-error';
export type * from './teamcity-types';
export type { TeamCityApproval } from './teamcity-approval';

export type TeamCityClientOptions = {
  /** Already normalized: no trailing slash; may carry a context path such as https://host/teamcity. */
  serverUrl: string;
  token: string;
  fetch: FetchLike;
  /** Per request, including reading the body. Default 10 000. */
  timeoutMs?: number;
  /** Largest body read, decoded; default MAX_RESPONSE_BYTES (teamcity-body.ts). */
  maxResponseBytes?: number;
};

export interface TeamCityClient extends RevisionBuildsClient {
  getServerInfo(): Promise<TeamCityResult<TeamCityServerInfo>>;
  getCurrentUser(): Promise<TeamCityResult<TeamCityUser>>;
  /** The current user's access tokens (names and dates); a success also proves the token authenticates. */
  listOwnTokens(): Promise<TeamCityResult<TeamCityAccessToken[]>>;
  /** `alsoIds`: configurations added by id in the repository's settings, listed with the ones the URLs find. */
  findBuildTypesByVcsUrls(urls: string[], page?: PageRequest, alsoIds?: readonly string[]): Promise<TeamCityResult<BuildTypePage>>;
  searchBuildTypes(text: string, page?: PageRequest): Promise<TeamCityResult<BuildTypePage>>;
  getBuildType(id: string): Promise<TeamCityResult<TeamCityBuildType>>;
  triggerBuild(req: TriggerBuildRequest): Promise<TeamCityResult<TeamCityBuild>>;
  getBuild(id: number): Promise<TeamCityResult<TeamCityBuild>>;
  cancelBuild(id: number, comment: string): Promise<TeamCityResult<TeamCityBuild>>;
  listBuilds(q: ListBuildsQuery): Promise<TeamCityResult<BuildList>>;
  /** Approves a queued build that waits for approval (Build Approval feature); the answer is the new approval state. */
  approveBuild(id: number): Promise<TeamCityResult<TeamCityApproval>>;
  /** Reads for the pull request panel and repository card (teamcity-build-results.ts). */
  results: TeamCityBuildResults;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_BUILD_LIST = 20;
const MAX_BUILD_LIST = 100;

/** Case-insensitive duplicates would only make TeamCity's locator longer. */
function uniqueIgnoringCase(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function triggerBody(req: TriggerBuildRequest): Record<string, unknown> {
  const options = {
    ...(req.queueAtTop !== undefined && { queueAtTop: req.queueAtTop }),
    ...(req.cleanCheckout !== undefined && { cleanSources: req.cleanCheckout }),
  };
  return {
    buildType: { id: req.buildTypeId },
    personal: false,
    ...(req.branchName !== undefined && { branchName: req.branchName }),
    ...(req.comment !== undefined && req.comment !== '' && { comment: { text: req.comment } }),
    ...(req.properties !== undefined &&
      req.properties.length > 0 && {
        properties: { property: req.properties.map((p) => ({ name: p.name, value: p.value })) },
      }),
    ...(Object.keys(options).length > 0 && { triggeringOptions: options }),
    // TeamCity REST, "Start and Cancel Builds": a build of one specific change names it in lastChanges.
    ...(req.revision !== undefined && {
      lastChanges: { change: [{ locator: `version:${req.revision},buildType:(id:${req.buildTypeId})` }] },
    }),
  };
}

export function createTeamCityClient(options: TeamCityClientOptions): TeamCityClient {
  const settings: HttpSettings = {
    serverUrl: options.serverUrl,
    token: options.token,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(options.maxResponseBytes !== undefined && { maxResponseBytes: options.maxResponseBytes }),
  };
  const links = { serverUrl: options.serverUrl };

  const getBuild = (id: number): Promise<TeamCityResult<TeamCityBuild>> => {
    const bad = checkBuildId(id);
    if (bad) return Promise.resolve(bad);
    return requestTeamCity(settings, {
      method: 'GET',
      path: `/app/rest/builds/id:${id}`,
      query: { fields: BUILD_FIELDS },
      decoder: buildDecoder(links),
      action: `read build ${id}`,
      subject: `build with id ${id}`,
    });
  };

  const cancelRunning = (id: number, comment: string) =>
    requestTeamCity(settings, {
      method: 'POST',
      path: `/app/rest/builds/id:${id}`,
      query: { fields: BUILD_FIELDS },
      body: { comment, readdIntoQueue: false },
      decoder: buildDecoder(links),
      action: `cancel build ${id}`,
      subject: `build with id ${id}`,
    });

  const cancelQueued = (id: number, comment: string) =>
    requestTeamCity(settings, {
      method: 'POST',
      path: `/app/rest/buildQueue/id:${id}`,
      body: { comment, readdIntoQueue: false },
      decoder: buildDecoder(links),
      action: `remove queued build ${id} from the queue`,
      subject: `queued build with id ${id}`,
    });

  const pageOfBuildTypes = (locatorText: string, paging: { start: number; count: number }, action: string) =>
    requestTeamCity(settings, {
      method: 'GET',
      path: '/app/rest/buildTypes',
      query: { locator: locatorText, fields: BUILD_TYPE_PAGE_FIELDS },
      decoder: buildTypePageDecoder(links, paging.start, paging.count),
      action,
      subject: 'build configurations',
    });

  return {
    ...revisionBuildsMethods(settings),
    results: createBuildResultsClient(settings),

    async getServerInfo() {
      const result = await requestTeamCity(settings, {
        method: 'GET',
        path: '/app/rest/server',
        query: { fields: SERVER_FIELDS },
        decoder: serverInfoDecoder,
        action: 'report its version',
        subject: 'server information (/app/rest/server)',
      });
      if (result.ok && !isSupportedVersion(result.data))
        return teamCityError(unsupportedVersion(result.data, displayUrl(settings.serverUrl)));
      return result;
    },

    getCurrentUser() {
      return requestTeamCity(settings, {
        method: 'GET',
        path: '/app/rest/users/current',
        query: { fields: USER_FIELDS },
        decoder: userDecoder,
        action: 'show the user the access token belongs to',
        subject: 'user the access token belongs to',
      });
    },

    listOwnTokens() {
      return requestTeamCity(settings, {
        method: 'GET',
        path: '/app/rest/users/current/tokens',
        query: { fields: TOKEN_LIST_FIELDS },
        decoder: accessTokensDecoder,
        action: 'list your access tokens',
        subject: 'access tokens of the user',
      });
    },

    async findBuildTypesByVcsUrls(urls, page, alsoIds = []) {
      const bad = checkVcsUrls(urls) ?? checkBuildTypeIds(alsoIds);
      if (bad) return bad;
      const paging = normalizePage(page);
      if ('ok' in paging) return paging;
      const wanted = uniqueIgnoringCase(urls.map((u) => u.trim()));
      const ids = [...new Set(alsoIds)];
      if (wanted.length === 0 && ids.length === 0) return ok({ items: [], count: 0, nextStart: null, skipped: 0, truncated: false });
      const query = `${repositoryBuildTypes(wanted, ids)},${locator([
        ['start', paging.start],
        ['count', paging.count],
      ])}`;
      return pageOfBuildTypes(query, paging, 'list the build configurations that use this repository');
    },

    async searchBuildTypes(text, page) {
      const bad = checkSearchText(text);
      if (bad) return bad;
      const paging = normalizePage(page);
      if ('ok' in paging) return paging;
      const query = locator([
        ['templateFlag', false],
        ['start', paging.start],
        ['count', paging.count],
      ]);
      const result = await pageOfBuildTypes(query, paging, 'list build configurations');
      const needle = text.trim().toLowerCase();
      if (!result.ok || needle === '') return result;
      // TeamCity's BuildTypeFinder matches `name:` only as a whole, case-insensitive name (equalsIgnoreCase), so a
      // "contains" search cannot run on the server. The page is filtered here; nextStart still pages the server.
      const items = result.data.items.filter(
        (b) => b.name.toLowerCase().includes(needle) || b.projectName.toLowerCase().includes(needle) || b.id.toLowerCase().includes(needle),
      );
      return ok({ ...result.data, items, count: items.length, nextStart: result.data.nextStart ?? null });
    },

    async getBuildType(id) {
      const bad = checkBuildTypeId(id);
      if (bad) return bad;
      return requestTeamCity(settings, {
        method: 'GET',
        path: `/app/rest/buildTypes/id:${id}`,
        query: { fields: BUILD_TYPE_FIELDS },
        decoder: buildTypeDecoder(links),
        action: `read build configuration ${id}`,
        subject: `build configuration ${id}`,
      });
    },

    async triggerBuild(req) {
      const bad =
        checkBuildTypeId(req?.buildTypeId) ??
        checkBranch(req.branchName) ??
        checkComment(req.comment) ??
        checkProperties(req.properties) ??
        (req.revision !== undefined && !/^[0-9a-f]{40}$/.test(req.revision)
          ? fail('invalid_input', 'TeamCity builds a commit by its full hash (40 characters, 0-9 and a-f).', 'revision')
          : undefined) ??
        ((req.personal as unknown) === true
          ? fail('invalid_input', 'Personal builds are not supported: they need a patch this app does not upload.', 'personal')
          : undefined);
      if (bad) return bad;
      return requestTeamCity(settings, {
        method: 'POST',
        path: '/app/rest/buildQueue',
        body: triggerBody(req),
        decoder: buildDecoder({ ...links, buildTypeId: req.buildTypeId }),
        action: `start a build of ${req.buildTypeId}`,
        subject: `build configuration ${req.buildTypeId}`,
      });
    },

    getBuild,

    async cancelBuild(id, comment) {
      const bad = checkBuildId(id) ?? checkComment(comment);
      if (bad) return bad;
      const current = await getBuild(id);
      if (!current.ok) return current;
      if (current.data.state === 'finished') {
        return fail('bad_request', `Build ${current.data.number ?? id} has already finished, so there is nothing to cancel.`);
      }
      if (current.data.state === 'running') return cancelRunning(id, comment);
      const dequeued = await cancelQueued(id, comment);
      // The build may have left the queue and started between our two requests; then it is cancelled as running.
      if (!dequeued.ok && dequeued.error.code === 'not_found') return cancelRunning(id, comment);
      return dequeued;
    },

    async approveBuild(id) {
      const bad = checkBuildId(id);
      if (bad) return bad;
      return requestTeamCity(settings, {
        method: 'POST',
        path: `/app/rest/buildQueue/id:${id}/approve`,
        decoder: approvalDecoder,
        action: `approve build ${id}`,
        subject: `queued build with id ${id}`,
      });
    },

    async listBuilds(q) {
      const count = q?.count ?? DEFAULT_BUILD_LIST;
      const bad =
        checkBuildTypeId(q?.buildTypeId) ??
        checkBranch(q.branchName) ??
        (Number.isSafeInteger(count) && count >= 1 && count <= MAX_BUILD_LIST
          ? undefined
          : fail('invalid_input', `Ask for 1 to ${MAX_BUILD_LIST} builds.`, 'count'));
      if (bad) return bad;
      // defaultFilter:false lifts TeamCity's defaults (finished, default branch, not canceled, not personal),
      // so queued and running builds, other branches and canceled builds are listed too, newest first.
      const query = locator([
        ['buildType', `(${locator([['id', q.buildTypeId]])})`],
        ...(q.branchName !== undefined ? [['branch', `(${locator([['name', locatorText(q.branchName)]])})`] as const] : []),
        ['defaultFilter', false],
        ['count', count],
      ]);
      return requestTeamCity(settings, {
        method: 'GET',
        path: '/app/rest/builds',
        query: { locator: query, fields: BUILD_LIST_FIELDS },
        decoder: buildListDecoder({ ...links, buildTypeId: q.buildTypeId }, count),
        action: `list the builds of ${q.buildTypeId}`,
        subject: `builds of build configuration ${q.buildTypeId}`,
      });
    },
  };
}
