/**
 * The KVS service as @forge/kvs sees it: `(path, init) => Response`, plus an operation log and
 * fault injection for tests and benchmarks. The log holds paths and keys, never values.
 */
import { KvsServiceError } from './kvs-service-error';
import { batchEndpoints } from './kvs-batch-endpoints';
import { entityScope, keyEndpoints, plainScope, secretScope } from './kvs-key-endpoints';
import { runQuery } from './kvs-query';
import { json, type KvsEndpoint, type KvsReply } from './kvs-reply';
import type { KvsStore } from './kvs-store';
import { transactionEndpoint } from './kvs-transaction-endpoint';
import { createKvsRateLimiter, unlimited } from './kvs-rate-limits';

export type KvsOperation = { path: string; key?: string };

export interface KvsTransport {
  handle(path: string, init?: RequestInit): Promise<Response>;
  readonly operations: KvsOperation[];
  clearOperations(): void;
  failNext(path: string, times?: number): void;
  clearFaults(): void;
}

function endpointTable(store: KvsStore): Record<string, KvsEndpoint> {
  const plain = keyEndpoints(store, plainScope);
  const secret = keyEndpoints(store, secretScope);
  const entity = keyEndpoints(store, entityScope);
  const batch = batchEndpoints(store);
  return {
    '/api/v1/get': plain.get,
    '/api/v1/set': plain.set,
    '/api/v1/delete': plain.delete,
    '/api/v1/secret/get': secret.get,
    '/api/v1/secret/set': secret.set,
    '/api/v1/secret/delete': secret.delete,
    '/api/v1/entity/get': entity.get,
    '/api/v1/entity/set': entity.set,
    '/api/v1/entity/delete': entity.delete,
    '/api/v1/query': (body) => json(runQuery(store, body)),
    '/api/v1/batch/set': batch.set,
    '/api/v1/batch/get': batch.get,
    '/api/v1/batch/delete': batch.delete,
    '/api/v1/transaction': transactionEndpoint(store),
  };
}

/** `rateLimits: false` only for load tests that measure the app, not Forge's per-installation quota. */
export function createKvsTransport(store: KvsStore, now: () => number = Date.now, rateLimits = true): KvsTransport {
  const endpoints = endpointTable(store);
  const limiter = rateLimits ? createKvsRateLimiter(now) : unlimited;
  const operations: KvsOperation[] = [];
  const faults = new Map<string, number>();

  const reply = (path: string, bodyText: unknown): KvsReply => {
    const pending = faults.get(path) ?? 0;
    if (pending > 0) {
      faults.set(path, pending - 1);
      return errorReply(new KvsServiceError(500, 'INTERNAL_SERVER_ERROR', 'An internal server error has occurred'));
    }
    const endpoint = endpoints[path];
    if (!endpoint) return errorReply(new KvsServiceError(404, 'NOT_FOUND', `No KVS endpoint at ${path}`));
    try {
      limiter.admit(path, typeof bodyText === 'string' ? Buffer.byteLength(bodyText) : 0);
      const answer = endpoint(parseBody(bodyText));
      limiter.charge(path, answer.body === undefined ? 0 : Buffer.byteLength(JSON.stringify(answer.body)));
      return answer;
    } catch (error) {
      if (error instanceof KvsServiceError) return errorReply(error);
      // Anything else is a bug in this emulator; its message may quote stored values, so it stays out of the reply.
      return errorReply(new KvsServiceError(500, 'INTERNAL_SERVER_ERROR', 'An internal server error has occurred'));
    }
  };

  return {
    operations,
    async handle(path, init) {
      const bodyText = init?.body;
      operations.push({ path, ...keyOf(bodyText) });
      const { status, body } = reply(path, bodyText);
      return body === undefined
        ? new Response(null, { status })
        : new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    },
    clearOperations: () => void operations.splice(0),
    failNext(path, times = 1) {
      faults.set(path, (faults.get(path) ?? 0) + times);
    },
    clearFaults: () => faults.clear(),
  };
}

function parseBody(bodyText: unknown): unknown {
  if (typeof bodyText !== 'string') throw new KvsServiceError(400, 'BAD_REQUEST', 'Provided request body is invalid');
  try {
    return JSON.parse(bodyText) as unknown;
  } catch {
    throw new KvsServiceError(400, 'BAD_REQUEST', 'Provided request body is invalid');
  }
}

function keyOf(bodyText: unknown): { key?: string } {
  try {
    const parsed = typeof bodyText === 'string' ? (JSON.parse(bodyText) as { key?: unknown }) : undefined;
    return parsed && typeof parsed.key === 'string' ? { key: parsed.key } : {};
  } catch {
    return {};
  }
}

function errorReply(error: KvsServiceError): KvsReply {
  return { status: error.status, body: { code: error.code, message: error.message } };
}
