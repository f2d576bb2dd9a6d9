/**
 * How many tokens one `checkTokens` call may cover, bounding the TeamCity requests and the time one resolver
 * invocation can take. Kept free of zod so the Custom UI can import it without pulling in the schemas.
 */
export const MAX_TOKENS_PER_CHECK = 20;
