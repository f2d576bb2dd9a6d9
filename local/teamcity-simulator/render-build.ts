import { createHash } from 'node:crypto';
import { type BuildView, type SimBuild, viewBuild } from './builds';
import { tcDate } from './dates';
import type { Json, JsonObject, RenderContext } from './render-context';
import { buildTypeRef } from './render-build-type';
import { propertiesOf } from './render-properties';
import { userRef } from './render-user';
import { NEVER } from './approvals';
import { approvalInfo } from './render-approval';

const AGENT = { id: 1, name: 'sim-agent-1', typeId: 1 };

function links(b: SimBuild, view: BuildView, ctx: RenderContext): { href: string; webUrl: string } {
  if (view.state === 'queued') {
    return { href: `${ctx.prefix}/buildQueue/id:${b.id}`, webUrl: `${ctx.rootUrl}/viewQueued.html?itemId=${b.id}` };
  }
  return {
    href: `${ctx.prefix}/builds/id:${b.id}`,
    webUrl: `${ctx.rootUrl}/viewLog.html?buildId=${b.id}&buildTypeId=${encodeURIComponent(b.buildTypeId)}`,
  };
}

function number(b: SimBuild, view: BuildView): string | undefined {
  if (view.state === 'queued') return undefined;
  // TeamCity shows N/A for a build canceled before it started, and for one that failed to start.
  return view.startedAt === undefined ? 'N/A' : b.number;
}

/** The list form (builds.json, builds-paged.json); queued builds have no number and no status. */
export function buildRef(b: SimBuild, ctx: RenderContext): JsonObject {
  const view = viewBuild(b, ctx.now);
  return {
    id: b.id,
    buildTypeId: b.buildTypeId,
    number: number(b, view),
    status: view.status,
    state: view.state,
    running: view.state === 'running' ? true : undefined,
    percentageComplete: view.percentageComplete,
    branchName: b.branchName,
    defaultBranch: b.branchName !== undefined && b.defaultBranch ? true : undefined,
    ...links(b, view, ctx),
    finishOnAgentDate: view.finishedAt !== undefined && ctx.version.major >= 2020 ? tcDate(view.finishedAt) : undefined,
  };
}

function revisions(b: SimBuild, ctx: RenderContext): JsonObject {
  const bt = ctx.data.buildTypes.get(b.buildTypeId);
  const roots = (bt?.vcsRootIds ?? []).map((id) => ctx.data.requireVcsRoot(id));
  const revision: Json[] = roots.map((r, i) => ({
    version: createHash('sha1')
      .update(`${r.url}#${b.branchName ?? ''}#${b.id}`)
      .digest('hex'),
    vcsBranchName: b.branchName && !b.branchName.startsWith('refs/') ? `refs/heads/${b.branchName}` : (b.branchName ?? r.branch),
    'vcs-root-instance': {
      id: String(i + 1),
      'vcs-root-id': r.id,
      name: r.name,
      href: `${ctx.prefix}/vcs-root-instances/id:${i + 1}`,
    },
  }));
  return { count: revision.length, revision };
}

/** The single-build form (GET /builds/id:N, POST /buildQueue, cancel), keyed like build-running-canceled.json. */
export function buildFull(b: SimBuild, ctx: RenderContext): JsonObject {
  const { data, prefix, now } = ctx;
  const view = viewBuild(b, now);
  const bt = data.buildTypes.get(b.buildTypeId);
  const queued = view.state === 'queued';
  const runningMs = Math.max(1, b.finishAt - b.startAt);
  return {
    ...buildRef(b, ctx),
    finishOnAgentDate: undefined,
    statusText: view.statusText,
    failedToStart: view.failedToStart ? true : undefined,
    buildType: bt ? buildTypeRef(bt, ctx) : undefined,
    comment: b.comment !== undefined ? { timestamp: tcDate(b.queuedAt), user: userRef(b.triggeredBy, ctx), text: b.comment } : undefined,
    queuePosition: queued ? data.builds.queuePosition(b, now) : undefined,
    // Echoed only when the trigger set an option, so a test can see what arrived; plain builds keep the recorded shape.
    triggeringOptions: b.queueAtTop || b.cleanSources ? { queueAtTop: b.queueAtTop, cleanSources: b.cleanSources } : undefined,
    'running-info':
      view.state === 'running'
        ? {
            percentageComplete: view.percentageComplete ?? 0,
            elapsedSeconds: view.elapsedSeconds ?? 0,
            estimatedTotalSeconds: Math.ceil(runningMs / 1000),
            currentStageText: b.canceled ? 'Stopping build' : `Step 1/1: Build Number: ${b.number}`,
            outdated: false,
            probablyHanging: false,
          }
        : undefined,
    canceledInfo: b.canceled ? { timestamp: tcDate(b.canceled.at), text: b.canceled.text, user: userRef(b.canceled.by, ctx) } : undefined,
    queuedDate: tcDate(b.queuedAt),
    startEstimate: queued && b.startAt !== NEVER ? tcDate(b.startAt) : undefined,
    startDate: view.startedAt !== undefined ? tcDate(view.startedAt) : undefined,
    finishDate: view.finishedAt !== undefined ? tcDate(view.finishedAt) : undefined,
    triggered: { type: 'user', date: tcDate(b.queuedAt), user: userRef(b.triggeredBy, ctx) },
    changes: { count: 0, href: `${prefix}/changes?locator=build:(id:${b.id})` },
    revisions: queued ? { count: 0, revision: [] } : revisions(b, ctx),
    agent:
      view.startedAt !== undefined
        ? {
            ...AGENT,
            href: `${prefix}/agents/id:${AGENT.id}`,
            webUrl: `${ctx.rootUrl}/agentDetails.html?id=${AGENT.id}&agentTypeId=${AGENT.typeId}&realAgentName=${AGENT.name}`,
          }
        : undefined,
    compatibleAgents: queued ? { href: `${prefix}/agents?locator=compatible:(build:(id:${b.id}))` } : undefined,
    artifacts: { count: queued ? undefined : 0, href: `${prefix}/builds/id:${b.id}/artifacts/children/` },
    properties: propertiesOf(b.properties),
    approvalInfo: approvalInfo(ctx, b),
    relatedIssues: queued ? undefined : { href: `${prefix}/builds/id:${b.id}/relatedIssues` },
    statistics: queued ? undefined : { href: `${prefix}/builds/id:${b.id}/statistics` },
  };
}
