import { addTokenRequestSchema, deleteTokenRequestSchema, listTokensRequestSchema, RESOLVER_FUNCTIONS } from '../shared/schemas';
import type { TokenService } from '../services/token-service';
import { defineEndpoint } from './define-endpoint';

export const tokenResolvers = (tokens: TokenService) => ({
  [RESOLVER_FUNCTIONS.listTokens]: defineEndpoint(RESOLVER_FUNCTIONS.listTokens, listTokensRequestSchema, (_input, { accountId }) =>
    tokens.list(accountId),
  ),
  [RESOLVER_FUNCTIONS.addToken]: defineEndpoint(RESOLVER_FUNCTIONS.addToken, addTokenRequestSchema, (input, { accountId }) =>
    tokens.add(accountId, input),
  ),
  [RESOLVER_FUNCTIONS.deleteToken]: defineEndpoint(RESOLVER_FUNCTIONS.deleteToken, deleteTokenRequestSchema, (input, { accountId }) =>
    tokens.delete(accountId, input.id),
  ),
});
