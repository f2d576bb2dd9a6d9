/** Turns the JSON bodies @forge/kvs sends into checked values, failing the way the service does. */
import { badRequest } from './kvs-service-error';
import { validateEntityName, validateKey } from './kvs-limits';
import type { KvsScope, StoredEntry } from './kvs-store';

export type JsonObject = Record<string, unknown>;

export function asObject(body: unknown): JsonObject {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('Provided request body is invalid');
  return body as JsonObject;
}

export function asItems(body: unknown, max: number): JsonObject[] {
  if (!Array.isArray(body) || body.length === 0) throw badRequest('Provided request body is invalid: at least one item is required');
  if (body.length > max) throw badRequest(`Provided request body is invalid: at most ${max} items are allowed`);
  return body.map(asObject);
}

export function valueScope(item: JsonObject): KvsScope {
  return { table: 'kvs_values', entity: item.entityName === undefined ? '' : validateEntityName(item.entityName) };
}

/** The service rejects a batch or transaction that names the same key twice. */
export function assertUniqueKeys(items: JsonObject[]): void {
  const seen = new Set<string>();
  for (const item of items) {
    const id = `${String(item.entityName ?? '')}\u0000${String(item.key)}`;
    if (seen.has(id)) throw badRequest(`Provided request body is invalid: key '${String(item.key)}' is used more than once`);
    seen.add(id);
  }
}

const TTL_UNIT_MS: Record<string, number> = { SECONDS: 1000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 };

export function ttlMs(options: unknown): number | null {
  const ttl = options && typeof options === 'object' ? (options as JsonObject).ttl : undefined;
  if (ttl === undefined) return null;
  const { value, unit } = asObject(ttl);
  const unitMs = typeof unit === 'string' ? TTL_UNIT_MS[unit] : undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0 || unitMs === undefined) {
    throw badRequest('Provided request body is invalid: ttl needs a positive integer value and a unit');
  }
  return value * unitMs;
}

export function checkedKey(item: JsonObject): string {
  return validateKey(item.key);
}

export function entryBody(entry: StoredEntry): JsonObject {
  return {
    key: entry.key,
    ...(entry.entity ? { entityName: entry.entity } : {}),
    value: entry.value,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
    ...(entry.expireAt === null ? {} : { expireTime: new Date(entry.expireAt).toISOString() }),
  };
}
