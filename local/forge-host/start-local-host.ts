/**
 * The local Forge host: the app's resolver, @forge/kvs on SQLite, an emulated Bitbucket and its pages,
 * with the Custom UI resources in frames and a bridge. Tests and benchmarks start it here.
 *
 * Only one host may run per process at a time: the @forge packages reach the platform through the
 * process-wide `global.__forge_fetch__`, which the host owns until `close()` restores it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { SimulatorOptions, TeamCitySimulator } from '../teamcity-simulator';
import { demoUser, isValidUserName } from './bitbucket/demo-data';
import { isServedHost } from './http/request-origin';
import { seedPullRequestBuilds } from './demo-builds';
import { createRouter } from './http/router';
import { customUiCsp } from './http/custom-ui-csp';
import { readAppManifest } from './runtime/app-manifest';
import { settingsPageExtension, type Extension } from './runtime/extension-context';
import { installEgress } from './runtime/egress';
import { installForgeFetch } from './runtime/forge-fetch';
import { connectSimulatorToBranches, createMergeChecks, type MergeChecks } from './runtime/merge-check-host';
import { loadAppHandler, runResolver, type ResolverHandler } from './runtime/resolver-runner';
import { createUserConsent, type ConsentMode } from './runtime/user-consent';
import { openKvsDatabase } from './storage/kvs-database';
import { KvsStore } from './storage/kvs-store';
import { createKvsTransport, type KvsOperation } from './storage/kvs-transport';

export type { TeamCitySimulator };

export type LocalHostOptions = {
  /** Default 0: an ephemeral port, so tests can run in parallel. */
  port?: number;
  /** Default ':memory:'; main.ts passes the file path. */
  dbPath?: string;
  /** Default {}: start a TeamCity simulator; false: none. */
  teamcity?: false | SimulatorOptions;
  log?: (line: string) => void;
  /** The resolver handler to run; default: `handler` from src/index.ts. */
  handler?: ResolverHandler;
  /** Give the demo pull requests' head commits builds in every state (demo-builds.ts); default false. */
  pullRequestBuilds?: boolean;
  /** Where the Custom UI resources live (`<resource>/dist`); default: the repository's static/. */
  staticDir?: string;
  /**
   * One clock (epoch ms) for the app, its storage (TTLs, rate-limit windows), consent times and the simulator;
   * default Date.now. Tests pass a test/support/test-clock.ts clock so nothing they check depends on the wall
   * clock. The app ignores it when `handler` is given.
   */
  now?: () => number;
  /**
   * 'ask' (npm start): each user allows the app access once before its first asUser() call, as in Forge;
   * default 'granted', so tests that are not about consent skip the step.
   */
  consent?: ConsentMode;
  /**
   * Default true: Forge's per-installation KVS rates (1000 rps, 4000 read and write units a minute). Only a
   * load test that measures the app itself, beyond what one Forge installation may do, turns them off.
   */
  kvsRateLimits?: boolean;
  /** How long an invocation may run before it is cut off; default Forge's 25 s. */
  invocationLimitMs?: number;
  /** The manifest whose permissions the host enforces (CSP, egress, scopes); default: the repository's manifest.yml. */
  manifestPath?: string;
};

export interface LocalHost {
  url: string;
  simulator: TeamCitySimulator | null;
  /** Same path as the bridge's invoke, for integration tests. `extension` defaults to the personal settings page. */
  invoke(userName: string, functionKey: string, payload?: unknown, extension?: Record<string, unknown>): Promise<unknown>;
  accountIdFor(userName: string): string;
  /** The consent step (only meaningful with `consent: 'ask'`). */
  consent: { has(userName: string): boolean; grant(userName: string): void; revoke(userName: string): void };
  kvs: {
    operations: KvsOperation[];
    clearOperations(): void;
    failNext(path: string, times?: number): void;
    clearFaults(): void;
    /** For tests that inspect storage; the only place secret values ever leave the store. */
    rawEntries(): Array<{ key: string; value: unknown; secret: boolean }>;
    /** For tests that need stored data the app would only write later (e.g. a check from hours ago). */
    writeRaw(key: string, value: unknown): void;
  };
  httpLog: Array<{ method: string; path: string; status: number }>;
  /** Custom merge checks: run on pushes, approvals and merges, as Bitbucket runs them. */
  mergeChecks: MergeChecks;
  close(): Promise<void>;
}

const REPO_ROOT = path.resolve(__dirname, '..', '..');

