/**
 * TeamCity reads behind the pull request panel and the repository card. Each method is one request whatever
 * the number of build configurations: builds are found with server-side locators over the repository's VCS
 * roots (BuildLocator `revision`, `branch`, `buildType`, `item`; https://www.jetbrains.com/help/teamcity/rest/buildlocator.html)
 * and `fields=` keeps every answer to what is shown.
 */
import { z } from 'zod';
import { fail, ok, type Result } from '../shared/result';
import { APPROVAL_FIELDS } from './teamcity-approval';
import { buildDecoder } from './teamcity-decoders';
import { requestTeamCity, type HttpSettings } from './teamcity-http';
import { checkBranch, checkBuildId, checkBuildTypeIds, checkVcsUrls } from './teamcity-input';
import { locator, locatorText, repositoryBuildTypes } from './teamcity-locator';

/** Configurations a repository admin added by id, which the repository's URLs do not find (repository settings). */
type AlsoAdded = { alsoBuildTypeIds?: readonly string[] };
import { scrubText } from './teamcity-scrub';
import { readLogTail } from './teamcity-build-log';
import type {
  TeamCityArtifact,
  TeamCityBuildDetails,
  TeamCityFailedTest,
  TeamCityLogTail,
  TeamCityResultBuild,
} from './teamcity-build-results-types';

export type * from './teamcity-build-results-types';

const USER_REF = 'user(id,username,name)';
/** A build as a row shows it; no properties (Re-run reads them from the one build it re-runs). */
const RESULT_BUILD_FIELDS = [
  'id,buildTypeId,number,status,state,running,failedToStart,personal,percentageComplete,branchName,defaultBranch',
  'href,webUrl,statusText,queuePosition,waitReason,queuedDate,startDate,finishDate',
  'buildType(id,name,projectId,projectName)',
  'running-info(percentageComplete,elapsedSeconds)',
  `triggered(type,date,displayText,${USER_REF})`,
  `canceledInfo(timestamp,text,${USER_REF})`,
  'revisions(revision(version))',
  'agent(name)',
  'testOccurrences(count,passed,failed,newFailed,ignored,muted)',
  // Who may approve a queued build that waits for approval, read with the build (no request per row).
  APPROVAL_FIELDS,
].join(',');
const RESULT_BUILD_LIST_FIELDS = `count,nextHref,build(${RESULT_BUILD_FIELDS})`;

const DETAILS_FIELDS =
  'id,buildTypeId,problemOccurrences(count,problemOccurrence(type,identity,details)),artifacts(count,file(name,size,children(count)))';
const FAILED_TEST_FIELDS =
  'count,nextHref,testOccurrence(name,status,duration,muted,currentlyMuted,ignored,newFailure,details,firstFailed(id))';

/** Builds a single list may hold; the union of two items is twice this. */
export const MAX_RESULT_BUILDS = 200;
const MAX_POLL_BUILDS = 100;
const MAX_TEXT = 200;
const MAX_DETAILS = 4000;
const MAX_NAME = 500;

const COMMIT = /^[0-9a-f]{7,40}$/i;

const count = z.number().int().nonnegative().optional();
const extrasSchema = z.object({
  revisions: z.object({ revision: z.array(z.object({ version: z.string().optional() })).optional() }).optional(),
  agent: z.object({ name: z.string().optional() }).optional(),
  failedToStart: z.boolean().optional(),
  'running-info': z.object({ elapsedSeconds: z.number().optional() }).optional(),
  testOccurrences: z.object({ count, passed: count, failed: count, newFailed: count, ignored: count, muted: count }).optional(),
});

