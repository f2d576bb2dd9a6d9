/**
 * TeamCity requests to add a token (and the round trips of waiting they cost, from the simulator's log) and
 * storage operations to list N tokens, counted from the local host's transports (the simulator's request log,
 * the @forge/kvs transport's operation log).
 */
import { startLocalHost, type LocalHost } from '../local/forge-host/start-local-host';
import { MAX_QUERY_LIMIT } from '../local/forge-host/storage/kvs-limits';
import type { KvsOperation } from '../local/forge-host/storage/kvs-transport';
import { RESOLVER_FUNCTIONS } from '../src/shared/schemas';
import { storageKeys } from '../src/stores/storage-keys';
import { addToken, addTokensOnDistinctServers } from './distinct-servers';
import { runStandalone, within, type Figure } from './figure';
import { roundTrips } from './round-trips';

const LIST_SIZES = [1, 10, 100];
/**
 * The budget's unit: a Forge query page holds at most 20 entries (Forge docs, "Querying key-value pairs") and a
 * token takes 2 (its metadata and its status), so one page per 10 tokens.
 */
const TOKENS_PER_PAGE = 10;
/** Each TeamCity answer is held back this long, so requests that go out together visibly overlap. */
const ANSWER_DELAY_MS = 150;
/** Storage calls that fetch a single key (or a batch of keys): what listing must not do per token. */
const KEY_READS = new Set(['/api/v1/get', '/api/v1/secret/get', '/api/v1/entity/get', '/api/v1/batch/get']);

async function addTokenRequests(host: LocalHost): Promise<Figure> {
  const simulator = host.simulator;
  if (!simulator) throw new Error('The local host started without its TeamCity simulator.');
  simulator.clearRequests();
  simulator.setFault('slow', { delayMs: ANSWER_DELAY_MS });
  const started = performance.now();
  await addToken(host, 'bench-add', simulator).finally(() => simulator.setFault(null));
  const ms = performance.now() - started;
  const requests = simulator.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`);
  const trips = roundTrips(simulator.requests);
  return {
    name: `TeamCity requests to add a token, and round trips of waiting (each answer delayed ${ANSWER_DELAY_MS} ms)`,
    value: `${requests.length} requests (${requests.join(', ')}) in ${trips} round trip${trips === 1 ? '' : 's'}; addToken took ${Math.round(ms)} ms`,
    budget: '1 round trip',
    verdict: within(trips <= 1),
  };
}

const countPaths = (operations: KvsOperation[], paths: (path: string) => boolean) => operations.filter((op) => paths(op.path)).length;

async function listOperations(host: LocalHost, count: number): Promise<Figure> {
  const user = `bench-list-${count}`;
  const servers = await addTokensOnDistinctServers(host, user, count);
  try {
    host.kvs.clearOperations();
    const result = (await host.invoke(user, RESOLVER_FUNCTIONS.listTokens, {})) as { ok: boolean; data?: { tokens: unknown[] } };
    const listed = result.ok ? (result.data?.tokens.length ?? 0) : -1;
    if (listed !== count) throw new Error(`listTokens returned ${listed} tokens, expected ${count}`);
    const operations = [...host.kvs.operations];
    const queries = countPaths(operations, (p) => p === '/api/v1/query');
    const reads = operations.filter((op) => KEY_READS.has(op.path));
    // Reads of the user's token entries grow with N; a fixed read (the workspace policy that comes with the
    // list) does not.
    const ownPrefix = storageKeys.tokensOf(host.accountIdFor(user));
    const perTokenReads = reads.filter(
      (op) => op.key === undefined || op.key.startsWith(ownPrefix) || op.key.startsWith('tc-secret:'),
    ).length;
    const fixedReads = reads.length - perTokenReads;
    const others = operations.length - queries - reads.length;
    const tokenEntries = host.kvs
      .rawEntries()
      .filter((e) => !e.secret && e.key.startsWith(storageKeys.tokensOf(host.accountIdFor(user)))).length;
    const allowedQueries = Math.max(1, Math.ceil(count / TOKENS_PER_PAGE));
    return {
      name: `storage operations to list ${count} token${count === 1 ? '' : 's'}`,
      value:
        `${queries} query page${queries === 1 ? '' : 's'}, ${perTokenReads} per-token key reads, ${fixedReads} fixed${others > 0 ? `, ${others} other` : ''} ` +
        `(${tokenEntries} entries stored for the user; the host caps a page at ${MAX_QUERY_LIMIT})`,
      budget: `≤ ${allowedQueries} query page${allowedQueries === 1 ? '' : 's'} (1 up to 10 tokens, +1 per 10 more), no per-token reads`,
      verdict: within(queries <= allowedQueries && perTokenReads === 0 && others === 0),
    };
  } finally {
    await servers.close();
  }
}

export async function tokenOperationFigures(): Promise<Figure[]> {
  const host = await startLocalHost({ port: 0, dbPath: ':memory:' });
  try {
    const figures = [await addTokenRequests(host)];
    for (const count of LIST_SIZES) figures.push(await listOperations(host, count));
    return figures;
  } finally {
    await host.close();
  }
}

runStandalone(module, tokenOperationFigures);
