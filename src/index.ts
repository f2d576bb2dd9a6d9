/**
 * The Forge function behind every module of the app (manifest: function `resolver`, handler `index.handler`).
 */
import Resolver from '@forge/resolver';
import { fetch } from '@forge/api';
import { createTokenService } from './services/token-service';
import { tokenResolvers } from './resolvers/token-resolvers';
import { createBuildService } from './services/build-service';
import { buildResolvers } from './resolvers/build-resolvers';
import { createPolicyService } from './services/policy-service';
import { policyResolvers } from './resolvers/policy-resolvers';
import { createBuildResultsService } from './services/build-results-service';
import { buildResultsResolvers } from './resolvers/build-results-resolvers';

const tokenService = createTokenService({
  fetch: (url, init) => fetch(url, init as Parameters<typeof fetch>[1]) as unknown as Promise<Response>,
});

const buildService = createBuildService({ tokens: tokenService });

const policyService = createPolicyService();

const buildResultsService = createBuildResultsService({ tokens: tokenService });

const resolver = new Resolver();
for (const [name, fn] of Object.entries({
  ...tokenResolvers(tokenService),
  ...buildResolvers(buildService),
  ...policyResolvers(policyService),
  ...buildResultsResolvers(buildResultsService),
})) {
  resolver.define(name, fn as Parameters<typeof resolver.define>[1]);
}

export const handler = resolver.getDefinitions();
