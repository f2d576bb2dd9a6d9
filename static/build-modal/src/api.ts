/** The "Run TeamCity build" modal's calls to the backend: the build resolvers, and nothing else. */
import { createApi } from '../../shared/create-api';
import { BUILD_RESOLVER_FUNCTIONS } from '../../shared/resolver-functions';

export const api = createApi(BUILD_RESOLVER_FUNCTIONS);
