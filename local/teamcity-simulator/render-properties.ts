import type { Property } from './entities';
import type { JsonObject } from './render-context';

/** TeamCity's {count, property:[{name, value}]} list. */
export function propertiesOf(props: Property[]): JsonObject {
  return { count: props.length, property: props.map((p) => ({ name: p.name, value: p.value })) };
}
