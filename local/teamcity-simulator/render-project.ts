import type { SimProject } from './entities';
import type { JsonObject, RenderContext } from './render-context';
import { buildTypeRef } from './render-build-type';
import { projectRef } from './render-project-ref';
import { propertiesOf } from './render-properties';

export function projectFull(p: SimProject, ctx: RenderContext): JsonObject {
  const { data } = ctx;
  const parent = p.parentId ? data.projects.get(p.parentId) : undefined;
  const buildTypes = data.buildTypeIdsOf(p.id, false).map((id) => buildTypeRef(data.requireBuildType(id), ctx));
  const children = [...data.projects.values()].filter((c) => c.parentId === p.id);
  const vcsRootCount = [...data.vcsRoots.values()].filter((r) => r.projectId === p.id).length;
  return {
    ...projectRef(p, ctx),
    parentProject: parent ? projectRef(parent, ctx) : undefined,
    buildTypes: { count: buildTypes.length, buildType: buildTypes },
    templates: { count: 0, buildType: [] },
    parameters: { ...propertiesOf(p.parameters), href: `${ctx.prefix}/projects/id:${p.id}/parameters` },
    vcsRoots: { count: vcsRootCount, href: `${ctx.prefix}/vcs-roots?locator=project:(id:${p.id})` },
    projects: { count: children.length, project: children.map((c) => projectRef(c, ctx)) },
  };
}
