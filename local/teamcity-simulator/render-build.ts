import { artifactsOf, problemsOf, revisionOf, testsOf } from './build-results';
import { type BuildView, type SimBuild, viewBuild } from './builds';
import { tcDate } from './dates';
import type { Json, JsonObject, RenderContext } from './render-context';
import { buildTypeRef } from './render-build-type';
import { propertiesOf } from './render-properties';
import { userRef } from './render-user';
import { NEVER } from './approvals';
import { approvalInfo } from './render-approval';

const AGENT = { id: 1, name: 'sim-agent-1', typeId: 1 };

/** TeamCity's build.testOccurrences: counts as attributes, the occurrences themselves behind href. */
function testSummary(b: SimBuild, ctx: RenderContext): JsonObject | undefined {
  const tests = testsOf(b, ctx.now);
  if (tests.length === 0) return undefined;
  const failed = tests.filter((t) => t.status === 'FAILURE' && !t.ignored);
  return {
    count: tests.length,
    href: `${ctx.prefix}/testOccurrences?locator=build:(id:${b.id})`,
    passed: tests.filter((t) => t.status === 'SUCCESS').length,
    failed: failed.length,
    newFailed: failed.filter((t) => t.newFailure).length,
    ignored: tests.filter((t) => t.ignored).length,
    muted: tests.filter((t) => t.muted).length,
  };
}

export function problemOccurrencesBody(b: SimBuild, ctx: RenderContext): JsonObject {
  const problems = problemsOf(b, ctx.now);
  return {
    count: problems.length,
    href: `${ctx.prefix}/problemOccurrences?locator=build:(id:${b.id})`,
    problemOccurrence: problems.map((p, i) => ({
      id: `problem:(id:${i + 1}),build:(id:${b.id})`,
      type: p.type,
      identity: p.identity,
      details: p.details,
      href: `${ctx.prefix}/problemOccurrences/problem:(id:${i + 1}),build:(id:${b.id})`,
    })),
  };
}

function problemList(b: SimBuild, ctx: RenderContext): JsonObject | undefined {
  return problemsOf(b, ctx.now).length === 0 ? undefined : problemOccurrencesBody(b, ctx);
}

export function artifactFiles(b: SimBuild, ctx: RenderContext): JsonObject[] {
  return artifactsOf(b, ctx.now).map((a) => ({
    name: a.name,
    fullName: a.name,
    size: a.size,
    modificationTime: tcDate(b.finishAt),
    href: `${ctx.prefix}/builds/id:${b.id}/artifacts/metadata/${encodeURIComponent(a.name)}`,
    content: { href: `${ctx.prefix}/builds/id:${b.id}/artifacts/content/${encodeURIComponent(a.name)}` },
  }));
}

function artifactsRef(b: SimBuild, ctx: RenderContext): JsonObject {
  const queued = viewBuild(b, ctx.now).state === 'queued';
  const file = artifactFiles(b, ctx);
  return { count: queued ? undefined : file.length, href: `${ctx.prefix}/builds/id:${b.id}/artifacts/children/`, file };
}

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
    version: revisionOf(ctx.data, b),
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
    artifacts: artifactsRef(b, ctx),
    testOccurrences: testSummary(b, ctx),
    problemOccurrences: problemList(b, ctx),
    properties: propertiesOf(b.properties),
    approvalInfo: approvalInfo(ctx, b),
    relatedIssues: queued ? undefined : { href: `${prefix}/builds/id:${b.id}/relatedIssues` },
    statistics: queued ? undefined : { href: `${prefix}/builds/id:${b.id}/statistics` },
  };
}
