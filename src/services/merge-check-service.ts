/**
 * The `bitbucket:mergeCheck` "TeamCity builds passed": passes only when every required build configuration that
 * applies to the pull request's target branch has a finished, successful build of the pull request's head commit.
 * Forge docs, "Bitbucket custom merge check" (developer.atlassian.com/platform/forge/manifest-reference/modules/
 * bitbucket-merge-check/): the function gets `{ workspace: { uuid }, repository: { uuid }, pullrequest: { id },
 * trigger: { type } }` and must return `{ success: boolean, message?: string }`; a thrown exception counts as a
 * failure with no message, so every failure here is returned with its reason instead (fail closed, never open).
 *
 * Cost: one storage read when nothing is required; otherwise one or two Bitbucket reads (pull request, full
 * hash), the credential (token-store reads) and ONE TeamCity request for all configurations
 * (teamcity-revision-builds.ts), retried once on a transient failure while the time budget allows.
 */
import { readRuntimeConfig, type RuntimeConfig } from '../config/runtime-config';
import { logEvent } from '../logging/log';
import { branchMatches } from '../shared/branch-pattern';
import type { AppError } from '../shared/result';
import {
  repositorySettingsStore as defaultStore,
  type RepositorySettingsStore,
  type StoredConfiguration,
} from '../stores/repository-settings-store';
import { repositoryCredentialOwner } from '../stores/storage-keys';
import type { RevisionBuild, RevisionBuilds } from '../teamcity/teamcity-revision-builds';
import { displayUrl } from '../teamcity/teamcity-redact';
import { bitbucketCommitStatuses, type CommitStatus, type CommitStatusReader } from './commit-statuses';
import { outcomeMessage, truncate, type ConfigurationOutcome } from './merge-check-message';
import { bitbucketPullRequestHead, type PullRequestHeadReader } from './pull-request-head';
import { tokenIdForServer } from './token-id';
import type { TokenService } from './token-service';

export type MergeCheckResult = { success: boolean; message?: string };

export type MergeCheckServiceDeps = {
  tokens: TokenService;
  store?: RepositorySettingsStore;
  pullRequests?: PullRequestHeadReader;
  statuses?: CommitStatusReader;
  now?: () => number;
  config?: () => RuntimeConfig;
  /** Whole evaluation, retries included; well inside Forge's 25 s invocation limit ("Invocation limits"). */
  budgetMs?: number;
};

export const MERGE_CHECK_BUDGET_MS = 10_000;
/** A retry is only worth starting with this much time left for it. */
const MIN_ATTEMPT_MS = 1_500;
const TRANSIENT = new Set(['server_error', 'timeout', 'unreachable']);
/** Re-runs and other repositories' builds of the same commit share the answer; this is plenty and still small. */
const BUILDS_PER_CONFIGURATION = 10;
const MIN_BUILDS = 50;
const MAX_BUILDS = 500;

const ADMIN_HINT = 'A repository admin can fix this in Repository settings > TeamCity.';

const failed = (message: string): MergeCheckResult => ({ success: false, message: truncate(message) });

type Event = { workspace: string; repositoryUuid: string; pullRequestId: number; trigger: string };

