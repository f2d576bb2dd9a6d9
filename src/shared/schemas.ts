/**
 * The one schema module for everything that crosses the bridge. The UI and the resolvers import the same
 * schemas, so a payload the UI can build is a payload the resolver accepts, and nothing else is.
 */
import { z } from 'zod';

/** Generous for any real URL, far below what would let a payload balloon storage or logs. */
export const MAX_SERVER_URL_LENGTH = 2048;
/** TeamCity tokens are a few hundred characters; anything this long is a paste accident. */
export const MAX_TOKEN_LENGTH = 4096;

export const tokenIdSchema = z
  .string({ error: 'Token id must be a string.' })
  .regex(/^[a-f0-9]{32}$/, 'Token id is not valid.');

export const listTokensRequestSchema = z.object({}).strict();

export const addTokenRequestSchema = z
  .object({
    serverUrl: z
      .string({ error: 'Enter the address of your TeamCity server.' })
      .max(MAX_SERVER_URL_LENGTH, `The server address is too long (at most ${MAX_SERVER_URL_LENGTH} characters).`),
    token: z
      .string({ error: 'Paste the access token you created in TeamCity.' })
      .max(MAX_TOKEN_LENGTH, `This is too long for a TeamCity access token (at most ${MAX_TOKEN_LENGTH} characters).`),
  })
  .strict();

export const deleteTokenRequestSchema = z.object({ id: tokenIdSchema }).strict();

/** What the browser may know about a stored token: everything but the token itself. */
export const tokenViewSchema = z.object({
  id: tokenIdSchema,
  serverUrl: z.string(),
  teamcityUsername: z.string(),
  teamcityUserDisplayName: z.string(),
  serverVersion: z.string(),
  createdAt: z.string(),
  lastAuthenticatedAt: z.string().nullable(),
});

export type ListTokensRequest = z.infer<typeof listTokensRequestSchema>;
export type AddTokenRequest = z.infer<typeof addTokenRequestSchema>;
export type DeleteTokenRequest = z.infer<typeof deleteTokenRequestSchema>;
export type TokenView = z.infer<typeof tokenViewSchema>;

export type ListTokensResponse = { tokens: TokenView[] };
export type AddTokenResponse = { token: TokenView; replaced: boolean };
export type DeleteTokenResponse = { deleted: true };

/** Resolver function keys, shared so a typo is a compile error on both sides. */
export const RESOLVER_FUNCTIONS = {
  listTokens: 'listTokens',
  addToken: 'addToken',
  deleteToken: 'deleteToken',
} as const;
