import { branchMatches, shortRefName } from './branch-spec';
import { buildWillFail, type SimBuild } from './builds';
import { findBuildType } from './build-type-query';
import type { SimulatorData } from './data';
import type { Property, SimUser } from './entities';
import { accessDenied, badRequest, notFound } from './errors';

/** The subset of TeamCity's Build entity a trigger request may carry. */
type TriggerBody = {
  buildType?: { id?: unknown; locator?: unknown };
  buildTypeId?: unknown;
  branchName?: unknown;
  comment?: { text?: unknown };
  properties?: { property?: unknown };
  triggeringOptions?: { queueAtTop?: unknown; cleanSources?: unknown };
  lastChanges?: { change?: unknown };
};

/**
 * The change a build was asked to build (`lastChanges.change[0].locator` = `version:<sha>,buildType:(id:…)`, as
 * TeamCity's REST docs show for "a build on a specific change"). TeamCity answers 404 for a change it has not
 * collected; the simulator knows every 40-digit hash.
 */
function requestedRevision(raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  const first = Array.isArray(raw) ? (raw[0] as { locator?: unknown } | undefined) : undefined;
  const version = typeof first?.locator === 'string' ? /(?:^|,)version:([^,()]+)/.exec(first.locator)?.[1] : undefined;
  if (version === undefined) throw badRequest("Invalid 'lastChanges': a change locator with 'version' is expected.");
  if (!/^[0-9a-f]{40}$/i.test(version)) throw notFound(`No change found by locator 'version:${version}'.`);
  return version.toLowerCase();
}

function parseProperties(raw: unknown): Property[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw badRequest("Invalid 'properties' element: 'property' should be a list.");
  return raw.map((p: unknown) => {
    const prop = (p ?? {}) as { name?: unknown; value?: unknown };
    if (typeof prop.name !== 'string' || prop.name === '') throw badRequest('Property name should not be empty.');
    return { name: prop.name, value: prop.value === undefined || prop.value === null ? '' : String(prop.value) };
  });
}

export function runBuildDenied(data: SimulatorData, projectId: string, permission: string) {
  const project = data.projects.get(projectId);
  return accessDenied(`You do not have "${permission}" permission in project with internal id: ${project?.internalId ?? projectId}`);
}

/**
 * POST /buildQueue. Paused configurations still accept manual builds (TeamCity pauses triggers only).
 * A branch outside the branch specification is accepted and then fails to start.
 */
export function triggerBuild(data: SimulatorData, user: SimUser, rawBody: unknown): SimBuild {
  if (rawBody === null || typeof rawBody !== 'object') throw badRequest('Build entity is expected in the request body.');
  const body = rawBody as TriggerBody;
  const locator =
    typeof body.buildType?.id === 'string'
      ? `id:${body.buildType.id}`
      : typeof body.buildType?.locator === 'string'
        ? body.buildType.locator
        : typeof body.buildTypeId === 'string'
          ? `id:${body.buildTypeId}`
          : undefined;
  if (!locator) throw badRequest("Build type is not specified: submit 'buildType' with 'id' or 'locator'.");
  const bt = findBuildType(data, locator);
  if (!data.canRunBuild(user, bt.projectId)) throw runBuildDenied(data, bt.projectId, 'Run build');
  if (body.branchName !== undefined && typeof body.branchName !== 'string') throw badRequest("'branchName' should be a string.");
  // A build's parameters keep the configuration's spec, so a password given at trigger time is rendered as "" like
  // TeamCity does, while the simulator itself still holds the value for tests to check.
  const specs = new Map(bt.parameters.map((p) => [p.name, p.rawType]));
  const properties = parseProperties(body.properties?.property).map((p) =>
    specs.get(p.name) === undefined ? p : { ...p, rawType: specs.get(p.name) },
  );

  const requestedCommit = requestedRevision(body.lastChanges?.change);
  const roots = bt.vcsRootIds.map((id) => data.requireVcsRoot(id));
  const requested = body.branchName as string | undefined;
  const defaultRef = roots[0]?.branch;
  const isDefault =
    requested === undefined ||
    (defaultRef !== undefined && (requested === defaultRef || requested === shortRefName(defaultRef) || requested === '<default>'));
  const branchName = roots.length === 0 ? requested : isDefault ? shortRefName(defaultRef!) : requested;
  const covered =
    requested === undefined || roots.length === 0 || roots.some((r) => branchMatches(r.branchSpec, r.branch, requested, r.tagsAsBranches));

  const build = data.builds.add({
    buildTypeId: bt.id,
    branchName,
    defaultBranch: isDefault,
    comment: typeof body.comment?.text === 'string' ? body.comment.text : undefined,
    properties,
    triggeredBy: user,
    number: String(bt.buildNumberCounter++),
    queueAtTop: body.triggeringOptions?.queueAtTop === true,
    cleanSources: body.triggeringOptions?.cleanSources === true,
    willFail: buildWillFail(branchName, properties),
    failsToStart: !covered,
    revision: requestedCommit ?? (roots[0] && branchName !== undefined ? data.revisionOf?.(roots[0].url, branchName) : undefined),
  });
  data.approvals.hold(build);
  return build;
}
