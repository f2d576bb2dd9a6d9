import { type Locator, numberDim, withDims } from './locator';
import { badRequest } from './errors';
import type { JsonObject } from './render-context';

/** Keeps locator syntax readable in hrefs (as TeamCity prints them) while escaping what would break a URL. */
export function encodeLocator(text: string): string {
  return encodeURIComponent(text)
    .replace(/%3A/gi, ':')
    .replace(/%2C/gi, ',')
    .replace(/%28/g, '(')
    .replace(/%29/g, ')')
    .replace(/%2F/gi, '/')
    .replace(/%24/g, '$');
}

export type PageRequest = {
  /** Request pathname, e.g. /app/rest/buildTypes. */
  path: string;
  query: URLSearchParams;
  locator?: Locator;
  /** Page size when neither the locator nor the query sets one; undefined = everything. */
  defaultCount?: number;
};

function queryNumber(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  if (!/^\d+$/.test(raw)) throw badRequest(`Invalid value of parameter '${name}': '${raw}'. Should be a number.`);
  return Number(raw);
}

function hrefWith(path: string, query: URLSearchParams, replace: Record<string, string>): string {
  const parts: string[] = [];
  for (const [k, v] of query) if (!(k in replace)) parts.push(`${k}=${k === 'locator' ? encodeLocator(v) : encodeURIComponent(v)}`);
  for (const [k, v] of Object.entries(replace)) parts.push(`${k}=${k === 'locator' ? encodeLocator(v) : v}`);
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

/**
 * Slices a list like TeamCity: count is the number of items in this page; nextHref/prevHref appear only when
 * there is more (locator paging rewrites count:/start:, query paging rewrites ?count=&start=).
 */
export function page<T>(items: T[], req: PageRequest): { items: T[]; meta: JsonObject } {
  const locCount = req.locator ? numberDim(req.locator, 'count') : undefined;
  const locStart = req.locator ? numberDim(req.locator, 'start') : undefined;
  const qCount = queryNumber(req.query, 'count');
  const qStart = queryNumber(req.query, 'start');
  const byQuery = locCount === undefined && locStart === undefined && (qCount !== undefined || qStart !== undefined);
  const count = locCount ?? qCount ?? req.defaultCount;
  const start = locStart ?? qStart ?? 0;
  const slice = count === undefined ? items.slice(start) : items.slice(start, start + count);
  const href = hrefWith(req.path, req.query, {});
  let nextHref: string | undefined;
  let prevHref: string | undefined;
  if (count !== undefined) {
    const link = (s: number) =>
      byQuery
        ? hrefWith(req.path, req.query, { count: String(count), start: String(s) })
        : hrefWith(req.path, req.query, {
            locator: req.locator ? withDims(req.locator, { count: String(count), start: String(s) }) : `count:${count},start:${s}`,
          });
    if (start + count < items.length) nextHref = link(start + count);
    if (start > 0) prevHref = link(Math.max(0, start - count));
  }
  return { items: slice, meta: { count: slice.length, href, nextHref, prevHref } };
}
