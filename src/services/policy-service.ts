/**
 * The workspace settings page: which TeamCity servers users may connect and which one to suggest, plus how many
 * users use each server. Every call checks that the caller is a workspace admin. Changing the allowlist never
 * touches users' tokens; tokens for servers it no longer names are refused when running builds.
 */
import { readRuntimeConfig, type RuntimeConfig } from '../config/runtime-config';
import { fail, ok, type Result } from '../shared/result';
import type { SaveWorkspacePolicyRequest, ServerUsage, WorkspacePolicyResponse } from '../shared/schemas';
import { isServerAllowed, type ServerPolicy } from '../shared/server-policy';
import { policyStore as defaultPolicies, type PolicyStore, type StoredPolicy } from '../stores/policy-store';
import { serverUsersStore as defaultServerUsers, type ServerUsersStore } from '../stores/server-users-store';
import { normalizeServerUrl } from '../shared/server-url';
import type { Caller } from './caller';
import { guardStorage } from './guard-storage';
import { bitbucketWorkspacePermission, requireWorkspaceAdmin, type WorkspacePermissionReader } from './workspace-admin';

export type PolicyServiceDeps = {
  policies?: PolicyStore;
  serverUsers?: ServerUsersStore;
  permissionOf?: WorkspacePermissionReader;
  now?: () => Date;
  config?: () => RuntimeConfig;
};

/** Allowed servers first (in the admin's order), then any other server someone still has a token for. */
const usageOf = (policy: ServerPolicy, counts: Map<string, number>): ServerUsage[] => [
  ...policy.allowedServers.map((serverUrl) => ({ serverUrl, users: counts.get(serverUrl) ?? 0, allowed: true })),
  ...[...counts.entries()]
    .filter(([serverUrl]) => !policy.allowedServers.includes(serverUrl))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([serverUrl, users]) => ({ serverUrl, users, allowed: isServerAllowed(policy, serverUrl) })),
];

export const createPolicyService = ({
  policies = defaultPolicies,
  serverUsers = defaultServerUsers,
  permissionOf = bitbucketWorkspacePermission,
  now = () => new Date(),
  config = readRuntimeConfig,
}: PolicyServiceDeps = {}) => {
  const describe = async (policy: StoredPolicy): Promise<WorkspacePolicyResponse> => ({
    allowedServers: policy.allowedServers,
    defaultServerUrl: policy.defaultServerUrl,
    usage: usageOf(policy, await serverUsers.countByServer()),
    updatedAt: policy.updatedAt,
  });

  /** Same canonical form as a stored token's server, so comparing is plain string equality. */
  const normalize = (request: SaveWorkspacePolicyRequest): Result<ServerPolicy> => {
    const allowedServers: string[] = [];
    for (const [index, input] of request.allowedServers.entries()) {
      const url = normalizeServerUrl(input, config());
      // Named by position only: what was typed may be anything, a pasted token included.
      if (!url.ok) return fail('invalid_input', `Server ${index + 1}: ${url.error.message}`, 'allowedServers');
      if (!allowedServers.includes(url.data)) allowedServers.push(url.data);
    }
    if (request.defaultServerUrl === null || request.defaultServerUrl.trim() === '') return ok({ allowedServers, defaultServerUrl: null });
    const defaultServer = normalizeServerUrl(request.defaultServerUrl, config());
    if (!defaultServer.ok) return fail('invalid_input', defaultServer.error.message, 'defaultServerUrl');
    if (!isServerAllowed({ allowedServers }, defaultServer.data)) {
      return fail('invalid_input', 'The default server must be one of the allowed servers.', 'defaultServerUrl');
    }
    return ok({ allowedServers, defaultServerUrl: defaultServer.data });
  };

  return {
    async get(caller: Caller): Promise<Result<WorkspacePolicyResponse>> {
      const admin = await requireWorkspaceAdmin(caller, permissionOf);
      if (!admin.ok) return admin;
      return guardStorage(async () => ok(await describe(await policies.get())));
    },

    async save(caller: Caller, request: SaveWorkspacePolicyRequest): Promise<Result<WorkspacePolicyResponse>> {
      const admin = await requireWorkspaceAdmin(caller, permissionOf);
      if (!admin.ok) return admin;
      const policy = normalize(request);
      if (!policy.ok) return policy;
      return guardStorage(async () => {
        const stored: StoredPolicy = { ...policy.data, updatedAt: now().toISOString() };
        await policies.save(stored);
        return ok(await describe(stored));
      });
    },
  };
};

export type PolicyService = ReturnType<typeof createPolicyService>;
