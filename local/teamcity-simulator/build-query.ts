import { type SimBuild, viewBuild } from './builds';
import { findBuildTypes } from './build-type-query';
import type { SimulatorData } from './data';
import { notFound } from './errors';
import { type Locator, booleanDim, checkKnown, first, numberDim, parseLocator } from './locator';
import { findProjects } from './project-query';
import { revisionFilter } from './revision-filter';

const BUILD_DIMS = [
  'id',
  'buildType',
  'branch',
  'state',
  'status',
  'running',
  'canceled',
  'failedToStart',
  'personal',
  'number',
  'user',
  'project',
  'affectedProject',
  'defaultFilter',
  'count',
  'start',
  'lookupLimit',
  'item',
  'taskId',
  'promotionId',
  'revision',
];

function branchFilter(text: string | undefined): ((b: SimBuild) => boolean) | undefined {
  if (text === undefined) return undefined;
  const loc = text.includes(':') ? parseLocator(text) : undefined;
  const name = loc ? first(loc, 'name') : text;
  const isDefault = loc ? booleanDim(loc, 'default') : undefined;
  if (loc && first(loc, 'default') === 'any' && name === undefined) return () => true;
  return (b) => (name === undefined || b.branchName === name) && (isDefault === undefined || b.defaultBranch === isDefault);
}

/** Order TeamCity lists builds in: queued, then running, then finished, newest first within each. */
const STATE_ORDER = { queued: 0, running: 1, finished: 2 } as const;

export function findBuilds(
  data: SimulatorData,
  text: string | undefined,
  now: number,
  queueOnly = false,
): { builds: SimBuild[]; locator?: Locator } {
  const loc = text === undefined ? undefined : parseLocator(text);
  if (loc) checkKnown(loc, BUILD_DIMS);
  const get = (n: string) => (loc ? first(loc, n) : undefined);
  const items = loc?.dims.get('item');
  if (items) {
    // Each item is a locator of its own, with its own count (TeamCity pages each item before the union).
    const itemBuilds = (i: string) => {
      const found = findBuilds(data, i, now, queueOnly);
      const count = found.locator ? numberDim(found.locator, 'count') : undefined;
      return count === undefined ? found.builds : found.builds.slice(0, count);
    };
    return { builds: [...new Set(items.flatMap(itemBuilds))], locator: loc };
  }

  const id = loc ? (numberDim(loc, 'id') ?? numberDim(loc, 'taskId') ?? numberDim(loc, 'promotionId')) : undefined;
  const single = get('$singleValue');
  const singleId = single !== undefined && /^\d+$/.test(single) ? Number(single) : undefined;
  const wantedId = id ?? singleId;

  const buildTypeIds = get('buildType') === undefined ? undefined : new Set(findBuildTypes(data, get('buildType')!).map((b) => b.id));
  const projectText = get('project') ?? get('affectedProject');
  const projectBts =
    projectText === undefined
      ? undefined
      : new Set(findProjects(data, projectText).flatMap((p) => data.buildTypeIdsOf(p.id, get('affectedProject') !== undefined)));
  const onBranch = branchFilter(get('branch'));
  const atRevision = revisionFilter(data, get('revision'), now);
  const defaultFilter = wantedId !== undefined || queueOnly ? false : loc ? booleanDim(loc, 'defaultFilter') !== false : true;
  const stateDim = get('state');
  const states =
    stateDim === undefined
      ? undefined
      : stateDim === 'any'
        ? new Set(['queued', 'running', 'finished'])
        : new Set(
            stateDim
              .replace(/^\(|\)$/g, '')
              .split(/[,:]/)
              .filter((s) => ['queued', 'running', 'finished'].includes(s)),
          );
  const running = loc ? booleanDim(loc, 'running') : undefined;
  const canceled = loc ? booleanDim(loc, 'canceled') : undefined;
  const failedToStart = loc ? booleanDim(loc, 'failedToStart') : undefined;
  const status = get('status');
  const number = get('number');
  const user = get('user');

  const builds = (wantedId !== undefined ? [data.builds.get(wantedId)].filter((b): b is SimBuild => !!b) : data.builds.all()).filter(
    (b) => {
      const view = viewBuild(b, now);
      if (queueOnly && view.state !== 'queued') return false;
      if (buildTypeIds && !buildTypeIds.has(b.buildTypeId)) return false;
      if (projectBts && !projectBts.has(b.buildTypeId)) return false;
      if (onBranch && !onBranch(b)) return false;
      if (atRevision && !atRevision(b)) return false;
      if (states && !states.has(view.state)) return false;
      if (running !== undefined && (view.state === 'running') !== running) return false;
      if (canceled !== undefined && !!b.canceled !== canceled) return false;
      if (failedToStart !== undefined && view.failedToStart !== failedToStart) return false;
      if (status !== undefined && view.status !== status.toUpperCase()) return false;
      if (number !== undefined && (view.state === 'queued' || b.number !== number)) return false;
      if (user !== undefined && !userMatches(user, b)) return false;
      if (defaultFilter) {
        // TeamCity's default build filter: finished, not canceled, not failed to start, default branch unless a branch is given.
        if (states === undefined && running === undefined && view.state !== 'finished') return false;
        if (canceled === undefined && b.canceled) return false;
        if (failedToStart === undefined && view.failedToStart) return false;
        if (onBranch === undefined && atRevision === undefined && b.branchName !== undefined && !b.defaultBranch) return false;
      }
      return true;
    },
  );
  builds.sort((a, b) => STATE_ORDER[viewBuild(a, now).state] - STATE_ORDER[viewBuild(b, now).state] || b.id - a.id);
  return { builds, locator: loc };
}

function userMatches(text: string, b: SimBuild): boolean {
  const loc = parseLocator(text);
  const username = first(loc, 'username') ?? first(loc, '$singleValue');
  const id = first(loc, 'id');
  return (username === undefined || b.triggeredBy.username === username) && (id === undefined || String(b.triggeredBy.id) === id);
}

export function findBuild(data: SimulatorData, text: string, now: number, queueOnly = false): SimBuild {
  const found = findBuilds(data, text, now, queueOnly).builds[0];
  if (!found) throw notFound(`No build found by locator '${text}'.`);
  return found;
}
