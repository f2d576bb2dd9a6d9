/**
 * Forge asks each user once to let the app act for them before its first `asUser()` product call; until they
 * allow it, the platform answers that call with NEEDS_AUTHENTICATION_ERR and the product shows an "Allow
 * access" prompt in place of the app. Grants live in the host's SQLite file, so the demo asks once per user.
 * https://developer.atlassian.com/platform/forge/runtime-reference/product-fetch-api/ (asUser)
 * https://developer.atlassian.com/platform/forge/runtime-reference/external-fetch-api/ ("The app is replaced
 * with a button for the user to select to start the flow")
 */
import type Database from 'better-sqlite3';

/** 'ask': every user must allow access once (npm start); 'granted': everyone already has (tests). */
export type ConsentMode = 'ask' | 'granted';

export type UserConsent = {
  mode: ConsentMode;
  has(accountId: string): boolean;
  grant(accountId: string): void;
  revoke(accountId: string): void;
};

export function createUserConsent(db: Database.Database, mode: ConsentMode, now: () => number = Date.now): UserConsent {
  db.exec('CREATE TABLE IF NOT EXISTS forge_local_consent (account_id TEXT PRIMARY KEY, granted_at INTEGER NOT NULL)');
  const select = db.prepare('SELECT 1 FROM forge_local_consent WHERE account_id = ?');
  const insert = db.prepare('INSERT OR REPLACE INTO forge_local_consent (account_id, granted_at) VALUES (?, ?)');
  const remove = db.prepare('DELETE FROM forge_local_consent WHERE account_id = ?');
  return {
    mode,
    has: (accountId) => mode === 'granted' || select.get(accountId) !== undefined,
    grant: (accountId) => void insert.run(accountId, now()),
    revoke: (accountId) => void remove.run(accountId),
  };
}
