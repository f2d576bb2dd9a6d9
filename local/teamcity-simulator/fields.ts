import { badRequest } from './errors';
import type { Json, JsonObject } from './render-context';

/** A parsed fields= spec: key -> nested spec (null when the key has no sub-selection). */
export type FieldsSpec = Map<string, FieldsSpec | null>;

export function parseFields(text: string): FieldsSpec {
  const spec: FieldsSpec = new Map();
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (j < text.length && text[j] !== ',' && text[j] !== '(') j++;
    const key = text.slice(i, j).trim();
    if (text[j] === '(') {
      let depth = 0;
      let k = j;
      for (; k < text.length; k++) {
        if (text[k] === '(') depth++;
        else if (text[k] === ')' && --depth === 0) break;
      }
      if (k >= text.length) throw badRequest(`Error parsing fields '${text}': no closing parenthesis.`);
      spec.set(key, parseFields(text.slice(j + 1, k)));
      i = k + 2;
    } else {
      if (key) spec.set(key, null);
      i = j + 1;
    }
  }
  return spec;
}

/**
 * Keeps only the requested keys. An approximation of TeamCity's fields: '*' keeps every key, a key without a
 * sub-selection keeps its value as rendered, and '$locator(...)'-style entries are ignored.
 */
export function applyFields(value: Json | undefined, spec: FieldsSpec): Json | undefined {
  if (Array.isArray(value)) return value.map((v) => applyFields(v, spec) ?? null);
  if (value === null || typeof value !== 'object') return value;
  const obj = value as JsonObject;
  const out: JsonObject = {};
  const all = spec.has('*');
  for (const [key, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    const sub = spec.get(key);
    if (sub) out[key] = applyFields(v, sub);
    else if (spec.has(key) || all) out[key] = v;
  }
  return out;
}

/** Whether the spec asks for more than the short form of the list items under `itemKey`. */
export function wantsItemDetails(spec: FieldsSpec | undefined, itemKey: string): boolean {
  const sub = spec?.get(itemKey);
  return sub !== undefined && sub !== null;
}
