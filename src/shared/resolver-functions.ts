/**
 * Resolver function keys, shared so a typo is a compile error on both sides. Kept free of zod so Custom UI
 * bundles can import it without pulling in the schemas.
 */
export const RESOLVER_FUNCTIONS = {
  listTokens: 'listTokens',
  addToken: 'addToken',
  deleteToken: 'deleteToken',
  replaceToken: 'replaceToken',
  checkTokens: 'checkTokens',
} as const;

/** The workspace settings page; every one of these checks that the caller is a workspace admin. */
export const ADMIN_RESOLVER_FUNCTIONS = {
  getWorkspacePolicy: 'getWorkspacePolicy',
  saveWorkspacePolicy: 'saveWorkspacePolicy',
} as const;

export const BUILD_RESOLVER_FUNCTIONS = {
  getBuildSetup: 'getBuildSetup',
  findBuildConfigurations: 'findBuildConfigurations',
  triggerBuild: 'triggerBuild',
  getBuild: 'getBuild',
  cancelBuild: 'cancelBuild',
  listRecentBuilds: 'listRecentBuilds',
  getRunParameters: 'getRunParameters',
  listRecentCommits: 'listRecentCommits',
  approveBuild: 'approveBuild',
} as const;

/** The pull request panel and card and the repository card (one Custom UI app, static/build-results). */
export const BUILD_RESULTS_RESOLVER_FUNCTIONS = {
  getBuildResults: 'getBuildResults',
  pollBuildResults: 'pollBuildResults',
  getBuildFailureDetails: 'getBuildFailureDetails',
  rerunBuild: 'rerunBuild',
} as const;

type ValueOf<T> = T[keyof T];
export type TokenResolverKey = ValueOf<typeof RESOLVER_FUNCTIONS>;
export type AdminResolverKey = ValueOf<typeof ADMIN_RESOLVER_FUNCTIONS>;
export type BuildResolverKey = ValueOf<typeof BUILD_RESOLVER_FUNCTIONS>;
export type BuildResultsResolverKey = ValueOf<typeof BUILD_RESULTS_RESOLVER_FUNCTIONS>;
