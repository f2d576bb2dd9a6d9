/**
 * Use cases of the TeamCity page: list, add (authenticate first, then store), delete. Also hands an
 * authenticated TeamCity client to other use cases (running builds), keeping "Last authenticated" current.
 */
import { readRuntimeConfig, type RuntimeConfig } from '../config/runtime-config';
import type { AddTokenRequest, AddTokenResponse, DeleteTokenResponse, ListTokensResponse } from '../shared/schemas';
import { fail, ok, type Result } from '../shared/result';
import { createTeamCityClient, type FetchLike, type TeamCityClient } from '../teamcity/teamcity-client';
import { validateAccessToken } from '../validation/access-token';
import { normalizeServerUrl } from '../validation/server-url';
import { tokenStore as defaultStore, type StoredToken, type TokenStore } from '../stores/token-store';
import { attachTokenFormField } from './error-fields';
import { tokenIdForServer } from './token-id';
import { toTokenView } from './token-view';
import { guardStorage } from './guard-storage';

export type TokenServiceDeps = {
  fetch: FetchLike;
  store?: TokenStore;
  now?: () => Date;
  config?: () => RuntimeConfig;
};

export type AuthenticatedClient = { client: TeamCityClient; token: StoredToken };

export const createTokenService = ({ fetch, store = defaultStore, now = () => new Date(), config = readRuntimeConfig }: TokenServiceDeps) => {
  const clientFor = (serverUrl: string, token: string) =>
    createTeamCityClient({ serverUrl, token, fetch, timeoutMs: config().teamcityTimeoutMs });

  return {
    list: (accountId: string): Promise<Result<ListTokensResponse>> =>
      guardStorage(async () => ok({ tokens: (await store.list(accountId)).map(toTokenView) })),

    async add(accountId: string, request: AddTokenRequest): Promise<Result<AddTokenResponse>> {
      const serverUrl = normalizeServerUrl(request.serverUrl, config());
      if (!serverUrl.ok) return serverUrl;
      const token = validateAccessToken(request.token);
      if (!token.ok) return token;

      // Version first: on a server older than 2019.1 a token can never work, and saying so beats "401".
      const client = clientFor(serverUrl.data, token.data);
      const server = await client.getServerInfo();
      if (!server.ok) return { ok: false, error: attachTokenFormField(server.error) };
      const user = await client.getCurrentUser();
      if (!user.ok) return { ok: false, error: attachTokenFormField(user.error) };

      return guardStorage(async () => {
        const id = tokenIdForServer(serverUrl.data);
        const previous = await store.get(accountId, id);
        const at = now().toISOString();
        const saved = await store.save(
          accountId,
          {
            id,
            serverUrl: serverUrl.data,
            teamcityUsername: user.data.username,
            teamcityUserDisplayName: user.data.name || user.data.username,
            serverVersion: server.data.version,
            createdAt: at,
          },
          token.data,
          at,
          previous,
        );
        return ok({ token: toTokenView(saved), replaced: previous !== undefined });
      });
    },

    delete: (accountId: string, tokenId: string): Promise<Result<DeleteTokenResponse>> =>
      guardStorage(async () => {
        const existing = await store.get(accountId, tokenId);
        // Runs even when the metadata is gone, to finish a delete that failed halfway.
        await store.delete(accountId, tokenId);
        if (!existing) return fail('token_not_found', 'This access token was already removed. Refresh the page to see your tokens.');
        return ok({ deleted: true as const });
      }),

    /** A client for one of the user's tokens; call `recordSuccess` after TeamCity accepted it. */
    async clientForToken(accountId: string, tokenId: string): Promise<Result<AuthenticatedClient & { recordSuccess: () => Promise<void> }>> {
      return guardStorage(async () => {
        const token = await store.get(accountId, tokenId);
        const secret = token && (await store.readSecret(accountId, token));
        if (!token || !secret) {
          return fail('token_not_found', 'You have no access token for this TeamCity server any more. Add one in your personal settings under TeamCity.');
        }
        return ok({
          client: clientFor(token.serverUrl, secret),
          token,
          recordSuccess: () => store.touchLastAuthenticated(accountId, tokenId, now().toISOString()).catch(() => undefined),
        });
      });
    },
  };
};

export type TokenService = ReturnType<typeof createTokenService>;
