/** The personal settings page's calls to the backend: the token resolvers, and nothing else. */
import { createApi } from '../../shared/create-api';
import { RESOLVER_FUNCTIONS } from '../../shared/resolver-functions';

export const api = createApi(RESOLVER_FUNCTIONS);
