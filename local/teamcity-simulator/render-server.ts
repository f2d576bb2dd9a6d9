import { tcDate } from './dates';
import type { JsonObject, RenderContext } from './render-context';

export const SERVER_INTERNAL_ID = 'a5e4b1c2-7d3f-4e8a-9b6c-0f1e2d3c4b5a';

export function versionText(ctx: RenderContext): string {
  return `${ctx.version.major}.${ctx.version.minor} (build ${ctx.version.build})`;
}

/** GET /app/rest/server, keyed like server.json plus the fields newer servers add (webUrl, role, nodeId). */
export function serverInfo(ctx: RenderContext, startedAt: number): JsonObject {
  const { prefix } = ctx;
  const modern = ctx.version.major >= 2017;
  return {
    version: versionText(ctx),
    versionMajor: ctx.version.major,
    versionMinor: ctx.version.minor,
    startTime: tcDate(startedAt),
    currentTime: tcDate(ctx.now),
    buildNumber: ctx.version.build,
    buildDate: tcDate(Date.UTC(ctx.version.major, Math.max(0, ctx.version.minor - 1), 15)),
    internalId: SERVER_INTERNAL_ID,
    role: modern ? 'main_node' : undefined,
    webUrl: modern ? ctx.rootUrl : undefined,
    projects: { href: `${prefix}/projects` },
    vcsRoots: { href: `${prefix}/vcs-roots` },
    builds: { href: `${prefix}/builds` },
    users: { href: `${prefix}/users` },
    userGroups: { href: `${prefix}/userGroups` },
    agents: { href: `${prefix}/agents` },
    buildQueue: { href: `${prefix}/buildQueue` },
    agentPools: { href: `${prefix}/agentPools` },
    investigations: modern ? { href: `${prefix}/investigations` } : undefined,
    mutes: modern ? { href: `${prefix}/mutes` } : undefined,
  };
}
