/** Evaluates the `{ and | or: [{ property, condition, values }] }` conditions of KVS transactions. */
type Filter = { property?: unknown; condition?: unknown; values?: unknown };
export type Conditions = { and?: Filter[]; or?: Filter[] };

export function conditionsHold(conditions: Conditions | undefined, current: unknown, exists: boolean): boolean {
  if (!conditions) return true;
  const test = (filter: Filter) => filterHolds(filter, current, exists);
  if (Array.isArray(conditions.and) && !conditions.and.every(test)) return false;
  if (Array.isArray(conditions.or) && conditions.or.length > 0 && !conditions.or.some(test)) return false;
  return true;
}

function filterHolds(filter: Filter, current: unknown, exists: boolean): boolean {
  const field =
    exists && current !== null && typeof current === 'object' && typeof filter.property === 'string'
      ? (current as Record<string, unknown>)[filter.property]
      : undefined;
  const values = Array.isArray(filter.values) ? filter.values : [];
  const [a, b] = values as [unknown, unknown];
  switch (filter.condition) {
    case 'EXISTS':
      return field !== undefined;
    case 'NOT_EXISTS':
      return field === undefined;
    case 'EQUAL_TO':
      return field === a;
    case 'NOT_EQUAL_TO':
      return field !== a;
    case 'BEGINS_WITH':
      return typeof field === 'string' && field.startsWith(String(a));
    case 'CONTAINS':
      return containsValue(field, a);
    case 'NOT_CONTAINS':
      return !containsValue(field, a);
    case 'GREATER_THAN':
      return compare(field, a) > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return compare(field, a) >= 0;
    case 'LESS_THAN':
      return compare(field, a) < 0;
    case 'LESS_THAN_EQUAL_TO':
      return compare(field, a) <= 0;
    case 'BETWEEN':
      return compare(field, a) >= 0 && compare(field, b) <= 0;
    default:
      return false;
  }
}

function containsValue(field: unknown, needle: unknown): boolean {
  if (typeof field === 'string') return field.includes(String(needle));
  return Array.isArray(field) && field.includes(needle);
}

/** NaN when the two are not comparable, so every ordering test is false. */
function compare(left: unknown, right: unknown): number {
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  if (typeof left === 'string' && typeof right === 'string') return left < right ? -1 : left > right ? 1 : 0;
  return Number.NaN;
}
