import { kvs, WhereConditions } from '@forge/kvs';

/** The most a Key-Value Store query returns per page ("up to a maximum of 20", Forge storage docs). */
export const QUERY_PAGE_SIZE = 20;

/** Every entry whose key starts with `prefix`, one query per page of 20. */
export async function queryByPrefix(prefix: string): Promise<Array<{ key: string; value: unknown }>> {
  const entries: Array<{ key: string; value: unknown }> = [];
  let cursor: string | undefined;
  do {
    let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(QUERY_PAGE_SIZE);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany<unknown>();
    entries.push(...page.results);
    cursor = page.nextCursor;
  } while (cursor);
  return entries;
}
