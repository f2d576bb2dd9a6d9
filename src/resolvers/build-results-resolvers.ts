import {
  BUILD_RESULTS_RESOLVER_FUNCTIONS as F,
  buildRequestSchema,
  getBuildResultsRequestSchema,
  pollBuildResultsRequestSchema,
} from '../shared/schemas';
import type { BuildResultsService } from '../services/build-results-service';
import type { ResolverImplementations } from '../shared/resolver-contract';
import type { BuildResultsResolverKey } from '../shared/resolver-functions';
import { defineEndpoint } from './define-endpoint';

/** The pull request and repository come from `context` (the runtime's extension context), never the payload. */
export const buildResultsResolvers = (results: BuildResultsService): ResolverImplementations<BuildResultsResolverKey> => ({
  [F.getBuildResults]: defineEndpoint(F.getBuildResults, getBuildResultsRequestSchema, (_input, caller) => results.getBuildResults(caller)),
  [F.pollBuildResults]: defineEndpoint(F.pollBuildResults, pollBuildResultsRequestSchema, (input, caller) =>
    results.pollBuildResults(caller, input),
  ),
  [F.getBuildFailureDetails]: defineEndpoint(F.getBuildFailureDetails, buildRequestSchema, (input, caller) =>
    results.getBuildFailureDetails(caller, input),
  ),
  [F.rerunBuild]: defineEndpoint(F.rerunBuild, buildRequestSchema, (input, caller) => results.rerunBuild(caller, input)),
});
