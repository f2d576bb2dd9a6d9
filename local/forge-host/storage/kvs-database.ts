/** Opens the SQLite file (or ':memory:') that backs the local KVS and creates its tables. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type KvsTable = 'kvs_values' | 'kvs_secrets';

export function openKvsDatabase(dbPath: string): Database.Database {
  if (dbPath !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(dbPath)), { recursive: true });
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  // Secrets get their own table so no query over values can ever reach them.
  for (const table of ['kvs_values', 'kvs_secrets'] satisfies KvsTable[]) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${table} (
      entity TEXT NOT NULL DEFAULT '',
      key TEXT NOT NULL,
      value TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      expire_at INTEGER,
      PRIMARY KEY (entity, key)
    )`);
  }
  return db;
}
