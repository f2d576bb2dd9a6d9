/**
 * Use cases of the TeamCity page: list, add (authenticate first, then store), replace, check, delete. Also hands
 * an authenticated TeamCity client to other use cases (running builds), keeping "Last authenticated" current.
 * The workspace policy is enforced here: a server outside the allowlist never receives a request.
 */
import { readRuntimeConfig, type RuntimeConfig } from '../config/runtime-config';
import type {
  AddTokenRequest,
  AddTokenResponse,
  CheckTokensResponse,
  DeleteTokenResponse,
  ListTokensResponse,
  ReplaceTokenRequest,
  ReplaceTokenResponse,
  TokenView,
} from '../shared/schemas';
import { fail, ok, type Result } from '../shared/result';
import { isServerAllowed } from '../shared/server-policy';
import { createTeamCityClient, type FetchLike, type TeamCityClient } from '../teamcity/teamcity-client';
import { validateAccessToken } from '../validation/access-token';
import { normalizeServerUrl } from '../validation/server-url';
import { policyStore as defaultPolicies, type PolicyStore } from '../stores/policy-store';
import { serverUsersStore as defaultServerUsers, type ServerUsersStore } from '../stores/server-users-store';
import { tokenStore as defaultStore, type StoredToken, type TokenStore } from '../stores/token-store';
import { attachTokenFormField } from './error-fields';
import { guardStorage } from './guard-storage';
import { mapBounded } from './map-bounded';
import { addNotAllowed, runNotAllowed } from './policy-errors';
import { checkTokenHealth, findOwnToken } from './token-health';
import { tokenIdForServer } from './token-id';
import { toTokenView } from './token-view';

export type TokenServiceDeps = {
  fetch: FetchLike;
  store?: TokenStore;
  policies?: PolicyStore;
  serverUsers?: ServerUsersStore;
  now?: () => Date;
  config?: () => RuntimeConfig;
};

export type AuthenticatedClient = { client: TeamCityClient; token: StoredToken };

/** Checks on page open run in parallel, but a user with many tokens must not open that many connections at once. */
const CHECK_CONCURRENCY = 4;

const TOKEN_GONE = 'You have no access token for this TeamCity server any more. Add one in your personal settings under TeamCity.';

