import type { SimulatorData } from './data';
import type { SimProject } from './entities';
import { notFound } from './errors';
import { booleanDim, checkKnown, first, parseLocator } from './locator';

const PROJECT_DIMS = [
  'id',
  'name',
  'internalId',
  'parentProject',
  'affectedProject',
  'archived',
  'count',
  'start',
  'item',
  'lookupLimit',
  'defaultFilter',
];

export function findProjects(data: SimulatorData, text: string): SimProject[] {
  const loc = parseLocator(text);
  checkKnown(loc, PROJECT_DIMS);
  const items = loc.dims.get('item');
  if (items) return [...new Set(items.flatMap((item) => findProjects(data, item)))];
  const id = first(loc, 'id') ?? first(loc, '$singleValue');
  const name = first(loc, 'name');
  const internalId = first(loc, 'internalId');
  const parent = first(loc, 'parentProject');
  const affected = first(loc, 'affectedProject');
  const parentIds = parent === undefined ? undefined : new Set(findProjects(data, parent).map((p) => p.id));
  const affectedIds = affected === undefined ? undefined : new Set(findProjects(data, affected).map((p) => p.id));
  booleanDim(loc, 'archived');
  const candidates = id !== undefined ? [data.projects.get(id)].filter((p): p is SimProject => !!p) : [...data.projects.values()];
  return candidates.filter(
    (p) =>
      (name === undefined || p.name === name) &&
      (internalId === undefined || p.internalId === internalId) &&
      (parentIds === undefined || (p.parentId !== null && parentIds.has(p.parentId))) &&
      (affectedIds === undefined || data.projectPath(p.id).some((a) => affectedIds.has(a.id) && a.id !== p.id)),
  );
}

export function findProject(data: SimulatorData, text: string): SimProject {
  const found = findProjects(data, text)[0];
  if (!found)
    throw notFound(`No project found by locator '${text}'. Project cannot be found by external id '${text.replace(/^id:/, '')}'.`);
  return found;
}