function readEvent(event: unknown): Event | undefined {
  const e = (event ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const workspace = e.workspace?.uuid;
  const repositoryUuid = e.repository?.uuid;
  const pullRequestId = e.pullrequest?.id;
  if (typeof workspace !== 'string' || typeof repositoryUuid !== 'string') return undefined;
  if (typeof pullRequestId !== 'number' || !Number.isSafeInteger(pullRequestId) || pullRequestId < 1) return undefined;
  return { workspace, repositoryUuid, pullRequestId, trigger: typeof e.trigger?.type === 'string' ? e.trigger.type : 'unknown' };
}

/** The newest build decides: a re-run that failed after a green one means the commit is not green now. */
function outcomeOf(configuration: StoredConfiguration, builds: RevisionBuild[], commit: string): ConfigurationOutcome {
  const name = configuration.name || configuration.id;
  const latest = builds.find((b) => b.buildTypeId === configuration.id);
  if (!latest) return { kind: 'missing', name };
  if (latest.state === 'queued') return { kind: 'queued', name, build: latest };
  if (latest.state === 'running') return { kind: 'running', name, build: latest };
  if (latest.canceled) return { kind: 'canceled', name, build: latest };
  // The locator already asked for this commit; checking the build's own revisions keeps a server that ignored
  // the dimension from passing the check with other commits' builds.
  if (latest.status === 'SUCCESS' && latest.revisions.includes(commit)) return { kind: 'passed', name, build: latest };
  return { kind: 'failed', name, build: latest };
}

const STATUS_STATES: Record<CommitStatus['state'], Pick<RevisionBuild, 'state' | 'status' | 'canceled'>> = {
  SUCCESSFUL: { state: 'finished', status: 'SUCCESS', canceled: false },
  FAILED: { state: 'finished', status: 'FAILURE', canceled: false },
  STOPPED: { state: 'finished', status: 'UNKNOWN', canceled: true },
  INPROGRESS: { state: 'running', canceled: false },
};

/** Commit Status Publisher keys each status by the build configuration id; Bitbucket keeps one status per key. */
function statusOutcome(configuration: StoredConfiguration, reported: CommitStatus[], commit: string): ConfigurationOutcome {
  const status = reported.find((s) => s.key === configuration.id);
  const builds: RevisionBuild[] = status
    ? [{ id: 0, buildTypeId: configuration.id, revisions: [commit], ...STATUS_STATES[status.state] }]
    : [];
  return outcomeOf(configuration, builds, commit);
}

function teamcityFailure(error: AppError, serverUrl: string): string {
  const server = displayUrl(serverUrl);
  switch (error.code) {
    case 'unauthorized':
      return `TeamCity at ${server} rejected the repository's read credential (revoked or expired), so the builds could not be checked. ${ADMIN_HINT}`;
    case 'forbidden':
      return `The read credential's TeamCity user may not view these builds on ${server}. Give it view permission in the projects, or replace the credential. ${ADMIN_HINT}`;
    default:
      return `The builds could not be checked: ${error.message}`;
  }
}

export const createMergeCheckService = ({
  tokens,
  store = defaultStore,
  pullRequests = bitbucketPullRequestHead,
  statuses = bitbucketCommitStatuses,
  now = () => Date.now(),
  config = readRuntimeConfig,
  budgetMs = MERGE_CHECK_BUDGET_MS,
}: MergeCheckServiceDeps) => {
  async function evaluate(raw: unknown): Promise<MergeCheckResult & { teamcityRequests: number }> {
    const started = now();
    const left = () => budgetMs - (now() - started);
    let teamcityRequests = 0;
    const done = (result: MergeCheckResult) => ({ ...result, teamcityRequests });

    const event = readEvent(raw);
    if (!event) return done(failed("Bitbucket didn't say which pull request to check. Re-run the check."));

    let settings;
    try {
      settings = await store.get(event.repositoryUuid);
    } catch {
      return done(failed("Bitbucket couldn't read this repository's TeamCity settings just now. Re-run the check in a moment."));
    }
    const required = settings.configurations.filter((c) => c.required);
    if (required.length === 0) return done({ success: true, message: 'No TeamCity builds are required in this repository.' });

    const head = await pullRequests(event.workspace, event.repositoryUuid, event.pullRequestId);
    if (!head) return done(failed("Bitbucket didn't tell us the pull request's head commit or target branch. Re-run the check."));
    const applicable = required.filter((c) => branchMatches(c.branchPattern, head.targetBranch));
    if (applicable.length === 0) {
      return done({ success: true, message: truncate(`No TeamCity builds are required for pull requests into ${head.targetBranch}.`) });
    }

    if (settings.buildSource === 'bitbucket') {
      const reported = await statuses(event.workspace, event.repositoryUuid, head.commit);
      if (!reported) return done(failed("Bitbucket didn't give us the commit's build statuses. Re-run the check."));
      return done(
        outcomeMessage(
          head.commit,
          applicable.map((c) => statusOutcome(c, reported, head.commit)),
        ),
      );
    }

    if (!settings.serverUrl) return done(failed(`No TeamCity server is set for this repository. ${ADMIN_HINT}`));
    const owner = repositoryCredentialOwner(event.repositoryUuid);
    const access = await tokens.clientForToken(owner, tokenIdForServer(settings.serverUrl), { forRunning: true });
    if (!access.ok) {
      return done(
        failed(
          access.error.code === 'token_not_found'
            ? `This repository has no TeamCity read credential, so the required builds cannot be checked. ${ADMIN_HINT}`
            : `${access.error.message} ${ADMIN_HINT}`,
        ),
      );
    }
    const { client, recordSuccess } = access.data;
    const count = Math.min(MAX_BUILDS, Math.max(MIN_BUILDS, applicable.length * BUILDS_PER_CONFIGURATION));

    let answer: Awaited<ReturnType<typeof client.listBuildsOfRevision>> | undefined;
    while (left() >= MIN_ATTEMPT_MS && (answer === undefined || (!answer.ok && TRANSIENT.has(answer.error.code)))) {
      teamcityRequests++;
      const timeoutMs = Math.min(config().teamcityTimeoutMs, left() - 250);
      answer = await client.listBuildsOfRevision(head.commit, count, { timeoutMs });
      if (teamcityRequests >= 2) break;
    }
    if (answer === undefined) return done(failed('There was no time left to ask TeamCity. Re-run the check.'));
    if (!answer.ok) {
      logEvent('merge_check', { ok: false, code: answer.error.code, requests: teamcityRequests, ms: now() - started });
      return done(failed(teamcityFailure(answer.error, settings.serverUrl)));
    }
    await recordSuccess();
    const result = judge(applicable, answer.data, head.commit);
    logEvent('merge_check', {
      ok: result.success,
      trigger: event.trigger,
      required: applicable.length,
      requests: teamcityRequests,
      ms: now() - started,
    });
    return done(result);
  }

  const judge = (applicable: StoredConfiguration[], answer: RevisionBuilds, commit: string): MergeCheckResult =>
    outcomeMessage(
      commit,
      applicable.map((c) => outcomeOf(c, answer.builds, commit)),
    );

  return {
    evaluate,
    /** The Forge function: the result shape only, and never an exception. */
    async run(event: unknown): Promise<MergeCheckResult> {
      try {
        const { success, message } = await evaluate(event);
        return message === undefined ? { success } : { success, message };
      } catch (error) {
        logEvent('merge_check_crash', { error: error instanceof Error ? error.name : typeof error });
        return failed('The TeamCity check failed unexpectedly. Re-run the check; contact your Bitbucket admin if it keeps happening.');
      }
    },
  };
};

export type MergeCheckService = ReturnType<typeof createMergeCheckService>;
