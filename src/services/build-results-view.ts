/** The shapes of builds and configurations the build-results views get: an allow-list with safe links only. */
import type { BuildOutcome, ConfigurationResultView, ResultBuildView } from '../shared/schemas';
import { BUILD_OUTCOMES } from '../shared/schemas';
import type { TeamCityBuildType } from '../teamcity/teamcity-client';
import type { TeamCityResultBuild } from '../teamcity/teamcity-build-results';
import { toBuildView } from './build-view';
import { teamCityLink } from '../shared/teamcity-link';

/** TeamCity words a failed-to-start build's status this way (the failedToStart field is newer than some servers). */
const FAILED_TO_START = /^failed to start|failed to start/i;

export function outcomeOf(b: TeamCityResultBuild): ResultBuildView['outcome'] {
  if (b.state === 'queued') return 'queued';
  if (b.state === 'running') return 'running';
  if (b.canceled !== undefined || b.status === 'UNKNOWN') return 'canceled';
  return b.status === 'SUCCESS' ? 'passed' : 'failed';
}

export function toResultBuildView(b: TeamCityResultBuild, serverUrl: string): ResultBuildView {
  const { webUrl, parameters: _parameters, ...base } = toBuildView({ ...b, properties: [] }, serverUrl);
  const link = teamCityLink(webUrl, serverUrl);
  return {
    ...base,
    ...(link !== undefined && { webUrl: link }),
    outcome: outcomeOf(b),
    failedToStart:
      b.failedToStart === true ||
      (b.state === 'finished' && b.startDate === undefined && b.canceled === undefined && FAILED_TO_START.test(b.statusText ?? '')),
    ...(b.revisions[0] !== undefined && { revision: b.revisions[0] }),
    ...(b.agentName !== undefined && { agentName: b.agentName }),
    ...(b.elapsedSeconds !== undefined && { elapsedSeconds: b.elapsedSeconds }),
    ...(b.queuePosition !== undefined && { queuePosition: b.queuePosition }),
    ...(b.tests !== undefined && { tests: b.tests }),
  };
}

const rank = (outcome: BuildOutcome) => BUILD_OUTCOMES.indexOf(outcome);

/**
 * One row per configuration: its newest build for the commit (builds arrive newest first) or, failing that, its
 * newest build of the branch. Sorted failed, running, queued, passed, canceled, not built; then by project and name.
 */
export function configurationRows(
  types: TeamCityBuildType[],
  builds: TeamCityResultBuild[],
  serverUrl: string,
  commit: string | null,
): ConfigurationResultView[] {
  const forCommit = new Map<string, TeamCityResultBuild>();
  const onBranch = new Map<string, TeamCityResultBuild>();
  const matches = (b: TeamCityResultBuild) => commit !== null && b.revisions.some((r) => r.toLowerCase().startsWith(commit.toLowerCase()));
  for (const b of builds) {
    const into = matches(b) ? forCommit : onBranch;
    if (!into.has(b.buildTypeId)) into.set(b.buildTypeId, b);
  }
  const rows = types.map((t): ConfigurationResultView => {
    const newestOnBranch = onBranch.get(t.id);
    // TeamCity lists no revisions for a queued build: one queued on the branch after the commit's builds will build the head.
    const queuedForHead = newestOnBranch?.state === 'queued' && newestOnBranch.revisions.length === 0 ? newestOnBranch : undefined;
    const own = forCommit.get(t.id) ?? queuedForHead;
    const chosen = own ?? newestOnBranch;
    const build = chosen ? toResultBuildView(chosen, serverUrl) : null;
    const link = teamCityLink(t.webUrl, serverUrl);
    return {
      id: t.id,
      name: t.name,
      projectName: t.projectName,
      ...(link !== undefined && { webUrl: link }),
      paused: t.paused === true,
      build,
      forCommit: commit === null ? build !== null : own !== undefined,
      // A configuration that only built an older commit has not built this one.
      outcome: build && (own !== undefined || commit === null) ? build.outcome : 'not_built',
    };
  });
  return rows.sort(
    (a, b) => rank(a.outcome) - rank(b.outcome) || a.projectName.localeCompare(b.projectName) || a.name.localeCompare(b.name),
  );
}
