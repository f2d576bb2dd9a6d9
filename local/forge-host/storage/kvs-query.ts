/** `/api/v1/query`: BEGINS_WITH on the key, key order, opaque cursors, the service's page-size cap. */
import { DEFAULT_QUERY_LIMIT, MAX_QUERY_LIMIT } from './kvs-limits';
import { KvsServiceError, badRequest } from './kvs-service-error';
import { asObject, entryBody, type JsonObject } from './kvs-request-parsing';
import type { KvsStore } from './kvs-store';

export function runQuery(store: KvsStore, body: unknown): JsonObject {
  const request = asObject(body);
  const { entries, hasMore } = store.queryValues(prefixOf(request.where), decodeCursor(request.after), limitOf(request.limit));
  const last = entries[entries.length - 1];
  return {
    data: entries.map(entryBody),
    ...(hasMore && last ? { cursor: encodeCursor(last.key) } : {}),
  };
}

function prefixOf(where: unknown): string {
  if (where === undefined) return '';
  if (!Array.isArray(where) || where.length > 1) throw badRequest('Provided request body is invalid: at most one where condition');
  if (where.length === 0) return '';
  const clause = asObject(where[0]);
  const [prefix] = Array.isArray(clause.values) ? clause.values : [];
  if (clause.property !== 'key' || clause.condition !== 'BEGINS_WITH' || (typeof prefix !== 'string' && typeof prefix !== 'number')) {
    throw badRequest('Provided request body is invalid: only BEGINS_WITH on key is supported');
  }
  return String(prefix);
}

/** Like the service, a larger limit is not an error: the page is simply capped. */
function limitOf(limit: unknown): number {
  if (limit === undefined || limit === null) return DEFAULT_QUERY_LIMIT;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1)
    throw badRequest('Provided request body is invalid: limit must be a positive integer');
  return Math.min(limit, MAX_QUERY_LIMIT);
}

function encodeCursor(lastKey: string): string {
  return Buffer.from(JSON.stringify({ after: lastKey }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: unknown): string | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  try {
    const decoded = JSON.parse(Buffer.from(String(cursor), 'base64url').toString('utf8')) as { after?: unknown };
    if (typeof decoded.after === 'string') return decoded.after;
  } catch {
    // fall through to the service's answer for a cursor it did not issue
  }
  throw new KvsServiceError(400, 'INVALID_CURSOR', 'The provided cursor is invalid');
}
