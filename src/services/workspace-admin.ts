/**
 * Whether the caller administers the workspace the app is installed in, asked of Bitbucket as the caller
 * (GET /2.0/user/workspaces/{workspace}/permission: "owner" is Bitbucket's word for a workspace admin). The
 * workspace comes from the runtime's context, never from the payload. Hiding the admin page is Bitbucket's
 * job; this check is what actually keeps members out.
 */
import { route } from '@forge/api';
import { fail, ok, type Result } from '../shared/result';
import { readJson } from './repository-bitbucket';
import { text } from './repository-json';

/** The caller's permission on a workspace, or undefined when Bitbucket would not say. */
export type WorkspacePermissionReader = (workspace: string) => Promise<string | undefined>;

export const bitbucketWorkspacePermission: WorkspacePermissionReader = async (workspace) => {
  const body = (await readJson('workspace_permission', route`/2.0/user/workspaces/${workspace}/permission`)) as
    { permission?: unknown } | undefined;
  return typeof body?.permission === 'string' ? body.permission : undefined;
};

const ADMIN_ONLY = 'Only workspace admins can see or change the TeamCity settings of this workspace.';

export async function requireWorkspaceAdmin(
  context: Record<string, unknown>,
  permissionOf: WorkspacePermissionReader,
): Promise<Result<{ workspace: string }>> {
  const extension = (context.extension ?? {}) as { workspace?: { uuid?: unknown; slug?: unknown } };
  const workspace = text(context.workspaceId) ?? text(extension.workspace?.uuid) ?? text(extension.workspace?.slug);
  if (!workspace) return fail('forbidden', ADMIN_ONLY);
  return (await permissionOf(workspace)) === 'owner' ? ok({ workspace }) : fail('forbidden', ADMIN_ONLY);
}
