/** The only shape of a TeamCity build that reaches the browser: an allow-list, like TokenView. */
import type { BuildView } from '../shared/schemas';
import type { TeamCityBuild } from '../teamcity/teamcity-client';
import { userParametersOf } from '../shared/pull-request-parameters';

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

export const toBuildView = (b: TeamCityBuild): BuildView => {
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
    webUrl: b.webUrl,
    ...(b.queuedDate !== undefined && { queuedAt: b.queuedDate }),
    ...(b.startDate !== undefined && { startedAt: b.startDate }),
    ...(b.finishDate !== undefined && { finishedAt: b.finishDate }),
    ...(by !== undefined && { triggeredBy: by }),
    ...(b.canceled !== undefined && { canceled: true }),
    parameters: userParametersOf(b.properties ?? []),
  };
};
