/**
 * Use cases of the TeamCity page: list, add (authenticate first, then store), replace, check, delete. Also hands
 * an authenticated TeamCity client to other use cases (running builds), keeping "Last authenticated" current.
 * The workspace policy is enforced here: a new token for a server outside the allowlist is never sent to it,
 * and checks and runs (`forRunning`) skip such servers; following or cancelling a build already started does not.
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
import { normalizeServerUrl } from '../shared/server-url';
import { policyStore as defaultPolicies, type PolicyStore } from '../stores/policy-store';
import { serverUsersStore as defaultServerUsers, type ServerUsersStore } from '../stores/server-users-store';
import { tokenStore as defaultStore, type StoredToken, type TokenStore } from '../stores/token-store';
import { startDeadline, type Deadline } from './deadline';
import { outOfTime, tooLateToSave } from './deadline-errors';
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

const LAST_AUTHENTICATED_PRECISION_MS = 60_000;

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
  /** TeamCity gets what is left of the invocation, and no more than the configured timeout. */
  const clientFor = (serverUrl: string, token: string, deadline: Deadline) =>
    createTeamCityClient({
      serverUrl,
      token,
      fetch: deadline.bindFetch(fetch),
      timeoutMs: deadline.teamcityTimeoutMs(config().teamcityTimeoutMs),
    });

  /** For calls that come without one (not through a resolver): the whole invocation limit. */
  const freshDeadline = () => startDeadline({ limitMs: config().invocationLimitMs });

  /**
   * Authenticates `secret` at `serverUrl` (canonical, allowed by the policy) and stores it in place of
   * `previous`, the token this user already has for that server, if any.
   */
  async function authenticateAndSave(
    accountId: string,
    serverUrl: string,
    secret: string,
    previous: StoredToken | undefined,
    deadline: Deadline,
  ): Promise<Result<{ token: TokenView; replaced: boolean }>> {
    if (!deadline.allowsTeamCityRequest()) return outOfTime(serverUrl);
    // The three reads go out together (one round trip of waiting). Their answers are judged in order: the
    // version first, since on a server older than 2019.1 a token can never work and saying so beats "401".
    const client = clientFor(serverUrl, secret, deadline);
    const [server, user, listed] = await Promise.all([client.getServerInfo(), client.getCurrentUser(), client.listOwnTokens()]);
    if (!server.ok) return server;
    if (!user.ok) return user;
    // Saving is several storage writes; one that Forge cuts off half-way would leave the token half stored.
    if (!deadline.allowsStorageWrite()) return tooLateToSave(serverUrl);
    const at = now().toISOString();
    // The token list only gives the expiry: the token already proved itself, so its failure leaves it unknown.
    const own = listed.ok ? findOwnToken(listed.data, undefined, at) : undefined;

    return guardStorage(async () => {
      const id = tokenIdForServer(serverUrl);
      const saved = await store.save(
        accountId,
        {
          id,
          serverUrl,
          teamcityUsername: user.data.username,
          teamcityUserDisplayName: user.data.name || user.data.username,
          serverVersion: server.data.version,
          createdAt: at,
          ...(own !== undefined && { teamcityTokenName: own.name }),
        },
        secret,
        at,
        previous,
        { status: 'connected', checkedAt: at, expiresAt: own?.expiresAt ?? null },
      );
      // The index only feeds the admin's counts; the token is saved either way.
      await serverUsers.add(id, serverUrl, accountId).catch(() => undefined);
      return ok({ token: toTokenView(saved), replaced: previous !== undefined });
    });
  }

  /** The policy check every new secret passes before TeamCity hears of it. */
  const checkAllowed = async (serverUrl: string): Promise<Result<true>> => {
    const policy = await guardStorage(async () => ok(await policies.get()));
    if (!policy.ok) return policy;
    return isServerAllowed(policy.data, serverUrl) ? ok(true) : addNotAllowed(serverUrl, policy.data);
  };

  async function add(accountId: string, request: AddTokenRequest, deadline = freshDeadline()): Promise<Result<AddTokenResponse>> {
    const serverUrl = normalizeServerUrl(request.serverUrl, config());
    if (!serverUrl.ok) return serverUrl;
    const token = validateAccessToken(request.token);
    if (!token.ok) return token;
    const allowed = await checkAllowed(serverUrl.data);
    if (!allowed.ok) return allowed;
    const previous = await guardStorage(async () => ok(await store.get(accountId, tokenIdForServer(serverUrl.data))));
    if (!previous.ok) return previous;
    const saved = await authenticateAndSave(accountId, serverUrl.data, token.data, previous.data, deadline);
    return saved.ok ? saved : { ok: false, error: attachTokenFormField(saved.error) };
  }

  /**
   * "Last authenticated" after TeamCity accepted the token. Following a build polls every few seconds; the
   * column shows minutes, so a write per minute keeps it true without a storage write per poll.
   */
  const recordSuccess = async (accountId: string, token: StoredToken): Promise<void> => {
    const at = now();
    if (token.lastAuthenticatedAt !== null && at.getTime() - Date.parse(token.lastAuthenticatedAt) < LAST_AUTHENTICATED_PRECISION_MS)
      return;
    await store.updateStatus(accountId, token, { lastAuthenticatedAt: at.toISOString() }).catch(() => undefined);
  };

  /**
   * Re-authenticates one token and records the outcome; a server the policy no longer allows is left alone.
   * `checked: false` when the invocation's time ran out first: the token is shown as stored, and nothing is
   * written, since a check cut short says nothing about the token.
   */
  async function checkOne(
    accountId: string,
    tokenId: string,
    allowed: (serverUrl: string) => boolean,
    deadline: Deadline,
  ): Promise<{ view: TokenView; checked: boolean } | undefined> {
    const token = await store.get(accountId, tokenId);
    const secret = token && (await store.readSecret(accountId, token));
    if (!token || !secret) return undefined;
    if (!allowed(token.serverUrl)) return { view: toTokenView(token), checked: true };
    if (!deadline.allowsTeamCityRequest()) return { view: toTokenView(token), checked: false };
    const at = now();
    const { health, failure } = await checkTokenHealth(
      clientFor(token.serverUrl, secret, deadline),
      {
        expiresAt: token.health?.expiresAt ?? null,
        addedAt: token.createdAt,
        ...(token.teamcityTokenName !== undefined && { tokenName: token.teamcityTokenName }),
      },
      at,
    );
    // A timeout when TeamCity's share of the invocation is used up is the deadline's doing, not the server's.
    if (failure === 'timeout' && !deadline.allowsTeamCityRequest()) return { view: toTokenView(token), checked: false };
    const change = health.status === 'connected' ? { health, lastAuthenticatedAt: health.checkedAt } : { health };
    // The answer is shown even when writing it down fails (or there is no time left to); the next check writes it again.
    if (deadline.allowsStorageWrite()) await store.updateStatus(accountId, token, change).catch(() => undefined);
    return { view: toTokenView({ ...token, ...change }), checked: true };
  }

  return {
    list: (accountId: string): Promise<Result<ListTokensResponse>> =>
      guardStorage(async () => {
        const [tokens, { allowedServers, defaultServerUrl }] = await Promise.all([store.list(accountId), policies.get()]);
        return ok({ tokens: tokens.map(toTokenView), policy: { allowedServers, defaultServerUrl } });
      }),

    add,

    /** A new token for the server of a stored one; the stored one stays until the new one has authenticated. */
    async replace(accountId: string, request: ReplaceTokenRequest, deadline = freshDeadline()): Promise<Result<ReplaceTokenResponse>> {
      const token = validateAccessToken(request.token);
      if (!token.ok) return token;
      const existing = await guardStorage(async () => ok(await store.get(accountId, request.id)));
      if (!existing.ok) return existing;
      if (!existing.data)
        return fail('token_not_found', 'This access token was removed in the meantime. Refresh the page and add it again.');
      const allowed = await checkAllowed(existing.data.serverUrl);
      if (!allowed.ok) return allowed;
      const saved = await authenticateAndSave(accountId, existing.data.serverUrl, token.data, existing.data, deadline);
      return saved.ok ? ok({ token: saved.data.token }) : { ok: false, error: attachTokenFormField(saved.error, false) };
    },

    /** Checks what fits in the invocation; the rest come back unchanged and named in `notChecked`. */
    check: (accountId: string, ids: string[], deadline = freshDeadline()): Promise<Result<CheckTokensResponse>> =>
      guardStorage(async () => {
        const policy = await policies.get();
        const results = await mapBounded(ids, CHECK_CONCURRENCY, (id) =>
          checkOne(accountId, id, (url) => isServerAllowed(policy, url), deadline),
        );
        return ok({
          tokens: results.filter((r) => r !== undefined).map((r) => r.view),
          missing: ids.filter((_, i) => results[i] === undefined),
          notChecked: ids.filter((_, i) => results[i]?.checked === false),
        });
      }),

    delete: (accountId: string, tokenId: string): Promise<Result<DeleteTokenResponse>> =>
      guardStorage(async () => {
        const existing = await store.get(accountId, tokenId);
        // Runs even when the metadata is gone, to finish a delete that failed halfway.
        await store.delete(accountId, tokenId);
        // The index only feeds the admin's counts; the token is gone either way.
        await serverUsers.remove(tokenId, accountId).catch(() => undefined);
        if (!existing) return fail('token_not_found', 'This access token was already removed. Refresh the page to see your tokens.');
        return ok({ deleted: true as const });
      }, "Bitbucket couldn't finish deleting this token. Delete it again to complete it."),

    /**
     * A client for one of the user's tokens; call `recordSuccess` after TeamCity accepted it. `forRunning` also
     * applies the workspace policy: builds run only on allowed servers.
     */
    async clientForToken(
      accountId: string,
      tokenId: string,
      options: { forRunning?: boolean; deadline?: Deadline } = {},
    ): Promise<Result<AuthenticatedClient & { recordSuccess: () => Promise<void> }>> {
      const deadline = options.deadline ?? freshDeadline();
      return guardStorage(async () => {
        const [token, policy] = await Promise.all([store.get(accountId, tokenId), options.forRunning ? policies.get() : undefined]);
        const secret = token && (await store.readSecret(accountId, token));
        if (!token || !secret) return fail('token_not_found', TOKEN_GONE);
        if (policy && !isServerAllowed(policy, token.serverUrl)) return runNotAllowed(token.serverUrl, policy);
        return ok({
          client: clientFor(token.serverUrl, secret, deadline),
          token,
          // "Last authenticated" is a nicety: never worth a write that Forge might cut off.
          recordSuccess: async () => {
            if (deadline.allowsStorageWrite()) await recordSuccess(accountId, token);
          },
        });
      });
    },
  };
};

export type TokenService = ReturnType<typeof createTokenService>;
