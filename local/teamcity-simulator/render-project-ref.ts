import type { SimProject } from './entities';
import type { JsonObject, RenderContext } from './render-context';

export function projectRef(p: SimProject, ctx: RenderContext): JsonObject {
  return {
    id: p.id,
    name: p.name,
    parentProjectId: p.parentId ?? undefined,
    description: p.description,
    href: `${ctx.prefix}/projects/id:${p.id}`,
    webUrl: `${ctx.rootUrl}/project.html?projectId=${encodeURIComponent(p.id)}`,
  };
}

/** Project names below the root joined with " :: ", as TeamCity's projectName shows them. */
export function projectFullName(projectId: string, ctx: RenderContext): string {
  return ctx.data
    .projectPath(projectId)
    .filter((p) => p.parentId !== null)
    .map((p) => p.name)
    .join(' :: ');
}
