/** get / set / delete for plain values, secrets and custom entities: one implementation, three scopes. */
import { serializeValue } from './kvs-limits';
import { KvsServiceError, keyNotFound } from './kvs-service-error';
import { asObject, checkedKey, entryBody, ttlMs, valueScope, type JsonObject } from './kvs-request-parsing';
import { json, noContent, type KvsEndpoint } from './kvs-reply';
import type { KvsScope, KvsStore } from './kvs-store';

type ScopeOf = (request: JsonObject) => KvsScope;

export const plainScope: ScopeOf = () => ({ table: 'kvs_values', entity: '' });
export const secretScope: ScopeOf = () => ({ table: 'kvs_secrets', entity: '' });
export const entityScope: ScopeOf = (request) => {
  if (request.entityName === undefined) throw new KvsServiceError(400, 'INVALID_ENTITY_NAME', 'The entity name is required.');
  return valueScope(request);
};

export function keyEndpoints(store: KvsStore, scopeOf: ScopeOf): { get: KvsEndpoint; set: KvsEndpoint; delete: KvsEndpoint } {
  return {
    get(body) {
      const request = asObject(body);
      const entry = store.read(scopeOf(request), checkedKey(request));
      if (!entry) throw keyNotFound();
      return json(entryBody(entry));
    },
    set(body) {
      const request = asObject(body);
      const scope = scopeOf(request);
      const key = checkedKey(request);
      const valueText = serializeValue(request.value);
      const options = (request.options ?? {}) as JsonObject;
      const ttl = ttlMs(options);
      if (options.keyPolicy === 'FAIL_IF_EXISTS' && store.read(scope, key)) {
        throw new KvsServiceError(409, 'KEY_ALREADY_EXISTS', 'The provided key already exists');
      }
      const { previous, latest } = store.write(scope, key, valueText, ttl);
      if (options.returnValue === 'LATEST') return json(entryBody(latest));
      if (options.returnValue === 'PREVIOUS') return previous ? json(entryBody(previous)) : noContent();
      return noContent();
    },
    delete(body) {
      const request = asObject(body);
      store.remove(scopeOf(request), checkedKey(request));
      return noContent();
    },
  };
}