export async function startLocalHost(options: LocalHostOptions = {}): Promise<LocalHost> {
  const log = options.log ?? (() => undefined);
  const manifest = readAppManifest(options.manifestPath);
  const db = openKvsDatabase(options.dbPath ?? ':memory:');
  const now = options.now ?? Date.now;
  const store = new KvsStore(db, now);
  const transport = createKvsTransport(store, now, options.kvsRateLimits ?? true);
  const consent = createUserConsent(db, options.consent ?? 'granted', now);
  let uninstallFetch: (() => void) | undefined;
  let uninstallEgress: (() => void) | undefined;
  let simulator: TeamCitySimulator | null = null;
  try {
    uninstallFetch = installForgeFetch({ kvs: transport, consent, scopes: manifest.scopes });
    uninstallEgress = installEgress({ backend: manifest.external.fetchBackend });
    const loadedHandler = options.handler ? Promise.resolve(options.handler) : loadAppHandler(options.now);
    loadedHandler.catch((error: unknown) =>
      log(`The app's resolver could not be loaded: ${error instanceof Error ? error.message : String(error)}`),
    );

    if (options.teamcity !== false) {
      const { startTeamCitySimulator } = await import('../teamcity-simulator');
      simulator = await startTeamCitySimulator({ ...(options.now && { now: options.now }), ...options.teamcity });
      connectSimulatorToBranches(simulator);
      if (options.pullRequestBuilds) seedPullRequestBuilds(simulator.data);
    }
    const mergeChecks = createMergeChecks();

    const invokeAs = async (userName: string, functionKey: string, payload: unknown, extension: Extension) => {
      if (!isValidUserName(userName)) throw new Error(`"${userName}" is not a valid emulated user name.`);
      return runResolver(await loadedHandler, demoUser(userName), functionKey, payload, extension, options.invocationLimitMs);
    };

    const httpLog: LocalHost['httpLog'] = [];
    const router = createRouter({
      staticDir: options.staticDir ?? path.join(REPO_ROOT, 'static'),
      customUiCsp: customUiCsp(manifest),
      consent,
      invoke: (user, key, payload, ext) => invokeAs(user.name, key, payload, ext),
      mergeChecks,
    });
    let servedPort = -1;
    const server = http.createServer((req, res) => {
      const started = performance.now();
      // The path only: query strings and bodies stay out of logs.
      const pathOnly = (req.url ?? '/').split('?')[0] ?? '/';
      res.on('finish', () => {
        httpLog.push({ method: req.method ?? 'GET', path: pathOnly, status: res.statusCode });
        log(`${req.method} ${pathOnly} ${res.statusCode} ${Math.round(performance.now() - started)}ms`);
      });
      if (!isServedHost(req, servedPort)) {
        res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`This host answers only at http://127.0.0.1:${servedPort}.`);
        return;
      }
      router(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Internal error');
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', resolve);
    });
    const { port } = server.address() as AddressInfo;
    servedPort = port;

    const uninstall = () => {
      uninstallEgress?.();
      uninstallFetch?.();
    };
    return {
      url: `http://127.0.0.1:${port}`,
      simulator,
      invoke: (userName, functionKey, payload, extension) =>
        invokeAs(userName, functionKey, payload, (extension as Extension | undefined) ?? settingsPageExtension()),
      accountIdFor: (userName) => demoUser(userName).accountId,
      consent: {
        has: (userName) => consent.has(demoUser(userName).accountId),
        grant: (userName) => consent.grant(demoUser(userName).accountId),
        revoke: (userName) => consent.revoke(demoUser(userName).accountId),
      },
      kvs: {
        operations: transport.operations,
        clearOperations: transport.clearOperations,
        failNext: transport.failNext,
        clearFaults: transport.clearFaults,
        rawEntries: () => [
          ...store.allEntries('kvs_values').map((e) => ({ key: e.entity ? `${e.entity}:${e.key}` : e.key, value: e.value, secret: false })),
          ...store.allEntries('kvs_secrets').map((e) => ({ key: e.key, value: e.value, secret: true })),
        ],
        writeRaw: (key, value) => void store.write({ table: 'kvs_values', entity: '' }, key, JSON.stringify(value), null),
      },
      httpLog,
      mergeChecks,
      async close() {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await simulator?.close();
        uninstall();
        db.close();
      },
    };
  } catch (error) {
    await simulator?.close();
    uninstallEgress?.();
    uninstallFetch?.();
    db.close();
    throw error;
  }
}
