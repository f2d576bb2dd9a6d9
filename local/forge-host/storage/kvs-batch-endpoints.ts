/** `/api/v1/batch/*`: each item succeeds or fails on its own; the batch as a whole only fails when malformed. */
import { MAX_BATCH_ITEMS, serializeValue } from './kvs-limits';
import { KvsServiceError, keyNotFound } from './kvs-service-error';
import { asItems, assertUniqueKeys, checkedKey, entryBody, ttlMs, valueScope, type JsonObject } from './kvs-request-parsing';
import { json, type KvsEndpoint } from './kvs-reply';
import type { KvsStore } from './kvs-store';

type ItemOutcome = { success: JsonObject } | { failure: JsonObject };

function batch(body: unknown, perItem: (item: JsonObject) => JsonObject) {
  const items = asItems(body, MAX_BATCH_ITEMS);
  assertUniqueKeys(items);
  const outcomes: ItemOutcome[] = items.map((item) => {
    try {
      return { success: perItem(item) };
    } catch (error) {
      if (!(error instanceof KvsServiceError)) throw error;
      return { failure: { ...itemId(item), error: { code: error.code, message: error.message } } };
    }
  });
  return json({
    successfulKeys: outcomes.flatMap((o) => ('success' in o ? [o.success] : [])),
    failedKeys: outcomes.flatMap((o) => ('failure' in o ? [o.failure] : [])),
  });
}

function itemId(item: JsonObject): JsonObject {
  return { key: item.key, ...(item.entityName === undefined ? {} : { entityName: item.entityName }) };
}

export function batchEndpoints(store: KvsStore): { set: KvsEndpoint; get: KvsEndpoint; delete: KvsEndpoint } {
  return {
    set: (body) =>
      batch(body, (item) => {
        const scope = valueScope(item);
        store.write(scope, checkedKey(item), serializeValue(item.value), ttlMs(item.options));
        return itemId(item);
      }),
    get: (body) =>
      batch(body, (item) => {
        const entry = store.read(valueScope(item), checkedKey(item));
        if (!entry) throw keyNotFound();
        return entryBody(entry);
      }),
    delete: (body) =>
      batch(body, (item) => {
        store.remove(valueScope(item), checkedKey(item));
        return itemId(item);
      }),
  };
}
