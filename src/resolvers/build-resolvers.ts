import {
  BUILD_RESOLVER_FUNCTIONS as F,
  buildRequestSchema,
  findBuildConfigurationsRequestSchema,
  getBuildSetupRequestSchema,
  getRunParametersRequestSchema,
  listRecentBuildsRequestSchema,
  triggerBuildRequestSchema,
} from '../shared/schemas';
import type { BuildService } from '../services/build-service';
import type { ResolverImplementations } from '../shared/resolver-contract';
import type { BuildResolverKey } from '../shared/resolver-functions';
import { defineEndpoint } from './define-endpoint';

/** The repository and pull request are taken from `context` (the runtime's extension context), never the payload. */
export const buildResolvers = (builds: BuildService): ResolverImplementations<BuildResolverKey> => ({
  [F.getBuildSetup]: defineEndpoint(F.getBuildSetup, getBuildSetupRequestSchema, (_input, { accountId, context }) =>
    builds.getBuildSetup(accountId, context),
  ),
  [F.findBuildConfigurations]: defineEndpoint(
    F.findBuildConfigurations,
    findBuildConfigurationsRequestSchema,
    (input, { accountId, context }) => builds.findBuildConfigurations(accountId, context, input),
  ),
  [F.triggerBuild]: defineEndpoint(F.triggerBuild, triggerBuildRequestSchema, (input, { accountId, context }) =>
    builds.triggerBuild(accountId, context, input),
  ),
  [F.getRunParameters]: defineEndpoint(F.getRunParameters, getRunParametersRequestSchema, (input, { accountId, context }) =>
    builds.getRunParameters(accountId, context, input),
  ),
  [F.getBuild]: defineEndpoint(F.getBuild, buildRequestSchema, (input, { accountId }) => builds.getBuild(accountId, input)),
  [F.cancelBuild]: defineEndpoint(F.cancelBuild, buildRequestSchema, (input, { accountId }) => builds.cancelBuild(accountId, input)),
  [F.approveBuild]: defineEndpoint(F.approveBuild, buildRequestSchema, (input, { accountId }) => builds.approveBuild(accountId, input)),
  [F.listRecentBuilds]: defineEndpoint(F.listRecentBuilds, listRecentBuildsRequestSchema, (input, { accountId }) =>
    builds.listRecentBuilds(accountId, input),
  ),
});
