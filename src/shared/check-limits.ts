/**
 * How many tokens one `checkTokens` call may cover: what one storage page lists (20). Kept free of zod so the
 * Custom UI can import it without pulling in the schemas.
 */
export const MAX_TOKENS_PER_CHECK = 20;
