/**
 * Who may see or change a repository's TeamCity settings: repository admins change them, other members with
 * access read them, everybody else gets nothing. Decided from Bitbucket's answer for the caller
 * (repository-permission.ts) about the repository in the runtime's context.
 */
import { fail, ok, type Result } from '../shared/result';
import type { RepositoryAccess } from '../shared/repository-settings-schemas';
import type { Person } from '../stores/repository-settings-store';
import type { Caller } from './caller';
import type { RepositoryPermissionReader } from './repository-permission';

export type RepositoryCaller = {
  workspace: string;
  repositoryUuid: string;
  fullName: string | null;
  person: Person;
  access: RepositoryAccess;
};

const NO_REPOSITORY = 'Open TeamCity from the settings of a Bitbucket repository; this page has no repository.';
const NO_ACCESS = "You don't have access to this repository, so you can't see its TeamCity settings.";
export const ADMINS_ONLY = 'Only repository admins can change the TeamCity settings of this repository.';

export async function repositoryCaller(
  edge: Pick<Caller, 'accountId' | 'workspaceId' | 'page'>,
  permissionOf: RepositoryPermissionReader,
  needs: RepositoryAccess,
): Promise<Result<RepositoryCaller>> {
  const { accountId } = edge;
  const repositoryUuid = edge.page.repositoryUuid;
  const workspace = edge.workspaceId;
  if (!repositoryUuid || !workspace) return fail('invalid_input', NO_REPOSITORY);
  const answer = await permissionOf(workspace, repositoryUuid);
  if (answer === undefined) {
    return fail('forbidden', "Bitbucket didn't tell us your permission on this repository. Reload the page and try again.");
  }
  if (answer.permission === 'none') return fail('forbidden', NO_ACCESS);
  const access: RepositoryAccess = answer.permission === 'admin' ? 'admin' : 'read';
  if (needs === 'admin' && access !== 'admin') return fail('forbidden', ADMINS_ONLY);
  return ok({
    workspace,
    repositoryUuid,
    // The documented context names the repository by UUID only; its name is read from Bitbucket where shown.
    fullName: null,
    person: { accountId, name: answer.name },
    access,
  });
}
