import type { SimulatorData } from './data';
import type { SimBuildType } from './entities';
import { notFound } from './errors';
import { booleanDim, checkKnown, first, parseLocator } from './locator';
import { findProjects } from './project-query';
import { findVcsRoots } from './vcs-root-query';

const BUILD_TYPE_DIMS = [
  'id',
  'name',
  'internalId',
  'project',
  'affectedProject',
  'paused',
  'vcsRoot',
  'vcsRootInstance',
  'item',
  'templateFlag',
  'template',
  'count',
  'start',
  'lookupLimit',
  'defaultFilter',
];

function byIds(data: SimulatorData, ids: Iterable<string>): SimBuildType[] {
  const out: SimBuildType[] = [];
  for (const id of ids) {
    const bt = data.buildTypes.get(id);
    if (bt) out.push(bt);
  }
  return out;
}

/** Candidate set from the most selective dimension; the rest filter it. */
function candidates(data: SimulatorData, loc: ReturnType<typeof parseLocator>): SimBuildType[] {
  const id = first(loc, 'id') ?? first(loc, '$singleValue');
  if (id !== undefined) return byIds(data, [id]);
  const roots = first(loc, 'vcsRoot') ?? first(loc, 'vcsRootInstance');
  if (roots !== undefined) {
    const ids = new Set<string>();
    for (const r of findVcsRoots(data, roots)) for (const bt of r.usedBy) ids.add(bt);
    return byIds(data, ids);
  }
  const project = first(loc, 'project');
  if (project !== undefined) return findProjects(data, project).flatMap((p) => byIds(data, data.buildTypeIdsOf(p.id, false)));
  const affected = first(loc, 'affectedProject');
  if (affected !== undefined) return findProjects(data, affected).flatMap((p) => byIds(data, data.buildTypeIdsOf(p.id, true)));
  return [...data.buildTypes.values()];
}

/** Build types matching a locator, before paging (count/start are applied by the caller). */
export function findBuildTypes(data: SimulatorData, text: string): SimBuildType[] {
  const loc = parseLocator(text);
  checkKnown(loc, BUILD_TYPE_DIMS);
  const items = loc.dims.get('item');
  const found = items ? [...new Set(items.flatMap((item) => findBuildTypes(data, item)))] : candidates(data, loc);
  if (booleanDim(loc, 'templateFlag') === true) return [];
  const name = first(loc, 'name');
  const internalId = first(loc, 'internalId');
  const paused = booleanDim(loc, 'paused');
  const project = first(loc, 'project');
  const projectIds = project === undefined || items ? undefined : new Set(findProjects(data, project).map((p) => p.id));
  const roots = first(loc, 'vcsRoot') ?? first(loc, 'vcsRootInstance');
  const rootIds = roots === undefined || items ? undefined : new Set(findVcsRoots(data, roots).map((r) => r.id));
  return found.filter(
    (bt) =>
      (name === undefined || bt.name === name) &&
      (internalId === undefined || bt.internalId === internalId) &&
      (paused === undefined || bt.paused === paused) &&
      (projectIds === undefined || projectIds.has(bt.projectId)) &&
      (rootIds === undefined || bt.vcsRootIds.some((r) => rootIds.has(r))),
  );
}

export function findBuildType(data: SimulatorData, text: string): SimBuildType {
  const found = findBuildTypes(data, text)[0];
  if (found) return found;
  const idOnly = /^id:([^,()]+)$/.exec(text)?.[1] ?? (/^[^:,()]+$/.test(text) ? text : undefined);
  throw notFound(idOnly ? `No build type nor template is found by id '${idOnly}'.` : `Nothing is found by locator '${text}'.`);
}
