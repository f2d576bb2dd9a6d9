/**
 * Bitbucket writes UUIDs in braces (`{0f7b…}`), Forge contexts and hand-made requests sometimes without, and
 * case is not guaranteed either. One spelling, braced and lower case, is what routes use and what is compared.
 */
const UUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/** The canonical `{uuid}` form, or null for anything that is not a UUID. */
export function canonicalUuid(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = UUID.exec(value.trim());
  return match ? `{${match[1]!.toLowerCase()}}` : null;
}

export const sameUuid = (a: unknown, b: unknown): boolean => {
  const left = canonicalUuid(a);
  return left !== null && left === canonicalUuid(b);
};
