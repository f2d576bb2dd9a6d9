/** Row-level access to the local KVS tables: expiry, timestamps and key-ordered paging. */
import type Database from 'better-sqlite3';
import type { KvsTable } from './kvs-database';

export type KvsScope = { table: KvsTable; entity: string };
export type StoredEntry = { key: string; entity: string; value: unknown; createdAt: number; updatedAt: number; expireAt: number | null };

type Row = { entity: string; key: string; value: string; created_at: number; updated_at: number; expire_at: number | null };

const LIVE = '(expire_at IS NULL OR expire_at > @now)';

export class KvsStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number = Date.now,
  ) {}

  read(scope: KvsScope, key: string): StoredEntry | undefined {
    const row = this.db
      .prepare(`SELECT * FROM ${scope.table} WHERE entity = @entity AND key = @key AND ${LIVE}`)
      .get({ entity: scope.entity, key, now: this.now() }) as Row | undefined;
    return row && toEntry(row);
  }

  write(scope: KvsScope, key: string, valueText: string, ttlMs: number | null): { previous?: StoredEntry; latest: StoredEntry } {
    const previous = this.read(scope, key);
    const now = this.now();
    const createdAt = previous?.createdAt ?? now;
    this.db
      .prepare(
        `INSERT INTO ${scope.table} (entity, key, value, created_at, updated_at, expire_at)
         VALUES (@entity, @key, @value, @createdAt, @now, @expireAt)
         ON CONFLICT (entity, key) DO UPDATE SET value = @value, created_at = @createdAt, updated_at = @now, expire_at = @expireAt`,
      )
      .run({ entity: scope.entity, key, value: valueText, createdAt, now, expireAt: ttlMs === null ? null : now + ttlMs });
    return { previous, latest: this.read(scope, key)! };
  }

  remove(scope: KvsScope, key: string): boolean {
    const live = this.read(scope, key) !== undefined;
    this.db.prepare(`DELETE FROM ${scope.table} WHERE entity = ? AND key = ?`).run(scope.entity, key);
    return live;
  }

  /** Plain values only, in key order; fetches one extra row to know whether another page exists. */
  queryValues(prefix: string, after: string | undefined, limit: number): { entries: StoredEntry[]; hasMore: boolean } {
    const rows = this.db
      .prepare(
        `SELECT * FROM kvs_values WHERE entity = '' AND ${LIVE}
           AND substr(key, 1, @prefixLength) = @prefix AND (@after IS NULL OR key > @after)
         ORDER BY key LIMIT @take`,
      )
      .all({ now: this.now(), prefix, prefixLength: prefix.length, after: after ?? null, take: limit + 1 }) as Row[];
    return { entries: rows.slice(0, limit).map(toEntry), hasMore: rows.length > limit };
  }

  /** Runs `work` atomically: everything it wrote is rolled back if it throws. */
  atomically<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  allEntries(table: KvsTable): StoredEntry[] {
    return (this.db.prepare(`SELECT * FROM ${table} WHERE ${LIVE} ORDER BY entity, key`).all({ now: this.now() }) as Row[]).map(toEntry);
  }
}

function toEntry(row: Row): StoredEntry {
  return {
    key: row.key,
    entity: row.entity,
    value: JSON.parse(row.value) as unknown,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    expireAt: row.expire_at,
  };
}
