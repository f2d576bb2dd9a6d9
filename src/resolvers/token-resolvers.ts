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
  [F.addToken]: defineEndpoint(F.addToken, addTokenRequestSchema, (input, { accountId }) => tokens.add(accountId, input)),
  [F.replaceToken]: defineEndpoint(F.replaceToken, replaceTokenRequestSchema, (input, { accountId }) => tokens.replace(accountId, input)),
  [F.checkTokens]: defineEndpoint(F.checkTokens, checkTokensRequestSchema, (input, { accountId }) => tokens.check(accountId, input.ids)),
  [F.deleteToken]: defineEndpoint(F.deleteToken, deleteTokenRequestSchema, (input, { accountId }) => tokens.delete(accountId, input.id)),
});
