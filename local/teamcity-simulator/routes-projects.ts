import { findBuildType, findBuildTypes } from './build-type-query';
import { badRequest, notFound } from './errors';
import { findProject, findProjects } from './project-query';
import { buildTypeFull, buildTypeRef } from './render-build-type';
import { entityReply, listReply } from './render-list';
import { parseFields, wantsItemDetails } from './fields';
import { projectFull } from './render-project';
import { projectRef } from './render-project-ref';
import { propertiesOf } from './render-properties';
import { vcsRootFull, vcsRootRef } from './render-vcs-root';
import type { Route, RouteRequest } from './route-types';
import { findVcsRoots } from './vcs-root-query';
import type { Property } from './entities';

const all = (req: RouteRequest) => req.query.get('locator') ?? undefined;

function parametersReply(props: Property[], href: string) {
  return { entity: { root: 'properties', body: { ...propertiesOf(props), href } } };
}

function parameter(props: Property[], name: string): Property {
  const p = props.find((x) => x.name === name);
  if (!p) throw notFound(`No parameter with name '${name}' is found.`);
  return p;
}

export const projectRoutes: Route[] = [
  {
    method: 'GET',
    pattern: 'projects',
    handle: (req) => {
      const text = all(req);
      const items = text ? findProjects(req.state.data, text) : [...req.state.data.projects.values()];
      return listReply(req, {
        root: 'projects',
        itemKey: 'project',
        items,
        short: (p) => projectRef(p, req.ctx),
        full: (p) => projectFull(p, req.ctx),
      });
    },
  },
  {
    method: 'GET',
    pattern: 'projects/:loc',
    handle: (req) => entityReply(req, 'project', projectFull(findProject(req.state.data, req.params.loc!), req.ctx)),
  },
  {
    method: 'GET',
    pattern: 'projects/:loc/buildTypes',
    handle: (req) => {
      const p = findProject(req.state.data, req.params.loc!);
      const items = findBuildTypes(req.state.data, `project:(id:${p.id})`);
      return listReply(req, {
        root: 'buildTypes',
        itemKey: 'buildType',
        items,
        short: (b) => buildTypeRef(b, req.ctx),
        full: (b) => buildTypeFull(b, req.ctx),
      });
    },
  },
  {
    method: 'GET',
    pattern: 'projects/:loc/parameters',
    handle: (req) => {
      const p = findProject(req.state.data, req.params.loc!);
      return parametersReply(p.parameters, `${req.ctx.prefix}/projects/id:${p.id}/parameters`);
    },
  },
  {
    method: 'GET',
    pattern: 'buildTypes',
    handle: (req) => {
      const text = all(req);
      const items = text ? findBuildTypes(req.state.data, text) : [...req.state.data.buildTypes.values()];
      return listReply(req, {
        root: 'buildTypes',
        itemKey: 'buildType',
        items,
        short: (b) => buildTypeRef(b, req.ctx),
        full: (b) => buildTypeFull(b, req.ctx),
      });
    },
  },
  {
    method: 'GET',
    pattern: 'buildTypes/:loc',
    handle: (req) => {
      const fields = req.query.get('fields');
      const entry = fields ? parseFields(fields).get('vcs-root-entries')?.get('vcs-root-entry') : undefined;
      const bt = findBuildType(req.state.data, req.params.loc!);
      return entityReply(req, 'buildType', buildTypeFull(bt, req.ctx, wantsItemDetails(entry ?? undefined, 'vcs-root')));
    },
  },
  {
    method: 'GET',
    pattern: 'buildTypes/:loc/paused',
    handle: (req) => ({ text: String(findBuildType(req.state.data, req.params.loc!).paused) }),
  },
  {
    method: 'PUT',
    pattern: 'buildTypes/:loc/paused',
    handle: (req) => {
      const bt = findBuildType(req.state.data, req.params.loc!);
      const value = String(req.body ?? '').trim();
      if (value !== 'true' && value !== 'false') throw badRequest(`Invalid value '${value}'. Should be 'true' or 'false'.`);
      bt.paused = value === 'true';
      return { text: value };
    },
  },
  {
    method: 'GET',
    pattern: 'buildTypes/:loc/parameters',
    handle: (req) => {
      const bt = findBuildType(req.state.data, req.params.loc!);
      return parametersReply(bt.parameters, `${req.ctx.prefix}/buildTypes/id:${bt.id}/parameters`);
    },
  },
  {
    method: 'GET',
    pattern: 'buildTypes/:loc/parameters/:name',
    handle: (req) => {
      const p = parameter(findBuildType(req.state.data, req.params.loc!).parameters, req.params.name!);
      return { entity: { root: 'property', body: { name: p.name, value: p.value } } };
    },
  },
  {
    method: 'GET',
    pattern: 'buildTypes/:loc/parameters/:name/value',
    handle: (req) => ({ text: parameter(findBuildType(req.state.data, req.params.loc!).parameters, req.params.name!).value }),
  },
  {
    method: 'GET',
    pattern: 'vcs-roots',
    handle: (req) => {
      const text = all(req);
      const items = text ? findVcsRoots(req.state.data, text) : [...req.state.data.vcsRoots.values()];
      return listReply(req, {
        root: 'vcs-roots',
        itemKey: 'vcs-root',
        items,
        short: (r) => vcsRootRef(r, req.ctx),
        full: (r) => vcsRootFull(r, req.ctx),
      });
    },
  },
  {
    method: 'GET',
    pattern: 'vcs-roots/:loc',
    handle: (req) => {
      const root = findVcsRoots(req.state.data, req.params.loc!)[0];
      if (!root) throw notFound(`No VCS root found by locator '${req.params.loc}'.`);
      return entityReply(req, 'vcs-root', vcsRootFull(root, req.ctx));
    },
  },
];
