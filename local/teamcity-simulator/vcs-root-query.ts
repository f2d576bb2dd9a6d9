import type { SimulatorData } from './data';
import type { SimVcsRoot } from './entities';
import { checkKnown, first, parseLocator } from './locator';
import { findProjects } from './project-query';
import { matchesCondition, parsePropertyCondition } from './value-condition';

const VCS_ROOT_DIMS = ['id', 'name', 'property', 'project', 'affectedProject', 'count', 'start', 'item', 'vcsRoot', 'buildType'];

function rootProperty(r: SimVcsRoot, name: string): string | undefined {
  switch (name) {
    case 'url':
      return r.url;
    case 'branch':
      return r.branch;
    case 'teamcity:branchSpec':
      return r.branchSpec;
    default:
      return undefined;
  }
}

/**
 * VCS roots matching a vcsRoot (or vcsRootInstance) locator. A url property condition goes through the
 * index, so matching a repository does not look at every build type.
 */
export function findVcsRoots(data: SimulatorData, text: string): SimVcsRoot[] {
  const loc = parseLocator(text);
  checkKnown(loc, VCS_ROOT_DIMS);
  const items = loc.dims.get('item');
  if (items) return unique(items.flatMap((item) => findVcsRoots(data, item)));
  const nested = first(loc, 'vcsRoot');
  const conditions = (loc.dims.get('property') ?? []).map(parsePropertyCondition);
  const id = first(loc, 'id') ?? first(loc, '$singleValue');

  let candidates: SimVcsRoot[];
  const urlCondition = conditions.find((c) => c.name === 'url');
  if (id !== undefined) candidates = [data.vcsRoots.get(id)].filter((r): r is SimVcsRoot => r !== undefined);
  else if (nested !== undefined) candidates = findVcsRoots(data, nested);
  else if (urlCondition) candidates = data.vcsIndex.find(urlCondition);
  else candidates = [...data.vcsRoots.values()];

  const name = first(loc, 'name');
  const project = first(loc, 'project');
  const projectIds = project === undefined ? undefined : new Set(findProjects(data, project).map((p) => p.id));
  return candidates.filter(
    (r) =>
      (name === undefined || r.name === name) &&
      (projectIds === undefined || projectIds.has(r.projectId)) &&
      conditions.every((c) => matchesCondition(c, rootProperty(r, c.name))),
  );
}

export function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
