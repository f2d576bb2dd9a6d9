/**
 * Parses the Forge context once, at the edge, into the typed caller the services get. Only what Forge
 * documents is read, so the app behaves the same whether the host sends a minimal context or a richer one:
 * - `accountId`: set by @forge/resolver from the invocation's principal (node_modules/@forge/resolver), never
 *   from the browser.
 * - `workspaceId`: the workspace the app runs in, in the function context
 *   (https://developer.atlassian.com/platform/forge/function-reference/arguments/) and used as the workspace of
 *   Bitbucket routes in https://developer.atlassian.com/platform/forge/apis-reference/ui-api-bridge/requestBitbucket/.
 *   `installContext` (same page; @forge/resolver takes it from the invocation, not the call) names the
 *   installation's workspace: it stands in when workspaceId is absent, and a workspaceId naming another
 *   workspace is not believed.
 * - `extension.type`, `extension.repository.uuid`, `extension.pullRequest.id`: the extension context of the
 *   repository and pull request modules
 *   (https://developer.atlassian.com/platform/forge/manifest-reference/modules/bitbucket-repository-code-overview-action/,
 *   https://developer.atlassian.com/platform/forge/manifest-reference/modules/bitbucket-repository-pull-request-action/).
 * Everything else (slugs, clone links, branches, titles, authors) is read from Bitbucket's REST API by the
 * services, even when a context happens to carry it.
 */
import { canonicalUuid } from '../services/bitbucket-uuid';
import { branchNameProblem } from '../shared/input-rules';
import type { Caller, ModulePage } from '../services/caller';
import type { Deadline } from '../services/deadline';

type Json = Record<string, unknown>;

const obj = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});

/** A workspace UUID in canonical form; a slug is kept as it is (Bitbucket routes take either). */
const workspaceRef = (value: unknown): string | null =>
  canonicalUuid(value) ?? (typeof value === 'string' && /^[a-z0-9][a-z0-9_.-]{0,99}$/i.test(value) ? value : null);

/** Only a name git and TeamCity would accept is taken; anything else is as if none was given. */
const branchName = (value: unknown): string | null => (typeof value === 'string' && branchNameProblem(value) === null ? value : null);

const pullRequestId = (value: unknown): number | null => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
};

/** What the module's extension context identifies; null fields where it identifies nothing. */
export function modulePage(extension: unknown): ModulePage {
  const ext = obj(extension);
  return {
    type: typeof ext.type === 'string' && ext.type !== '' ? ext.type : null,
    repositoryUuid: canonicalUuid(obj(ext.repository).uuid),
    pullRequestId: pullRequestId(obj(ext.pullRequest).id),
    branchName: branchName(obj(ext.branch).name),
  };
}

/** `ari:cloud:bitbucket::workspace/<uuid>`: the workspace the app is installed in. */
const installedWorkspace = (installContext: unknown): string | null =>
  typeof installContext === 'string' ? canonicalUuid(/^ari:cloud:bitbucket::workspace\/([^/]+)$/.exec(installContext)?.[1]) : null;

function workspaceOf(ctx: Json): string | null {
  const named = workspaceRef(ctx.workspaceId);
  const installed = installedWorkspace(ctx.installContext);
  if (named === null) return installed;
  // A slug cannot be compared with the installation's UUID; a UUID can, and must agree.
  return installed !== null && canonicalUuid(named) !== null && named !== installed ? null : named;
}

/** The caller, or null when the runtime gave no signed-in user. */
export function parseCaller(context: unknown, deadline: Deadline): Caller | null {
  const ctx = obj(context);
  const accountId = ctx.accountId;
  if (typeof accountId !== 'string' || accountId === '') return null;
  return { accountId, workspaceId: workspaceOf(ctx), page: modulePage(ctx.extension), deadline };
}
