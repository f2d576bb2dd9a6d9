/**
 * Whether the caller administers the workspace the app is installed in, asked of Bitbucket as the caller
 * (GET /2.0/user/workspaces/{workspace}/permission: "owner" is Bitbucket's word for a workspace admin). The
 * workspace is the caller's, as the resolver edge read it from the runtime's context, never from the payload.
 * Hiding the admin page is Bitbucket's job; this check is what actually keeps members out.
 */
import { route } from '@forge/api';
import { fail, ok, type Result } from '../shared/result';
import type { Caller } from './caller';
import { readJson } from './repository-bitbucket';

/** The caller's permission on a workspace, or undefined when Bitbucket would not say. */
export type WorkspacePermissionReader = (workspace: string) => Promise<string | undefined>;

export const bitbucketWorkspacePermission: WorkspacePermissionReader = async (workspace) => {
  const body = (await readJson('workspace_permission', route`/2.0/user/workspaces/${workspace}/permission`)) as
    { permission?: unknown } | undefined;
  return typeof body?.permission === 'string' ? body.permission : undefined;
};

const ADMIN_ONLY = 'Only workspace admins can see or change the TeamCity settings of this workspace.';

export async function requireWorkspaceAdmin(
  { workspaceId }: Pick<Caller, 'workspaceId'>,
  permissionOf: WorkspacePermissionReader,
): Promise<Result<{ workspace: string }>> {
  if (!workspaceId) return fail('forbidden', ADMIN_ONLY);
  return (await permissionOf(workspaceId)) === 'owner' ? ok({ workspace: workspaceId }) : fail('forbidden', ADMIN_ONLY);
}
