/**
 * The only shapes of TeamCity builds and build configurations that reach the browser: allow-lists, like
 * TokenView. Their TeamCity links pass teamCityLink with the server of the token they were read with.
 */
import type { ApprovalView, BuildConfigurationView, BuildView } from '../shared/schemas';
import type { TeamCityApproval, TeamCityBuild, TeamCityBuildType } from '../teamcity/teamcity-client';
import { userParametersOf } from '../shared/pull-request-parameters';
import { teamCityLink } from '../shared/teamcity-link';

/** `webUrl` only when it is a link to `serverUrl`, so a hostile server's `javascript:` URL never reaches a page. */
const linkTo = (url: string | undefined, serverUrl: string): { webUrl?: string } => {
  const webUrl = teamCityLink(url, serverUrl);
  return webUrl === undefined ? {} : { webUrl };
};

export const toConfigurationView = (b: TeamCityBuildType, serverUrl: string): BuildConfigurationView => ({
  id: b.id,
  name: b.name,
  projectId: b.projectId,
  projectName: b.projectName,
  ...linkTo(b.webUrl, serverUrl),
  paused: b.paused === true,
});

const STATUSES = ['SUCCESS', 'FAILURE', 'UNKNOWN', 'ERROR'] as const;
type Status = (typeof STATUSES)[number];

/**
 * TeamCity accepts a build for a branch its VCS roots do not monitor and then fails to start it; its status text
 * is easy to miss, so it is restated in plain words.
 */
const BRANCH_NOT_COVERED = /not covered by the branch spec|does not (match|correspond to) any branch|branch specification/i;

function explainStatus(build: TeamCityBuild): string | undefined {
  const text = build.statusText;
  if (text === undefined || build.state !== 'finished' || !BRANCH_NOT_COVERED.test(text)) return text;
  const branch = build.branchName ? `"${build.branchName}"` : 'this branch';
  return `TeamCity did not start the build: ${branch} is not in the branch specification of this configuration's VCS root, so TeamCity does not build it. Ask a TeamCity administrator to add it (for example +:refs/heads/*). TeamCity said: ${text}`;
}

const triggeredBy = (b: TeamCityBuild): string | undefined => {
  const t = b.triggeredBy;
  return t?.user?.name ?? t?.user?.username ?? t?.displayText;
};

/** Names and counts come from TeamCity: bounded here so a hostile server cannot fill the dialog. */
const MAX_APPROVERS = 50;

export const toApprovalView = (a: TeamCityApproval): ApprovalView => {
  const users = a.users.slice(0, MAX_APPROVERS);
  const groups = a.groups
    .slice(0, MAX_APPROVERS)
    .map((g) => ({ ...g, required: Math.max(0, Math.min(g.required, 1000)), approvedBy: g.approvedBy.slice(0, MAX_APPROVERS) }));
  const remaining =
    users.filter((u) => !u.approved).length + groups.reduce((sum, g) => sum + Math.max(0, g.required - g.approvedBy.length), 0);
  return {
    status: a.status,
    canApprove: a.canApprove && a.status === 'waiting',
    remaining: a.status === 'waiting' ? remaining : 0,
    ...(a.timeoutAt !== undefined && { timeoutAt: a.timeoutAt }),
    users,
    groups,
  };
};

export const toBuildView = (b: TeamCityBuild, serverUrl: string): BuildView => {
  const status = STATUSES.find((s): s is Status => s === b.status);
  const statusText = explainStatus(b);
  const by = triggeredBy(b);
  return {
    id: b.id,
    buildTypeId: b.buildTypeId,
    ...(b.buildTypeName !== undefined && { buildTypeName: b.buildTypeName }),
    ...(b.number !== undefined && { number: b.number }),
    state: b.state,
    ...(status !== undefined && { status }),
    ...(statusText !== undefined && { statusText }),
    ...(b.percentageComplete !== undefined && { percentageComplete: b.percentageComplete }),
    ...(b.branchName !== undefined && { branchName: b.branchName }),
    ...linkTo(b.webUrl, serverUrl),
    ...(b.queuedDate !== undefined && { queuedAt: b.queuedDate }),
    ...(b.startDate !== undefined && { startedAt: b.startDate }),
    ...(b.finishDate !== undefined && { finishedAt: b.finishDate }),
    ...(by !== undefined && { triggeredBy: by }),
    ...(b.canceled !== undefined && { canceled: true }),
    parameters: userParametersOf(b.properties ?? []),
    ...(b.approval !== undefined && { approval: toApprovalView(b.approval) }),
    ...(b.revision !== undefined && { revision: b.revision }),
  };
};
