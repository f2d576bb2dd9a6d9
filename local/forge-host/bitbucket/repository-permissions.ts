/**
 * GET /2.0/user/workspaces/{workspace}/permissions/repositories as the emulated caller: workspace admins are
 * admins of every repository, the other known users (alice, bob, carol) may write, anybody else has no access.
 */
import { KNOWN_USERS, type DemoUser, type DemoWorkspace } from './demo-data';
import { userJson } from './bitbucket-json';

export function repositoryPermission(user: DemoUser): 'admin' | 'write' | undefined {
  if (user.isAdmin) return 'admin';
  return (KNOWN_USERS as readonly string[]).includes(user.name) ? 'write' : undefined;
}

export function repositoryPermissionsJson(ws: DemoWorkspace, user: DemoUser) {
  const permission = repositoryPermission(user);
  if (!permission) return [];
  return ws.repositories.map((r) => ({
    type: 'repository_permission',
    permission,
    user: userJson(user),
    repository: { type: 'repository', uuid: r.uuid, name: r.name, full_name: `${ws.slug}/${r.slug}` },
  }));
}
