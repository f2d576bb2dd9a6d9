import {
  BUILD_RESOLVER_FUNCTIONS as F,
  buildRequestSchema,
  findBuildConfigurationsRequestSchema,
  getBuildSetupRequestSchema,
  getRunParametersRequestSchema,
  listRecentBuildsRequestSchema,
  listRecentCommitsRequestSchema,
  triggerBuildRequestSchema,
} from '../shared/schemas';
import type { BuildService } from '../services/build-service';
import type { ResolverImplementations } from '../shared/resolver-contract';
import type { BuildResolverKey } from '../shared/resolver-functions';
import { defineEndpoint } from './define-endpoint';

/** The repository and pull request are the caller's page (from the runtime's extension context), never the payload. */
export const buildResolvers = (builds: BuildService): ResolverImplementations<BuildResolverKey> => ({
  [F.getBuildSetup]: defineEndpoint(F.getBuildSetup, getBuildSetupRequestSchema, (_input, caller) => builds.getBuildSetup(caller)),
  [F.findBuildConfigurations]: defineEndpoint(F.findBuildConfigurations, findBuildConfigurationsRequestSchema, (input, caller) =>
    builds.findBuildConfigurations(caller, input),
  ),
  [F.triggerBuild]: defineEndpoint(F.triggerBuild, triggerBuildRequestSchema, (input, caller) => builds.triggerBuild(caller, input)),
  [F.getRunParameters]: defineEndpoint(F.getRunParameters, getRunParametersRequestSchema, (input, caller) =>
    builds.getRunParameters(caller, input),
  ),
  [F.getBuild]: defineEndpoint(F.getBuild, buildRequestSchema, (input, caller) => builds.getBuild(caller, input)),
  [F.cancelBuild]: defineEndpoint(F.cancelBuild, buildRequestSchema, (input, caller) => builds.cancelBuild(caller, input)),
  [F.approveBuild]: defineEndpoint(F.approveBuild, buildRequestSchema, (input, caller) => builds.approveBuild(caller, input)),
  [F.listRecentBuilds]: defineEndpoint(F.listRecentBuilds, listRecentBuildsRequestSchema, (input, caller) =>
    builds.listRecentBuilds(caller, input),
  ),
  [F.listRecentCommits]: defineEndpoint(F.listRecentCommits, listRecentCommitsRequestSchema, (input, caller) =>
    builds.listRecentCommits(caller, input),
  ),
});
