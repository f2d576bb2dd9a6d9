/**
 * The caller's permission on one repository, asked of Bitbucket as the caller:
 * GET /2.0/user/workspaces/{workspace}/permissions/repositories?q=repository.uuid="{uuid}" (Bitbucket Cloud REST
 * API, "List repository permissions for a user" in a workspace; scope read:repository:bitbucket). It answers the
 * caller's effective permission (admin, write or read), workspace admins included, and nothing for a repository
 * the caller cannot see. The repository and workspace come from the runtime's context, never from the payload.
 */
import { route } from '@forge/api';
import { readJson } from './repository-bitbucket';
import { text } from './repository-json';

export type RepositoryPermission = { permission: 'admin' | 'write' | 'read' | 'none'; name: string };

export type RepositoryPermissionReader = (workspace: string, repositoryUuid: string) => Promise<RepositoryPermission | undefined>;

const LEVELS = new Set(['admin', 'write', 'read']);

export const bitbucketRepositoryPermission: RepositoryPermissionReader = async (workspace, repositoryUuid) => {
  const query = `repository.uuid="${repositoryUuid}"`;
  const body = (await readJson('repository_permission', route`/2.0/user/workspaces/${workspace}/permissions/repositories?q=${query}`)) as
    | { values?: Array<{ permission?: unknown; repository?: { uuid?: unknown }; user?: { display_name?: unknown; nickname?: unknown } }> }
    | undefined;
  if (body === undefined) return undefined;
  // Only the entry for this repository counts, whatever else a filter Bitbucket did not apply let through.
  const entry = (body.values ?? []).find((v) => v.repository?.uuid === repositoryUuid);
  const permission = typeof entry?.permission === 'string' && LEVELS.has(entry.permission) ? entry.permission : 'none';
  return {
    permission: permission as RepositoryPermission['permission'],
    name: text(entry?.user?.display_name) ?? text(entry?.user?.nickname) ?? '',
  };
};
