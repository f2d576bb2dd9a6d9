import { findBuild, findBuilds } from './build-query';
import { findBuildType } from './build-type-query';
import { shortRefName } from './branch-spec';
import { cancelBuild } from './cancel-build';
import { badRequest } from './errors';
import { buildFull, buildRef } from './render-build';
import { entityReply, listReply } from './render-list';
import type { Route, RouteRequest } from './route-types';
import { triggerBuild } from './trigger-build';

function buildList(req: RouteRequest, queueOnly: boolean, extraLocator?: string) {
  const own = req.query.get('locator') ?? undefined;
  const text = extraLocator ? (own ? `${extraLocator},${own}` : extraLocator) : own;
  const { builds } = findBuilds(req.state.data, text, req.ctx.now, queueOnly);
  return listReply(req, {
    root: 'builds',
    itemKey: 'build',
    items: builds,
    short: (b) => buildRef(b, req.ctx),
    full: (b) => buildFull(b, req.ctx),
    defaultCount: queueOnly ? undefined : 100,
  });
}

function cancel(req: RouteRequest, queueOnly: boolean) {
  const build = findBuild(req.state.data, req.params.loc!, req.ctx.now, queueOnly);
  if (req.body === undefined) throw badRequest('A buildCancelRequest {comment, readdIntoQueue} is expected in the request body.');
  cancelBuild(req.state.data, req.user, build, req.body, req.ctx.now);
  return entityReply(req, 'build', buildFull(build, req.ctx));
}

export const buildRoutes: Route[] = [
  { method: 'GET', pattern: 'builds', handle: (req) => buildList(req, false) },
  {
    method: 'GET',
    pattern: 'builds/:loc',
    handle: (req) => entityReply(req, 'build', buildFull(findBuild(req.state.data, req.params.loc!, req.ctx.now), req.ctx)),
  },
  { method: 'POST', pattern: 'builds/:loc', handle: (req) => cancel(req, false) },
  { method: 'GET', pattern: 'buildQueue', handle: (req) => buildList(req, true) },
  {
    method: 'POST',
    pattern: 'buildQueue',
    handle: (req) => entityReply(req, 'build', buildFull(triggerBuild(req.state.data, req.user, req.body), req.ctx)),
  },
  {
    method: 'GET',
    pattern: 'buildQueue/:loc',
    handle: (req) => entityReply(req, 'build', buildFull(findBuild(req.state.data, req.params.loc!, req.ctx.now), req.ctx)),
  },
  { method: 'POST', pattern: 'buildQueue/:loc', handle: (req) => cancel(req, false) },
  {
    method: 'DELETE',
    pattern: 'buildQueue/:loc',
    handle: (req) => {
      const build = findBuild(req.state.data, req.params.loc!, req.ctx.now, true);
      cancelBuild(req.state.data, req.user, build, {}, req.ctx.now);
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    pattern: 'buildTypes/:loc/builds',
    handle: (req) => buildList(req, false, `buildType:(id:${findBuildType(req.state.data, req.params.loc!).id})`),
  },
  {
    method: 'GET',
    pattern: 'buildTypes/:loc/branches',
    handle: (req) => {
      const bt = findBuildType(req.state.data, req.params.loc!);
      const defaultRef = bt.vcsRootIds.map((id) => req.state.data.requireVcsRoot(id))[0]?.branch;
      const names = new Set<string>(defaultRef ? [shortRefName(defaultRef)] : []);
      for (const b of req.state.data.builds.all()) if (b.buildTypeId === bt.id && b.branchName) names.add(b.branchName);
      const branch = [...names].map((name) => ({
        name,
        default: defaultRef !== undefined && name === shortRefName(defaultRef) ? true : undefined,
      }));
      return entityReply(req, 'branches', { count: branch.length, href: `${req.path}`, branch });
    },
  },
];
