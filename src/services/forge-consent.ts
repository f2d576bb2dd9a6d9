/**
 * A Bitbucket call made as the user fails with @forge/api's NeedsAuthenticationError until the user has let
 * the app act for them: @forge/api throws it when the platform answers with the header
 * `forge-proxy-error: NEEDS_AUTHENTICATION_ERR` (node_modules/@forge/api/out/api/fetch.js,
 * handleProxyResponseErrors). Forge shows its consent prompt only if that error leaves the resolver uncaught
 * ("If this error isn't caught, the user is prompted to grant access to the app",
 * https://developer.atlassian.com/platform/forge/apis-reference/fetch-api-product.requestbitbucket/), so every
 * catch on that path rethrows it.
 */
/** The error's `name` (node_modules/@forge/api/out/api/errors.js); @forge/api does not export the constant itself. */
const NEEDS_AUTHENTICATION_ERR = 'NEEDS_AUTHENTICATION_ERR';

/** By name rather than instanceof: a second copy of @forge/api (another package's dependency) has its own class. */
export const needsUserConsent = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { name?: unknown }).name === NEEDS_AUTHENTICATION_ERR;
