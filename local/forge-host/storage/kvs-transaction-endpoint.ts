/** `/api/v1/transaction`: checks, sets and deletes that all happen or none does. */
import { conditionsHold, type Conditions } from './kvs-conditions';
import { MAX_TRANSACTION_OPERATIONS, serializeValue } from './kvs-limits';
import { KvsServiceError, badRequest } from './kvs-service-error';
import { asObject, assertUniqueKeys, checkedKey, ttlMs, valueScope, type JsonObject } from './kvs-request-parsing';
import { noContent, type KvsEndpoint } from './kvs-reply';
import type { KvsStore } from './kvs-store';

const conditionFailed = (key: string) =>
  new KvsServiceError(409, 'CONDITION_CHECK_FAILED', `The transaction conditions for key '${key}' were not met`);

export function transactionEndpoint(store: KvsStore): KvsEndpoint {
  return (body) => {
    const request = asObject(body);
    const sets = listOf(request.set);
    const deletes = listOf(request.delete);
    const checks = listOf(request.check);
    const all = [...sets, ...deletes, ...checks];
    if (all.length === 0) throw badRequest('Provided request body is invalid: the transaction has no operations');
    if (all.length > MAX_TRANSACTION_OPERATIONS) {
      throw badRequest(`Provided request body is invalid: at most ${MAX_TRANSACTION_OPERATIONS} operations per transaction`);
    }
    assertUniqueKeys(all);

    store.atomically(() => {
      const conditionsMet = (item: JsonObject, mustExist: boolean) => {
        const key = checkedKey(item);
        const current = store.read(valueScope(item), key);
        if ((mustExist && !current) || !conditionsHold(item.conditions as Conditions | undefined, current?.value, current !== undefined)) {
          throw conditionFailed(key);
        }
      };
      checks.forEach((item) => conditionsMet(item, true));
      for (const item of sets) {
        conditionsMet(item, false);
        store.write(valueScope(item), checkedKey(item), serializeValue(item.value), ttlMs(item.options));
      }
      for (const item of deletes) {
        conditionsMet(item, false);
        store.remove(valueScope(item), checkedKey(item));
      }
    });
    return noContent();
  };
}

function listOf(value: unknown): JsonObject[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badRequest('Provided request body is invalid');
  return value.map(asObject);
}
