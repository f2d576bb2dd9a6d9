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
import { createRepositorySettingsService } from './services/repository-settings-service';
import { repositorySettingsResolvers } from './resolvers/repository-settings-resolvers';
import { createMergeCheckService } from './services/merge-check-service';
import { fail } from './shared/result';
import { createBuildResultsService } from './services/build-results-service';
import { buildResultsResolvers } from './resolvers/build-results-resolvers';

export type AppDependencies = {
  /** The clock every use case reads (when a token was added, checked, last authenticated); default: the system's. */
  now?: () => Date;
};

/** Every entry point of the function with its dependencies. */
const createApp = ({ now }: AppDependencies = {}) => {
  const tokenService = createTokenService({
    fetch: (url, init) => fetch(url, init as Parameters<typeof fetch>[1]) as unknown as Promise<Response>,
    now,
  });

  const buildService = createBuildService({ tokens: tokenService });

  const policyService = createPolicyService({ now });

  const buildResultsService = createBuildResultsService({ tokens: tokenService });

  const repositorySettingsService = createRepositorySettingsService({ tokens: tokenService });

  const functions = {
    ...tokenResolvers(tokenService),
    ...buildResolvers(buildService),
    ...policyResolvers(policyService),
    ...repositorySettingsResolvers(repositorySettingsService),
    ...buildResultsResolvers(buildResultsService),
  };
  const resolver = new Resolver();
  for (const [name, fn] of Object.entries(functions)) {
    resolver.define(name, fn as Parameters<typeof resolver.define>[1]);
  }
  const definitions = resolver.getDefinitions();

  /**
   * @forge/resolver looks a function key up with `in`, so inherited names reach Object.prototype: `constructor`
   * would echo the request and its context back, `__proto__` or `hasOwnProperty` would crash. Only the app's own
   * functions are let through; anything else is answered like any other bad request.
   */
  const handler = async (
    request: Parameters<typeof definitions>[0],
    backendRuntimePayload?: Parameters<typeof definitions>[1],
  ): Promise<unknown> => {
    const functionKey: unknown = (request as { call?: { functionKey?: unknown } } | undefined)?.call?.functionKey;
    if (typeof functionKey !== 'string' || !Object.hasOwn(functions, functionKey)) {
      return fail(
        'invalid_input',
        'This page asked for something the app does not offer. Reload the page to use the current version of the app.',
      );
    }
    return definitions(request, backendRuntimePayload);
  };
  return { handler, mergeCheckService: createMergeCheckService({ tokens: tokenService }) };
};

/** The resolver handler with its dependencies; the local host passes a test's clock here. */
export const createHandler = (deps: AppDependencies = {}) => createApp(deps).handler;

const app = createApp();

export const handler = app.handler;

/**
 * The `bitbucket:mergeCheck` function (manifest: function `merge-check`, handler `index.mergeCheck`). Forge calls
 * it with the check's event payload and expects `{ success, message? }` back (Forge docs, "Bitbucket custom
 * merge check").
 */
export const mergeCheck = (event: unknown): Promise<{ success: boolean; message?: string }> => app.mergeCheckService.run(event);
