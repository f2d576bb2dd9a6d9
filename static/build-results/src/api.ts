/** The build results panel's and cards' calls to the backend: its own resolvers, and cancelling a build. */
import { createApi } from '../../shared/create-api';
import { BUILD_RESOLVER_FUNCTIONS, BUILD_RESULTS_RESOLVER_FUNCTIONS } from '../../../src/shared/resolver-functions';

export const api = createApi({
  ...BUILD_RESULTS_RESOLVER_FUNCTIONS,
  cancelBuild: BUILD_RESOLVER_FUNCTIONS.cancelBuild,
  approveBuild: BUILD_RESOLVER_FUNCTIONS.approveBuild,
});
