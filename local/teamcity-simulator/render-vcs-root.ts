import type { SimVcsRoot } from './entities';
import type { JsonObject, RenderContext } from './render-context';
import { projectRef } from './render-project-ref';
import { propertiesOf } from './render-properties';

export function vcsRootRef(r: SimVcsRoot, ctx: RenderContext): JsonObject {
  return { id: r.id, name: r.name, href: `${ctx.prefix}/vcs-roots/id:${r.id}` };
}

/** As TeamCity renders it for the asking user: without properties for one who may not view the settings. */
export function vcsRootFull(r: SimVcsRoot, ctx: RenderContext): JsonObject {
  const project = ctx.data.projects.get(r.projectId);
  const ssh = !/^https?:/i.test(r.url);
  return {
    ...vcsRootRef(r, ctx),
    vcsName: 'jetbrains.git',
    project: project ? projectRef(project, ctx) : undefined,
    properties: ctx.user?.settingsHidden
      ? undefined
      : propertiesOf([
          { name: 'agentCleanFilesPolicy', value: 'ALL_UNTRACKED' },
          { name: 'authMethod', value: ssh ? 'TEAMCITY_SSH_KEY' : 'PASSWORD' },
          { name: 'branch', value: r.branch },
          ...(r.tagsAsBranches ? [{ name: 'reportTagRevisions', value: 'true' }] : []),
          { name: 'teamcity:branchSpec', value: r.branchSpec },
          { name: 'url', value: r.url },
          { name: 'usernameStyle', value: 'USERID' },
        ]),
    vcsRootInstances: { href: `${ctx.prefix}/vcs-root-instances?locator=vcsRoot:(id:${r.id})` },
  };
}
