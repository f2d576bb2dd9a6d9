/**
 * Asks TeamCity whether a token still works, in one request when possible: the user's token list proves the
 * token authenticates and says when it expires. TeamCity lists tokens by name only, so which one is ours is
 * decided when it is added (the newest one created by then: people create the token and paste it right away)
 * and its name is stored with it.
 */
import type { ErrorCode } from '../shared/error-codes';
import type { AppError } from '../shared/result';
import type { TokenHealthStatus } from '../shared/schemas';
import type { StoredHealth } from '../stores/token-store';
import type { TeamCityAccessToken, TeamCityClient } from '../teamcity/teamcity-client';

/** `failure` is the code of a failed check, so the caller can tell "TeamCity did not answer" from its own cut-off. */
export type HealthCheck = { health: StoredHealth; failure?: ErrorCode };

/** 401 = expired or revoked, 403 = refused; anything else means TeamCity gave no usable answer. */
export const healthStatusFor = (code: ErrorCode): TokenHealthStatus =>
  code === 'unauthorized' ? 'unauthorized' : code === 'forbidden' ? 'forbidden' : 'unreachable';

/** A token created on another machine a little "after" our clock still counts as created before adding it. */
const CLOCK_SKEW_MS = 5 * 60_000;

export function findOwnToken(
  tokens: TeamCityAccessToken[],
  knownName: string | undefined,
  addedAt: string,
): TeamCityAccessToken | undefined {
  if (knownName !== undefined) return tokens.find((t) => t.name === knownName);
  const latest = Date.parse(addedAt) + CLOCK_SKEW_MS;
  return tokens
    .filter((t) => t.createdAt !== undefined && Date.parse(t.createdAt) <= latest)
    .sort((a, b) => Date.parse(b.createdAt!) - Date.parse(a.createdAt!))[0];
}

const failed = (error: AppError, checkedAt: string, expiresAt: string | null): HealthCheck => ({
  health: { status: healthStatusFor(error.code), checkedAt, expiresAt, message: error.message },
  failure: error.code,
});

/**
 * `known` is what is stored about the token: its TeamCity name and expiry (kept through a check that cannot see
 * them) and when it was added (which bounds when it was created in TeamCity).
 */
export type KnownToken = { tokenName?: string; expiresAt: string | null; addedAt: string };

export async function checkTokenHealth(client: TeamCityClient, known: KnownToken, now: Date): Promise<HealthCheck> {
  const checkedAt = now.toISOString();
  const listed = await client.listOwnTokens();
  if (listed.ok) {
    const own = findOwnToken(listed.data, known.tokenName, known.addedAt);
    // Not finding our token in the list (renamed, or never identified) says nothing new about its expiry.
    return { health: { status: 'connected', checkedAt, expiresAt: own ? (own.expiresAt ?? null) : known.expiresAt } };
  }
  // A token limited to some permissions, or a proxy, may refuse the token list although the token works:
  // who the user is settles whether it authenticates (the second and last request).
  if (listed.error.code === 'forbidden' || listed.error.code === 'not_found') {
    const user = await client.getCurrentUser();
    if (user.ok) return { health: { status: 'connected', checkedAt, expiresAt: known.expiresAt } };
    return failed(user.error, checkedAt, known.expiresAt);
  }
  return failed(listed.error, checkedAt, known.expiresAt);
}