export const createTokenService = ({
  fetch,
  store = defaultStore,
  policies = defaultPolicies,
  serverUsers = defaultServerUsers,
  now = () => new Date(),
  config = readRuntimeConfig,
}: TokenServiceDeps) => {
  const clientFor = (serverUrl: string, token: string) =>
    createTeamCityClient({ serverUrl, token, fetch, timeoutMs: config().teamcityTimeoutMs });

  async function add(accountId: string, request: AddTokenRequest): Promise<Result<AddTokenResponse>> {
    const serverUrl = normalizeServerUrl(request.serverUrl, config());
    if (!serverUrl.ok) return serverUrl;
    const token = validateAccessToken(request.token);
    if (!token.ok) return token;
    const policy = await guardStorage(async () => ok(await policies.get()));
    if (!policy.ok) return policy;
    if (!isServerAllowed(policy.data, serverUrl.data)) return addNotAllowed(serverUrl.data, policy.data);

    // The three reads go out together (one round trip of waiting). Their answers are judged in order: the
    // version first, since on a server older than 2019.1 a token can never work and saying so beats "401".
    const client = clientFor(serverUrl.data, token.data);
    const [server, user, listed] = await Promise.all([client.getServerInfo(), client.getCurrentUser(), client.listOwnTokens()]);
    if (!server.ok) return { ok: false, error: attachTokenFormField(server.error) };
    if (!user.ok) return { ok: false, error: attachTokenFormField(user.error) };
    const at = now().toISOString();
    // The token list only gives the expiry: the token already proved itself, so its failure leaves it unknown.
    const own = listed.ok ? findOwnToken(listed.data, undefined, at) : undefined;

    return guardStorage(async () => {
      const id = tokenIdForServer(serverUrl.data);
      const previous = await store.get(accountId, id);
      const saved = await store.save(
        accountId,
        {
          id,
          serverUrl: serverUrl.data,
          teamcityUsername: user.data.username,
          teamcityUserDisplayName: user.data.name || user.data.username,
          serverVersion: server.data.version,
          createdAt: at,
          ...(own !== undefined && { teamcityTokenName: own.name }),
        },
        token.data,
        at,
        previous,
        { status: 'connected', checkedAt: at, expiresAt: own?.expiresAt ?? null },
      );
      // The index only feeds the admin's counts; the token is saved either way.
      await serverUsers.add(id, serverUrl.data, accountId).catch(() => undefined);
      return ok({ token: toTokenView(saved), replaced: previous !== undefined });
    });
  }

  /** Re-authenticates one token and records the outcome; a server the policy no longer allows is left alone. */
  async function checkOne(accountId: string, tokenId: string, allowed: (serverUrl: string) => boolean): Promise<TokenView | undefined> {
    const token = await store.get(accountId, tokenId);
    const secret = token && (await store.readSecret(accountId, token));
    if (!token || !secret) return undefined;
    if (!allowed(token.serverUrl)) return toTokenView(token);
    const at = now();
    const { health } = await checkTokenHealth(
      clientFor(token.serverUrl, secret),
      { expiresAt: token.health?.expiresAt ?? null, addedAt: token.createdAt, ...(token.teamcityTokenName !== undefined && { tokenName: token.teamcityTokenName }) },
      at,
    );
    const change = health.status === 'connected' ? { health, lastAuthenticatedAt: health.checkedAt } : { health };
    // The answer is shown even when writing it down fails; the next check writes it again.
    await store.updateStatus(accountId, tokenId, change).catch(() => undefined);
    return toTokenView({ ...token, ...change });
  }

  return {
    list: (accountId: string): Promise<Result<ListTokensResponse>> =>
      guardStorage(async () => {
        const [tokens, { allowedServers, defaultServerUrl }] = await Promise.all([store.list(accountId), policies.get()]);
        return ok({ tokens: tokens.map(toTokenView), policy: { allowedServers, defaultServerUrl } });
      }),

    add,

    /** A new token for the server of a stored one; the stored one stays until the new one has authenticated. */
    async replace(accountId: string, request: ReplaceTokenRequest): Promise<Result<ReplaceTokenResponse>> {
      const existing = await guardStorage(async () => ok(await store.get(accountId, request.id)));
      if (!existing.ok) return existing;
      if (!existing.data) return fail('token_not_found', 'This access token was removed in the meantime. Refresh the page and add it again.');
      const added = await add(accountId, { serverUrl: existing.data.serverUrl, token: request.token });
      if (!added.ok) return added.error.field === 'serverUrl' ? { ok: false, error: { code: added.error.code, message: added.error.message } } : added;
      return ok({ token: added.data.token });
    },

    check: (accountId: string, ids: string[]): Promise<Result<CheckTokensResponse>> =>
      guardStorage(async () => {
        const policy = await policies.get();
        const views = await mapBounded(ids, CHECK_CONCURRENCY, (id) => checkOne(accountId, id, (url) => isServerAllowed(policy, url)));
        return ok({
          tokens: views.filter((v): v is TokenView => v !== undefined),
          missing: ids.filter((_, i) => views[i] === undefined),
        });
      }),

    delete: (accountId: string, tokenId: string): Promise<Result<DeleteTokenResponse>> =>
      guardStorage(async () => {
        const existing = await store.get(accountId, tokenId);
        // Runs even when the metadata is gone, to finish a delete that failed halfway.
        await store.delete(accountId, tokenId);
        await serverUsers.remove(tokenId, accountId);
        if (!existing) return fail('token_not_found', 'This access token was already removed. Refresh the page to see your tokens.');
        return ok({ deleted: true as const });
      }),

    /**
     * A client for one of the user's tokens; call `recordSuccess` after TeamCity accepted it. `forRunning` also
     * applies the workspace policy: builds run only on allowed servers.
     */
    async clientForToken(
      accountId: string,
      tokenId: string,
      options: { forRunning?: boolean } = {},
    ): Promise<Result<AuthenticatedClient & { recordSuccess: () => Promise<void> }>> {
      return guardStorage(async () => {
        const [token, policy] = await Promise.all([store.get(accountId, tokenId), options.forRunning ? policies.get() : undefined]);
        const secret = token && (await store.readSecret(accountId, token));
        if (!token || !secret) return fail('token_not_found', TOKEN_GONE);
        if (policy && !isServerAllowed(policy, token.serverUrl)) return runNotAllowed(token.serverUrl, policy);
        return ok({
          client: clientFor(token.serverUrl, secret),
          token,
          recordSuccess: () => store.updateStatus(accountId, tokenId, { lastAuthenticatedAt: now().toISOString() }).catch(() => undefined),
        });
      });
    },
  };
};

export type TokenService = ReturnType<typeof createTokenService>;
