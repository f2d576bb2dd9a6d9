/**
 * Typed resolver calls and storage views over the real local host, shared by the security and reliability
 * suites so each test reads as what it tries, not as plumbing.
 */
import { startLocalHost, type LocalHost, type LocalHostOptions } from '../../../local/forge-host/start-local-host';
import { extensionForFrame } from '../../../local/forge-host/runtime/extension-context';
import { encodeKeyPart } from '../../../src/stores/storage-keys';
import type { Result } from '../../../src/shared/result';
import type { AddTokenResponse, ListTokensResponse, TokenView } from '../../../src/shared/schemas';

export type { LocalHost };
export type Simulator = NonNullable<LocalHost['simulator']>;
export type Entry = ReturnType<LocalHost['kvs']['rawEntries']>[number];
export type TestHost = LocalHost & { simulator: Simulator };

/** Builds move quickly so "follow" and "cancel" see every state within a test. */
export async function startTestHost(log?: (line: string) => void, options: LocalHostOptions = {}): Promise<TestHost> {
  const host = await startLocalHost({
    port: 0,
    dbPath: ':memory:',
    teamcity: { buildDurations: { queuedMs: 200, runningMs: 2000 } },
    ...(log && { log }),
    ...options,
  });
  if (!host.simulator) throw new Error('The local host started without its TeamCity simulator.');
  return host as TestHost;
}

export const repoExtension = () => extensionForFrame({ module: 'teamcity-run-build-repo', workspace: 'acme', repo: 'webapp' });
export const prExtension = () => extensionForFrame({ module: 'teamcity-run-build-pr', workspace: 'acme', repo: 'webapp', pr: '1' });

export const call = async <T = unknown>(
  host: LocalHost,
  user: string,
  fn: string,
  payload?: unknown,
  extension?: Record<string, unknown>,
) => (await host.invoke(user, fn, payload, extension)) as Result<T>;

export const addToken = (host: LocalHost, user: string, serverUrl: string, token: string) =>
  call<AddTokenResponse>(host, user, 'addToken', { serverUrl, token });

export async function addedTokenId(host: LocalHost, user: string, serverUrl: string, token: string): Promise<string> {
  const added = await addToken(host, user, serverUrl, token);
  if (!added.ok) throw new Error(`addToken failed: ${added.error.code} ${added.error.message}`);
  return added.data.token.id;
}

export async function listTokens(host: LocalHost, user: string): Promise<TokenView[]> {
  const listed = await call<ListTokensResponse>(host, user, 'listTokens', {});
  if (!listed.ok) throw new Error(`listTokens failed: ${listed.error.code}`);
  return listed.data.tokens;
}

/** Every stored entry, in a stable order, as one comparable string. */
export const storageSnapshot = (host: LocalHost): string =>
  JSON.stringify(host.kvs.rawEntries().sort((a, b) => (a.key + a.secret).localeCompare(b.key + b.secret)));

/** The entries whose key belongs to one emulated user (keys carry the escaped accountId). */
export const entriesOf = (host: LocalHost, user: string): Entry[] => {
  const part = `:${encodeKeyPart(host.accountIdFor(user))}:`;
  return host.kvs.rawEntries().filter((e) => e.key.includes(part));
};

export const userSnapshot = (host: LocalHost, user: string): string =>
  JSON.stringify(entriesOf(host, user).sort((a, b) => (a.key + a.secret).localeCompare(b.key + b.secret)));
