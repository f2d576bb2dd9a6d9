import type { Property } from './entities';
import type { JsonObject } from './render-context';

/** Password parameters: TeamCity never sends their values over REST (typed-parameters docs), it sends "". */
const isPassword = (p: Property) => p.rawType !== undefined && /^password\b/.test(p.rawType.trim());

/** TeamCity's {count, property:[{name, value, type:{rawValue}}]} list; a typed parameter carries its spec. */
export function propertiesOf(props: Property[]): JsonObject {
  return {
    count: props.length,
    property: props.map((p) => ({
      name: p.name,
      value: isPassword(p) ? '' : p.value,
      ...(p.rawType !== undefined && { type: { rawValue: p.rawType } }),
    })),
  };
}
