/**
 * Resolver keys for running builds, for the browser. Typed against the backend's object (as
 * resolver-functions.ts is) so the bundle stays free of zod while a misspelt key is a compile error.
 */
import type { BUILD_RESOLVER_FUNCTIONS as BACKEND_BUILD_RESOLVER_FUNCTIONS } from '../../src/shared/schemas';

export const BUILD_RESOLVER_FUNCTIONS: typeof BACKEND_BUILD_RESOLVER_FUNCTIONS = {
  getBuildSetup: 'getBuildSetup',
  findBuildConfigurations: 'findBuildConfigurations',
  triggerBuild: 'triggerBuild',
  getBuild: 'getBuild',
  cancelBuild: 'cancelBuild',
  listRecentBuilds: 'listRecentBuilds',
};