const resultListDecoder = (token: string, serverUrl: string) =>
  z.object({ build: z.array(z.unknown()).optional() }).transform((wire): TeamCityResultBuild[] => {
    const builds: TeamCityResultBuild[] = [];
    const decodeBuild = buildDecoder({ serverUrl });
    for (const raw of wire.build ?? []) {
      const base = decodeBuild.safeParse(raw);
      const extra = extrasSchema.safeParse(raw);
      // One malformed item is left out; the others still show (as every list the client reads).
      if (!base.success || !extra.success) continue;
      const { revisions, agent, testOccurrences: t } = extra.data;
      const elapsed = extra.data['running-info']?.elapsedSeconds;
      builds.push({
        // Every string was scrubbed of the token and bounded by the client before decoding (teamcity-redact.ts).
        ...base.data,
        revisions: (revisions?.revision ?? []).map((r) => r.version ?? '').filter((v) => COMMIT.test(v)),
        ...(agent?.name !== undefined && { agentName: scrubText(agent.name, token, MAX_TEXT) }),
        ...(elapsed !== undefined && { elapsedSeconds: elapsed }),
        ...(extra.data.failedToStart === true && { failedToStart: true }),
        ...(t !== undefined && {
          tests: {
            total: t.count ?? 0,
            passed: t.passed ?? 0,
            failed: t.failed ?? 0,
            newFailed: t.newFailed ?? 0,
            ignored: t.ignored ?? 0,
            muted: t.muted ?? 0,
          },
        }),
      });
    }
    return builds;
  });

const detailsDecoder = (token: string) =>
  z
    .object({
      buildTypeId: z.string().optional(),
      problemOccurrences: z
        .object({ problemOccurrence: z.array(z.object({ type: z.string().optional(), details: z.string().optional() })).optional() })
        .optional(),
      artifacts: z
        .object({
          file: z
            .array(z.object({ name: z.string(), size: z.number().optional(), children: z.object({}).passthrough().optional() }))
            .optional(),
        })
        .optional(),
    })
    .transform((wire): TeamCityBuildDetails => ({
      ...(wire.buildTypeId !== undefined && { buildTypeId: wire.buildTypeId }),
      problems: (wire.problemOccurrences?.problemOccurrence ?? []).slice(0, 50).map((p) => ({
        type: scrubText(p.type ?? '', token, MAX_TEXT),
        details: scrubText(p.details ?? '', token, MAX_DETAILS),
      })),
      artifacts: (wire.artifacts?.file ?? []).slice(0, 100).map((f): TeamCityArtifact => ({
        name: scrubText(f.name, token, MAX_NAME),
        ...(f.size !== undefined && { size: f.size }),
        directory: f.children !== undefined,
      })),
    }));

const failedTestsDecoder = (token: string) =>
  z
    .object({
      testOccurrence: z
        .array(
          z.object({
            name: z.string().optional(),
            duration: z.number().optional(),
            muted: z.boolean().optional(),
            currentlyMuted: z.boolean().optional(),
            newFailure: z.boolean().optional(),
            details: z.string().optional(),
            firstFailed: z.object({}).passthrough().optional(),
          }),
        )
        .optional(),
    })
    .transform((wire): TeamCityFailedTest[] =>
      (wire.testOccurrence ?? []).map((t) => ({
        name: scrubText(t.name ?? '(unnamed test)', token, MAX_NAME),
        // TeamCity marks a first failure with newFailure (and no firstFailed build to point back at).
        newFailure: t.newFailure === true || (t.newFailure === undefined && t.firstFailed === undefined),
        muted: t.muted === true || t.currentlyMuted === true,
        ...(t.duration !== undefined && { durationMs: t.duration }),
        ...(t.details !== undefined && { details: scrubText(t.details, token, MAX_DETAILS) }),
      })),
    );

export interface TeamCityBuildResults {
  /**
   * The builds of the repository's configurations for `revision`, together with the newest builds of `branch`
   * (for configurations that have not built the commit): one request, two locator items.
   */
  buildsForCommit(q: { vcsUrls: string[]; revision: string; branch: string } & AlsoAdded): Promise<Result<TeamCityResultBuild[]>>;
  /** The newest builds of the repository's configurations on a branch (null: each configuration's default branch). */
  buildsOnBranch(q: { vcsUrls: string[]; branch: string | null } & AlsoAdded): Promise<Result<TeamCityResultBuild[]>>;
  /** The current state of several builds in one request (polling queued and running builds). */
  buildsById(ids: number[]): Promise<Result<TeamCityResultBuild[]>>;
  buildDetails(id: number): Promise<Result<TeamCityBuildDetails>>;
  failedTests(id: number, count: number): Promise<Result<TeamCityFailedTest[]>>;
  logTail(id: number, lines: number): Promise<Result<TeamCityLogTail>>;
}

