import type { SimUser } from './entities';
import type { JsonObject, RenderContext } from './render-context';

/** The nested user form inside triggered / canceledInfo (build-running-canceled.json). */
export function userRef(u: SimUser, ctx: RenderContext): JsonObject {
  return { username: u.username, name: u.name, id: u.id, href: `${ctx.prefix}/users/id:${u.id}` };
}

function rolesOf(u: SimUser, ctx: RenderContext): JsonObject[] {
  const role = (roleId: string, scope: string) => ({ roleId, scope, href: `${ctx.prefix}/users/id:${u.id}/roles/${roleId}/${scope}` });
  if (u.runBuild === 'all') return [role('SYSTEM_ADMIN', 'g')];
  return [role('PROJECT_VIEWER', 'g'), ...[...u.runBuild].map((projectId) => role('PROJECT_DEVELOPER', `p:${projectId}`))];
}

export function userFull(u: SimUser, ctx: RenderContext): JsonObject {
  const roles = rolesOf(u, ctx);
  return {
    ...userRef(u, ctx),
    email: u.email,
    properties: { count: 0, href: `${ctx.prefix}/users/id:${u.id}/properties`, property: [] },
    roles: { role: roles },
    groups: {
      count: 1,
      group: [
        {
          key: 'ALL_USERS_GROUP',
          name: 'All Users',
          href: `${ctx.prefix}/userGroups/key:ALL_USERS_GROUP`,
          description: 'Contains all TeamCity users',
        },
      ],
    },
  };
}
