/**
 * Resolver keys for the browser. `src/shared/schemas.ts` also builds the zod schemas at import time, and
 * importing its value would put all of zod (~450 KB) in every Custom UI bundle. The type below ties this
 * object to the backend's: a missing, extra or misspelt key is a compile error.
 * TODO(lead): move RESOLVER_FUNCTIONS into a zod-free src/shared module and import it here instead.
 */
import type { RESOLVER_FUNCTIONS as BACKEND_RESOLVER_FUNCTIONS } from '../../src/shared/schemas';

export const RESOLVER_FUNCTIONS: typeof BACKEND_RESOLVER_FUNCTIONS = {
  listTokens: 'listTokens',
  addToken: 'addToken',
  deleteToken: 'deleteToken',
};
