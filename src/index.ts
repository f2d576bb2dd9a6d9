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

export type AppDependencies = {
  /** The clock every use case reads (when a token was added, checked, last authenticated); default: the system's. */
  now?: () => Date;
};

/** The handler with its dependencies; the local host passes a test's clock here. */
export const createHandler = ({ now }: AppDependencies = {}) => {
  const tokenService = createTokenService({
    fetch: (url, init) => fetch(url, init as Parameters<typeof fetch>[1]) as unknown as Promise<Response>,
    now,
  });

  const buildService = createBuildService({ tokens: tokenService });

  const policyService = createPolicyService({ now });

  const resolver = new Resolver();
  for (const [name, fn] of Object.entries({
    ...tokenResolvers(tokenService),
    ...buildResolvers(buildService),
    ...policyResolvers(policyService),
  })) {
    resolver.define(name, fn as Parameters<typeof resolver.define>[1]);
  }
  return resolver.getDefinitions();
};

export const handler = createHandler();
