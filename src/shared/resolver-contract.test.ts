/**
 * The contract and the resolvers agree. Most of this file is checked by `tsc` (npm run typecheck): the
 * resolver maps are annotated with ResolverImplementations, and the `@ts-expect-error` lines below prove that
 * annotation refuses a resolver that takes or answers something else (if it stopped refusing, the directive
 * would be unused, which is itself a tsc error). Jest checks what types cannot: the keys registered at run time.
 */
import { z } from 'zod';
import { buildResolvers } from '../resolvers/build-resolvers';
import { buildResultsResolvers } from '../resolvers/build-results-resolvers';
import { defineEndpoint } from '../resolvers/define-endpoint';
import { policyResolvers } from '../resolvers/policy-resolvers';
import { repositorySettingsResolvers } from '../resolvers/repository-settings-resolvers';
import { tokenResolvers } from '../resolvers/token-resolvers';
import type { BuildResultsService } from '../services/build-results-service';
import type { BuildService } from '../services/build-service';
import type { PolicyService } from '../services/policy-service';
import type { RepositorySettingsService } from '../services/repository-settings-service';
import type { TokenService } from '../services/token-service';
import type { ResolverImplementations, ResolverInput, ResolverKey, ResolverOutput } from './resolver-contract';
import { REPOSITORY_SETTINGS_FUNCTIONS } from './repository-settings-functions';
import {
  ADMIN_RESOLVER_FUNCTIONS,
  BUILD_RESOLVER_FUNCTIONS,
  BUILD_RESULTS_RESOLVER_FUNCTIONS,
  RESOLVER_FUNCTIONS,
} from './resolver-functions';
import { ok } from './result';
import { deleteTokenRequestSchema, listTokensRequestSchema, replaceTokenRequestSchema, type DeleteTokenResponse } from './schemas';

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T | undefined => undefined;

// Every key the UI can name is defined by exactly one resolver group, and each group's keys are its constant's.
assertType<Equals<keyof ReturnType<typeof tokenResolvers>, (typeof RESOLVER_FUNCTIONS)[keyof typeof RESOLVER_FUNCTIONS]>>();
assertType<Equals<keyof ReturnType<typeof buildResolvers>, (typeof BUILD_RESOLVER_FUNCTIONS)[keyof typeof BUILD_RESOLVER_FUNCTIONS]>>();
assertType<Equals<keyof ReturnType<typeof policyResolvers>, (typeof ADMIN_RESOLVER_FUNCTIONS)[keyof typeof ADMIN_RESOLVER_FUNCTIONS]>>();
assertType<
  Equals<
    keyof (ReturnType<typeof tokenResolvers> &
      ReturnType<typeof buildResolvers> &
      ReturnType<typeof policyResolvers> &
      ReturnType<typeof repositorySettingsResolvers> &
      ReturnType<typeof buildResultsResolvers>),
    ResolverKey
  >
>();

// Inputs are what the schemas accept before defaults (the modal may leave out `parameters`).
assertType<Equals<ResolverInput<'triggerBuild'>['parameters'], Array<{ name: string; value: string }> | undefined>>();
assertType<Equals<ResolverOutput<'deleteToken'>, DeleteTokenResponse>>();

const deleted = () => Promise.resolve(ok<DeleteTokenResponse>({ deleted: true }));

export const checkedByTsc: Array<Partial<ResolverImplementations<ResolverKey>>> = [
  // The right schema and answer type.
  { deleteToken: defineEndpoint('deleteToken', deleteTokenRequestSchema, deleted) },
  // A schema that accepts more than the contract's input is fine: the UI's payloads are still accepted.
  { deleteToken: defineEndpoint('deleteToken', deleteTokenRequestSchema.extend({ reason: z.string().optional() }), deleted) },
  // @ts-expect-error a resolver answering another type than the contract says
  { deleteToken: defineEndpoint('deleteToken', deleteTokenRequestSchema, () => Promise.resolve(ok({ deleted: 'yes' }))) },
  // @ts-expect-error a schema that requires more than the contract's input (the UI would send payloads it refuses)
  { deleteToken: defineEndpoint('deleteToken', replaceTokenRequestSchema, deleted) },
  // @ts-expect-error a schema with another shape of input
  { deleteToken: defineEndpoint('deleteToken', listTokensRequestSchema.extend({ id: z.number() }), deleted) },
];

// @ts-expect-error a resolver group that leaves out one of its keys
export const missingKey: ResolverImplementations<'deleteToken' | 'listTokens'> = {
  deleteToken: defineEndpoint('deleteToken', deleteTokenRequestSchema, deleted),
};

describe('the resolver contract', () => {
  it('registers every key of the function constants once, and no other', () => {
    const groups = [
      tokenResolvers({} as TokenService),
      buildResolvers({} as BuildService),
      policyResolvers({} as PolicyService),
      repositorySettingsResolvers({} as RepositorySettingsService),
      buildResultsResolvers({} as BuildResultsService),
    ].map((group) => Object.keys(group));
    const registered = groups.flat();
    const named = [
      RESOLVER_FUNCTIONS,
      BUILD_RESOLVER_FUNCTIONS,
      ADMIN_RESOLVER_FUNCTIONS,
      REPOSITORY_SETTINGS_FUNCTIONS,
      BUILD_RESULTS_RESOLVER_FUNCTIONS,
    ].flatMap((constants) => Object.values(constants));
    expect(new Set(registered).size).toBe(registered.length);
    expect([...registered].sort()).toEqual([...named].sort());
  });
});
