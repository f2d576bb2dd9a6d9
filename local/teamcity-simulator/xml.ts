import type { Json, JsonObject } from './render-context';

/** Collection keys whose JSON array items become repeated child elements named like the key. */
const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\n/g, '&#xA;');

function element(name: string, obj: JsonObject): string {
  const attrs: string[] = [];
  const children: string[] = [];
  for (const [key, v] of Object.entries(obj)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) {
      for (const item of v)
        children.push(
          item !== null && typeof item === 'object' && !Array.isArray(item)
            ? element(key, item)
            : `<${key}>${escapeAttr(String(item))}</${key}>`,
        );
    } else if (typeof v === 'object') {
      children.push(element(key, v));
    } else {
      attrs.push(` ${key}="${escapeAttr(String(v))}"`);
    }
  }
  return children.length === 0 ? `<${name}${attrs.join('')}/>` : `<${name}${attrs.join('')}>${children.join('')}</${name}>`;
}

/**
 * TeamCity answers XML unless JSON is asked for: scalars become attributes, objects and list items child
 * elements (README point 1). Enough to make a client that forgets the Accept header fail as it would for real.
 */
export function toXml(rootName: string, body: Json): string {
  const obj: JsonObject = body !== null && typeof body === 'object' && !Array.isArray(body) ? body : { value: body };
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${element(rootName, obj)}`;
}
