/** What an endpoint answers before it becomes an HTTP response: a status and an optional JSON body. */
export type KvsReply = { status: number; body?: unknown };
export type KvsEndpoint = (body: unknown) => KvsReply;

export const json = (body: unknown): KvsReply => ({ status: 200, body });
export const noContent = (): KvsReply => ({ status: 204 });
