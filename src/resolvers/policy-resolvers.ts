import { ADMIN_RESOLVER_FUNCTIONS as F, getWorkspacePolicyRequestSchema, saveWorkspacePolicyRequestSchema } from '../shared/schemas';
import type { PolicyService } from '../services/policy-service';
import type { ResolverImplementations } from '../shared/resolver-contract';
import type { AdminResolverKey } from '../shared/resolver-functions';
import { defineEndpoint } from './define-endpoint';

/** The workspace settings page. The service checks the caller is a workspace admin, whatever the UI shows. */
export const policyResolvers = (policies: PolicyService): ResolverImplementations<AdminResolverKey> => ({
  [F.getWorkspacePolicy]: defineEndpoint(F.getWorkspacePolicy, getWorkspacePolicyRequestSchema, (_input, caller) => policies.get(caller)),
  [F.saveWorkspacePolicy]: defineEndpoint(F.saveWorkspacePolicy, saveWorkspacePolicyRequestSchema, (input, caller) =>
    policies.save(caller, input),
  ),
});
