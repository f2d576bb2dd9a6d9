import type { SimBuildType } from './entities';
import type { JsonObject, RenderContext } from './render-context';
import { projectFullName, projectRef } from './render-project-ref';
import { propertiesOf } from './render-properties';
import { vcsRootFull, vcsRootRef } from './render-vcs-root';

/** The short form used in lists and nested references (buildTypes.json, buildQueue-fields.json). */
export function buildTypeRef(bt: SimBuildType, ctx: RenderContext): JsonObject {
  return {
    id: bt.id,
    name: bt.name,
    description: bt.description,
    projectName: projectFullName(bt.projectId, ctx),
    projectId: bt.projectId,
    // Modern servers render "paused" only when it is true.
    paused: bt.paused ? true : undefined,
    href: `${ctx.prefix}/buildTypes/id:${bt.id}`,
    webUrl: `${ctx.rootUrl}/viewType.html?buildTypeId=${encodeURIComponent(bt.id)}`,
  };
}

/**
 * The full form of GET /buildTypes/id:X, keyed like buildType.json. Its VCS roots are references unless
 * `vcsRootDetails` (a fields= selection reaching into them): then each is the whole root, as TeamCity renders a
 * nested entity with the fields asked for.
 */
export function buildTypeFull(bt: SimBuildType, ctx: RenderContext, vcsRootDetails = false): JsonObject {
  const { data, prefix } = ctx;
  const project = data.projects.get(bt.projectId);
  const roots = bt.vcsRootIds.map((id) => data.requireVcsRoot(id));
  return {
    ...buildTypeRef(bt, ctx),
    project: project ? projectRef(project, ctx) : undefined,
    templates: { count: 0, buildType: [] },
    'vcs-root-entries': {
      count: roots.length,
      'vcs-root-entry': roots.map((r) => ({
        id: r.id,
        'vcs-root': vcsRootDetails ? vcsRootFull(r, ctx) : vcsRootRef(r, ctx),
        'checkout-rules': '',
      })),
    },
    settings: propertiesOf([{ name: 'buildNumberCounter', value: String(bt.buildNumberCounter) }]),
    parameters: { ...propertiesOf(bt.parameters), href: `${prefix}/buildTypes/id:${bt.id}/parameters` },
    steps: {
      count: 1,
      step: [
        {
          id: 'RUNNER_1',
          name: '',
          type: 'simpleRunner',
          properties: propertiesOf([
            { name: 'script.content', value: 'npm ci && npm test' },
            { name: 'teamcity.step.mode', value: 'default' },
            { name: 'use.custom.script', value: 'true' },
          ]),
        },
      ],
    },
    features: { count: 0 },
    triggers: {
      count: 1,
      trigger: [
        {
          id: 'vcsTrigger',
          type: 'vcsTrigger',
          properties: propertiesOf([
            { name: 'branchFilter', value: '+:*' },
            { name: 'enableQueueOptimization', value: 'true' },
            { name: 'quietPeriodMode', value: 'DO_NOT_USE' },
          ]),
        },
      ],
    },
    'snapshot-dependencies': { count: 0 },
    'artifact-dependencies': { count: 0 },
    'agent-requirements': { count: 0 },
    builds: { href: `${prefix}/buildTypes/id:${bt.id}/builds/` },
    investigations: { href: `${prefix}/investigations?locator=buildType:(id:${bt.id})` },
    compatibleAgents: { href: `${prefix}/agents?locator=compatible:(buildType:(id:${bt.id}))` },
  };
}
