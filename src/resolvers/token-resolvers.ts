import {
  addTokenRequestSchema,
  checkTokensRequestSchema,
  deleteTokenRequestSchema,
  listTokensRequestSchema,
  replaceTokenRequestSchema,
  RESOLVER_FUNCTIONS as F,
} from '../shared/schemas';
import type { TokenService } from '../services/token-service';
import type { ResolverImplementations } from '../shared/resolver-contract';
import type { TokenResolverKey } from '../shared/resolver-functions';
import { defineEndpoint } from './define-endpoint';

export const tokenResolvers = (tokens: TokenService): ResolverImplementations<TokenResolverKey> => ({
  [F.listTokens]: defineEndpoint(F.listTokens, listTokensRequestSchema, (_input, { accountId }) => tokens.list(accountId)),
  [F.addToken]: defineEndpoint(F.addToken, addTokenRequestSchema, (input, { accountId, deadline }) =>
    tokens.add(accountId, input, deadline),
  ),
  [F.replaceToken]: defineEndpoint(F.replaceToken, replaceTokenRequestSchema, (input, { accountId, deadline }) =>
    tokens.replace(accountId, input, deadline),
  ),
  [F.checkTokens]: defineEndpoint(F.checkTokens, checkTokensRequestSchema, (input, { accountId, deadline }) =>
    tokens.check(accountId, input.ids, deadline),
  ),
  [F.deleteToken]: defineEndpoint(F.deleteToken, deleteTokenRequestSchema, (input, { accountId }) => tokens.delete(accountId, input.id)),
});
