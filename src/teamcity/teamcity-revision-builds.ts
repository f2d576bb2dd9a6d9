/**
 * Every build of one commit, across all build configurations, in a single request: what the merge check needs
 * whatever the number of required configurations. `revision:` is TeamCity's BuildLocator dimension for "builds
 * with this revision in any VCS root"; `defaultFilter:false` with `state:any` keeps queued, running, canceled and
 * non-default-branch builds in (TeamCity's default filter hides them), and `personal:false` drops personal
 * builds, which run with a local patch on top of the commit and so prove nothing about it.
 */
import { z } from 'zod';
import { fail, ok, type Result } from '../shared/result';
import { requestTeamCity, type HttpSettings } from './teamcity-http';
import { locator } from './teamcity-locator';

export type RevisionBuild = {
  id: number;
  buildTypeId: string;
  /** Absent while queued. */
  number?: string;
  state: 'queued' | 'running' | 'finished';
  /** SUCCESS, FAILURE, UNKNOWN (canceled); absent while queued. */
  status?: string;
  canceled: boolean;
  /** The commits the build checked out, one per VCS root; empty while queued. */
  revisions: string[];
};

export type RevisionBuilds = { builds: RevisionBuild[]; truncated: boolean };

export interface RevisionBuildsClient {
  /** Newest first; `count` bounds the answer (TeamCity pages it, and the caller says how much it can use). */
  listBuildsOfRevision(revision: string, count: number, options?: { timeoutMs?: number }): Promise<Result<RevisionBuilds>>;
}

/** A full Git commit hash; anything else would not be one commit, and must never reach the locator. */
const COMMIT = /^[0-9a-f]{40}$/;
export const MAX_REVISION_BUILDS = 1000;

export const REVISION_BUILD_FIELDS =
  'count,nextHref,build(id,number,state,status,buildTypeId,canceledInfo(timestamp),revisions(revision(version)))';

const revisionBuildsWireSchema = z.object({
  count: z.number().int().optional(),
  nextHref: z.string().optional(),
  build: z
    .array(
      z.object({
        id: z.number().int(),
        buildTypeId: z.string(),
        number: z.string().optional(),
        state: z.string().optional(),
        status: z.string().optional(),
        canceledInfo: z.object({}).passthrough().optional(),
        revisions: z.object({ revision: z.array(z.object({ version: z.string().optional() })).optional() }).optional(),
      }),
    )
    .optional(),
});

const STATES = new Set(['queued', 'running', 'finished']);

const revisionBuildsDecoder = revisionBuildsWireSchema.transform((wire): RevisionBuilds => ({
  builds: (wire.build ?? []).map((b) => ({
    id: b.id,
    buildTypeId: b.buildTypeId,
    ...(b.number !== undefined && { number: b.number }),
    // TeamCity before 2017 sent no state; a build with a status but no state has finished.
    state: (STATES.has(b.state ?? '') ? b.state : b.status !== undefined ? 'finished' : 'queued') as RevisionBuild['state'],
    ...(b.status !== undefined && { status: b.status }),
    canceled: b.canceledInfo !== undefined,
    revisions: (b.revisions?.revision ?? []).map((r) => r.version).filter((v): v is string => typeof v === 'string'),
  })),
  truncated: wire.nextHref !== undefined,
}));

export const revisionBuildsMethods = (settings: HttpSettings): RevisionBuildsClient => ({
  async listBuildsOfRevision(revision, count, options = {}) {
    if (typeof revision !== 'string' || !COMMIT.test(revision)) {
      return fail('invalid_input', 'A commit is named by its full 40-character hash.', 'revision');
    }
    if (!Number.isSafeInteger(count) || count < 1 || count > MAX_REVISION_BUILDS) {
      return fail('invalid_input', `Ask for 1 to ${MAX_REVISION_BUILDS} builds.`, 'count');
    }
    const query = locator([
      ['revision', revision],
      ['personal', false],
      ['defaultFilter', false],
      ['state', 'any'],
      ['count', count],
    ]);
    // The caller may have less time left than the client's usual timeout (the merge check's budget).
    const timeoutMs = Math.max(1, Math.min(settings.timeoutMs, options.timeoutMs ?? settings.timeoutMs));
    const result = await requestTeamCity(
      { ...settings, timeoutMs },
      {
        method: 'GET',
        path: '/app/rest/builds',
        query: { locator: query, fields: REVISION_BUILD_FIELDS },
        decoder: revisionBuildsDecoder,
        action: `list the builds of commit ${revision.slice(0, 12)}`,
        subject: `builds of commit ${revision.slice(0, 12)}`,
      },
    );
    return result.ok ? ok({ ...result.data, builds: [...result.data.builds].sort((a, b) => b.id - a.id) }) : result;
  },
});
