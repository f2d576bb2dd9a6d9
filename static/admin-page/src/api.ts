/** The workspace settings page's calls to the backend: the workspace policy resolvers, and nothing else. */
import { createApi } from '../../shared/create-api';
import { ADMIN_RESOLVER_FUNCTIONS } from '../../shared/resolver-functions';

export const api = createApi(ADMIN_RESOLVER_FUNCTIONS);
