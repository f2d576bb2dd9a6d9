/**
 * Runs TeamCity work with one of the user's tokens, the same way for every use case: the token's client (its
 * timeouts bounded by the invocation's deadline), "Last authenticated" refreshed when TeamCity accepted it, a
 * rejected token reported in one wording, and no request sent that could only time out.
 */
import { publicError, type Result } from '../shared/result';
import type { StoredToken } from '../stores/token-store';
import type { TeamCityClient } from '../teamcity/teamcity-client';
import { tokenRejected } from './build-errors';
import type { Caller } from './caller';
import { outOfTime } from './deadline-errors';
import type { TokenService } from './token-service';

export type TokenWork<T> = (client: TeamCityClient, token: StoredToken) => Promise<{ result: Result<T>; authenticated: boolean }>;

export const createWithToken =
  (tokens: TokenService) =>
  async <T>(
    { accountId, deadline }: Pick<Caller, 'accountId' | 'deadline'>,
    tokenId: string,
    work: TokenWork<T>,
    options: { forRunning?: boolean } = {},
  ): Promise<Result<T>> => {
    const access = await tokens.clientForToken(accountId, tokenId, { ...options, deadline });
    if (!access.ok) return access;
    const { client, token, recordSuccess } = access.data;
    // A request that can only time out is not worth sending (a build trigger least of all).
    if (!deadline.allowsTeamCityRequest()) return outOfTime(token.serverUrl);
    const { result, authenticated } = await work(client, token);
    if (authenticated) await recordSuccess();
    if (!result.ok && result.error.code === 'unauthorized') return { ok: false, error: tokenRejected(result.error, token.serverUrl) };
    return result.ok ? result : { ok: false, error: publicError(result.error) };
  };
