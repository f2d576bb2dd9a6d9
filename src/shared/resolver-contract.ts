/**
 * What each resolver takes and answers, by function key: the one description of the bridge that the
 * resolvers are checked against (`satisfies ResolverImplementations<…>` in src/resolvers) and that the Custom
 * UI's typed clients are built from (static/shared/create-api.ts). Inputs are the schemas' own input types, so
 * a payload the UI can build is a payload the schema accepts. Type-only imports: no zod reaches a UI bundle.
 */
import type { z } from 'zod';
import type {
  DiscoveredConfigurationsView,
  emptyRequestSchema,
  getRepositorySettingsRequestSchema,
  RepositorySettingsView,
  saveRepositorySettingsRequestSchema,
  setRepositoryCredentialRequestSchema,
} from './repository-settings-schemas';
import type { Result } from './result';
import type {
  AddTokenResponse,
  addTokenRequestSchema,
  ApproveBuildResponse,
  BuildFailureDetailsResponse,
  BuildResponse,
  BuildResultsResponse,
  buildRequestSchema,
  getBuildResultsRequestSchema,
  PollBuildResultsResponse,
  pollBuildResultsRequestSchema,
  CheckTokensResponse,
  checkTokensRequestSchema,
  DeleteTokenResponse,
  deleteTokenRequestSchema,
  FindBuildConfigurationsResponse,
  findBuildConfigurationsRequestSchema,
  GetBuildSetupResponse,
  getBuildSetupRequestSchema,
  GetRunParametersResponse,
  getRunParametersRequestSchema,
  getWorkspacePolicyRequestSchema,
  ListRecentBuildsResponse,
  listRecentBuildsRequestSchema,
  ListRecentCommitsResponse,
  listRecentCommitsRequestSchema,
  ListTokensResponse,
  listTokensRequestSchema,
  ReplaceTokenResponse,
  replaceTokenRequestSchema,
  saveWorkspacePolicyRequestSchema,
  TriggerBuildResponse,
  triggerBuildRequestSchema,
  WorkspacePolicyResponse,
} from './schemas';

type Endpoint<Schema extends z.ZodType, Output> = { input: z.input<Schema>; output: Output };

export type ResolverContract = {
  // Personal settings page.
  listTokens: Endpoint<typeof listTokensRequestSchema, ListTokensResponse>;
  addToken: Endpoint<typeof addTokenRequestSchema, AddTokenResponse>;
  deleteToken: Endpoint<typeof deleteTokenRequestSchema, DeleteTokenResponse>;
  replaceToken: Endpoint<typeof replaceTokenRequestSchema, ReplaceTokenResponse>;
  checkTokens: Endpoint<typeof checkTokensRequestSchema, CheckTokensResponse>;
  // Workspace settings page (admins only).
  getWorkspacePolicy: Endpoint<typeof getWorkspacePolicyRequestSchema, WorkspacePolicyResponse>;
  saveWorkspacePolicy: Endpoint<typeof saveWorkspacePolicyRequestSchema, WorkspacePolicyResponse>;
  // The "Run TeamCity build" modal.
  getBuildSetup: Endpoint<typeof getBuildSetupRequestSchema, GetBuildSetupResponse>;
  findBuildConfigurations: Endpoint<typeof findBuildConfigurationsRequestSchema, FindBuildConfigurationsResponse>;
  triggerBuild: Endpoint<typeof triggerBuildRequestSchema, TriggerBuildResponse>;
  getRunParameters: Endpoint<typeof getRunParametersRequestSchema, GetRunParametersResponse>;
  getBuild: Endpoint<typeof buildRequestSchema, BuildResponse>;
  cancelBuild: Endpoint<typeof buildRequestSchema, BuildResponse>;
  approveBuild: Endpoint<typeof buildRequestSchema, ApproveBuildResponse>;
  listRecentBuilds: Endpoint<typeof listRecentBuildsRequestSchema, ListRecentBuildsResponse>;
  listRecentCommits: Endpoint<typeof listRecentCommitsRequestSchema, ListRecentCommitsResponse>;
  // Pull request panel and card, repository card (static/build-results).
  getBuildResults: Endpoint<typeof getBuildResultsRequestSchema, BuildResultsResponse>;
  pollBuildResults: Endpoint<typeof pollBuildResultsRequestSchema, PollBuildResultsResponse>;
  getBuildFailureDetails: Endpoint<typeof buildRequestSchema, BuildFailureDetailsResponse>;
  rerunBuild: Endpoint<typeof buildRequestSchema, BuildResponse>;
  // Repository settings page (repository admins; the merge check's configurations and read credential).
  getRepositorySettings: Endpoint<typeof getRepositorySettingsRequestSchema, RepositorySettingsView>;
  saveRepositorySettings: Endpoint<typeof saveRepositorySettingsRequestSchema, RepositorySettingsView>;
  setRepositoryCredential: Endpoint<typeof setRepositoryCredentialRequestSchema, RepositorySettingsView>;
  checkRepositoryCredential: Endpoint<typeof emptyRequestSchema, RepositorySettingsView>;
  removeRepositoryCredential: Endpoint<typeof emptyRequestSchema, RepositorySettingsView>;
  discoverRepositoryConfigurations: Endpoint<typeof emptyRequestSchema, DiscoveredConfigurationsView>;
};

export type ResolverKey = keyof ResolverContract;
export type ResolverInput<K extends ResolverKey> = ResolverContract[K]['input'];
export type ResolverOutput<K extends ResolverKey> = ResolverContract[K]['output'];

/** What Forge's resolver hands a function: the payload as the browser sent it, and the runtime's context. */
export type ResolverCall = { payload: unknown; context: Record<string, unknown> };

/**
 * A resolver function as src/resolvers defines it (define-endpoint.ts): the contract it was built with rides
 * along as a type only. The phantom is a function type, so `satisfies` demands that every input the contract
 * allows is one the schema accepts, and that the resolver answers the contract's output.
 */
export type ResolverImplementation<K extends ResolverKey> = {
  (request: ResolverCall): Promise<Result<ResolverOutput<K>>>;
  readonly contract?: (input: ResolverInput<K>) => ResolverOutput<K>;
};

/** The resolver map of a group of keys: every one of them, and nothing else (checked with `satisfies`). */
export type ResolverImplementations<Keys extends ResolverKey> = { [K in Keys]: ResolverImplementation<K> };
