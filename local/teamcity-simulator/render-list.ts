import { applyFields, parseFields, wantsItemDetails } from './fields';
import { parseLocator } from './locator';
import { page } from './paging';
import type { Json, JsonObject } from './render-context';
import type { RouteReply, RouteRequest } from './route-types';

export type ListSpec<T> = {
  root: string;
  itemKey: string;
  items: T[];
  short: (item: T) => JsonObject;
  full: (item: T) => JsonObject;
  defaultCount?: number;
};

/** A paged list reply; fields= selects keys and, when it names item fields, switches items to their full form. */
export function listReply<T>(req: RouteRequest, spec: ListSpec<T>): RouteReply {
  const locatorText = req.query.get('locator') ?? undefined;
  const fieldsText = req.query.get('fields') ?? undefined;
  const fields = fieldsText ? parseFields(fieldsText) : undefined;
  const { items, meta } = page(spec.items, {
    path: req.path,
    query: req.query,
    locator: locatorText ? parseLocator(locatorText) : undefined,
    defaultCount: spec.defaultCount,
  });
  const render = wantsItemDetails(fields, spec.itemKey) ? spec.full : spec.short;
  const body: JsonObject = { ...meta, [spec.itemKey]: items.map(render) };
  return { entity: { root: spec.root, body: fields ? (applyFields(body, fields) ?? null) : body } };
}

export function entityReply(req: RouteRequest, root: string, body: JsonObject): RouteReply {
  const fieldsText = req.query.get('fields');
  const shaped: Json = fieldsText ? (applyFields(body, parseFields(fieldsText)) ?? null) : body;
  return { entity: { root, body: shaped } };
}