export function createBuildResultsClient(settings: HttpSettings): TeamCityBuildResults {
  const token = settings.token;
  const listBuilds = (query: string, action: string) =>
    requestTeamCity(settings, {
      method: 'GET',
      path: '/app/rest/builds',
      query: { locator: query, fields: RESULT_BUILD_LIST_FIELDS },
      decoder: resultListDecoder(token, settings.serverUrl),
      action,
      subject: 'builds of this repository',
    });
  const ofRepository = (urls: string[], ids: readonly string[] = []) => `(${repositoryBuildTypes(urls, ids)})`;
  const item = (parts: ReadonlyArray<readonly [string, string | number | boolean]>) =>
    `(${locator([...parts, ['defaultFilter', false], ['count', MAX_RESULT_BUILDS]])})`;

  return {
    async buildsForCommit({ vcsUrls, revision, branch, alsoBuildTypeIds = [] }) {
      const bad =
        checkVcsUrls(vcsUrls) ??
        checkBuildTypeIds(alsoBuildTypeIds) ??
        checkBranch(branch) ??
        (COMMIT.test(revision) ? undefined : fail('invalid_input', 'This is not a commit hash.', 'revision'));
      if (bad) return bad;
      if (vcsUrls.length === 0 && alsoBuildTypeIds.length === 0) return ok([]);
      const query = locator([
        [
          'item',
          item([
            ['revision', `(${locator([['version', revision]])})`],
            ['buildType', ofRepository(vcsUrls, alsoBuildTypeIds)],
          ]),
        ],
        [
          'item',
          item([
            ['branch', `(${locator([['name', locatorText(branch)]])})`],
            ['buildType', ofRepository(vcsUrls, alsoBuildTypeIds)],
          ]),
        ],
        ['count', 2 * MAX_RESULT_BUILDS],
      ]);
      return listBuilds(query, 'list the builds of this commit');
    },

    async buildsOnBranch({ vcsUrls, branch, alsoBuildTypeIds = [] }) {
      const bad = checkVcsUrls(vcsUrls) ?? checkBuildTypeIds(alsoBuildTypeIds) ?? (branch === null ? undefined : checkBranch(branch));
      if (bad) return bad;
      if (vcsUrls.length === 0 && alsoBuildTypeIds.length === 0) return ok([]);
      const onBranch = branch === null ? locator([['default', true]]) : locator([['name', locatorText(branch)]]);
      const query = locator([
        ['branch', `(${onBranch})`],
        ['buildType', ofRepository(vcsUrls, alsoBuildTypeIds)],
        ['defaultFilter', false],
        ['count', MAX_RESULT_BUILDS],
      ]);
      return listBuilds(query, 'list the builds of this branch');
    },

    async buildsById(ids) {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return ok([]);
      if (unique.length > MAX_POLL_BUILDS) return fail('invalid_input', `Ask for at most ${MAX_POLL_BUILDS} builds at a time.`, 'buildIds');
      for (const id of unique) {
        const bad = checkBuildId(id);
        if (bad) return bad;
      }
      const query = locator([...unique.map((id) => ['item', `(${locator([['id', id]])})`] as const), ['count', unique.length]]);
      return listBuilds(query, 'read these builds');
    },

    async buildDetails(id) {
      const bad = checkBuildId(id);
      if (bad) return bad;
      return requestTeamCity(settings, {
        method: 'GET',
        path: `/app/rest/builds/id:${id}`,
        query: { fields: DETAILS_FIELDS },
        decoder: detailsDecoder(token),
        action: `read the problems and artifacts of build ${id}`,
        subject: `build with id ${id}`,
      });
    },

    async failedTests(id, max) {
      const bad = checkBuildId(id);
      if (bad) return bad;
      return requestTeamCity(settings, {
        method: 'GET',
        path: '/app/rest/testOccurrences',
        query: {
          locator: locator([
            ['build', `(${locator([['id', id]])})`],
            ['status', 'FAILURE'],
            ['count', max],
          ]),
          fields: FAILED_TEST_FIELDS,
        },
        decoder: failedTestsDecoder(token),
        action: `list the failed tests of build ${id}`,
        subject: `tests of build ${id}`,
      });
    },

    async logTail(id, lines): Promise<Result<TeamCityLogTail>> {
      const bad = checkBuildId(id);
      if (bad) return bad;
      return readLogTail(settings, id, lines);
    },
  };
}
