/**
 * Runs TeamCity work with one of the user's tokens, the same way for every use case: the token's client, its
 * "Last authenticated" refreshed when TeamCity accepted it, and a rejected token reported in one wording.
 */
import type { Result } from '../shared/result';
import type { StoredToken } from '../stores/token-store';
import type { TeamCityClient } from '../teamcity/teamcity-client';
import { tokenRejected } from './build-errors';
import type { TokenService } from './token-service';

export type TokenWork<T> = (client: TeamCityClient, token: StoredToken) => Promise<{ result: Result<T>; authenticated: boolean }>;

export const createWithToken =
  (tokens: TokenService) =>
  async <T>(accountId: string, tokenId: string, work: TokenWork<T>, options: { forRunning?: boolean } = {}): Promise<Result<T>> => {
    const access = await tokens.clientForToken(accountId, tokenId, options);
    if (!access.ok) return access;
    const { client, token, recordSuccess } = access.data;
    const { result, authenticated } = await work(client, token);
    if (authenticated) await recordSuccess();
    if (!result.ok && result.error.code === 'unauthorized') return { ok: false, error: tokenRejected(result.error, token.serverUrl) };
    return result;
  };
